# Sourced by tests/cli/play_*.sh and scripts/bench.d/player.sh: a private PulseAudio daemon with a
# null sink, a recorder of what is played into it, and a silent keep-alive stream (an idle null
# sink wakes only every 2 s, which would delay the first sound at random). Everything started here
# is stopped by pulse_stop (installed as an EXIT trap by pulse_start).
#
#   pulse_start DIR     start in scratch directory DIR; returns 1 when PulseAudio cannot start
#   pulse_record FILE   start recording null.monitor (raw s16le mono 22050 Hz) into FILE
#   pulse_stop_recording
#   pulse_stop

PULSE_PIDS=()
PULSE_RECORDER=

pulse_start() {
  local dir=$1
  command -v pulseaudio >/dev/null && command -v parec >/dev/null && command -v pacat >/dev/null || return 1
  mkdir -p "$dir/home" "$dir/runtime"
  chmod 700 "$dir/runtime"
  export HOME="$dir/home" XDG_RUNTIME_DIR="$dir/runtime" PULSE_RUNTIME_PATH="$dir/runtime/pulse"
  unset PULSE_SERVER
  trap pulse_stop EXIT
  pulseaudio -D --exit-idle-time=-1 -n --load="module-null-sink sink_name=null" \
    --load="module-native-protocol-unix" --log-target=file:"$dir/pulse.log" 2>>"$dir/pulse.log" || return 1
  local i
  for i in $(seq 50); do
    pactl info >/dev/null 2>&1 && break
    sleep 0.1
  done
  pactl info >/dev/null 2>&1 || return 1
  pactl set-default-sink null >/dev/null 2>&1
  pacat --latency-msec=5 --raw --format=s16le --rate=22050 --channels=1 </dev/zero >/dev/null 2>&1 &
  PULSE_PIDS+=($!)
  sleep 0.3
}

pulse_record() {
  parec -d null.monitor --raw --rate=22050 --channels=1 --format=s16le --latency-msec=10 >"$1" 2>/dev/null &
  PULSE_RECORDER=$!
  sleep 0.3
}

pulse_stop_recording() {
  if [[ -n $PULSE_RECORDER ]]; then
    kill "$PULSE_RECORDER" 2>/dev/null
    wait "$PULSE_RECORDER" 2>/dev/null
    PULSE_RECORDER=
  fi
}

pulse_stop() {
  pulse_stop_recording
  local pid
  for pid in "${PULSE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  PULSE_PIDS=()
  pulseaudio --kill >/dev/null 2>&1
}
