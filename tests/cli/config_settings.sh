#!/usr/bin/env bash
# Settings precedence (default < preset < config file < command line), unknown keys, malformed files.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config HOME=$tmp/home
mkdir -p "$XDG_CONFIG_HOME/vorlesen" "$HOME"
cfg=$XDG_CONFIG_HOME/vorlesen/config.toml
# value_of KEY: the value column of `config --print` for KEY; source_of KEY: its "# source" comment.
value_of() { grep "^$1 = " <<<"$out" | sed 's/^[^=]*= \([^ ]*\).*/\1/'; }
source_of() { grep "^$1 = " <<<"$out" | sed 's/.*# //'; }

# No config file: defaults.
out=$("$bin" config --print) || fail "config --print without a file failed"
[[ $(value_of rate) == 175 && $(source_of rate) == default ]] || fail "default rate: $out"
[[ $out == *"$cfg (not found)"* ]] || fail "config path not shown: $out"

# Config file beats defaults and the preset it names; the preset fills what the file leaves out.
cat > "$cfg" <<'TOML'
# my settings
voice = "frau"
rate = 190
theme = "dunkel"
sentence_pause_ms = 400
TOML
out=$("$bin" config --print) || fail "config --print with a file failed"
[[ $(value_of voice) == '"frau"' && $(source_of voice) == "config file" ]] || fail "voice from config: $out"
[[ $(value_of rate) == 190 && $(source_of rate) == "config file" ]] || fail "rate from config: $out"
[[ $(value_of pitch) == 60 && $(source_of pitch) == "preset frau" ]] || fail "pitch from preset: $out"
[[ $(value_of paragraph_pause_ms) == 700 && $(source_of paragraph_pause_ms) == "preset frau" ]] || fail "pause from preset: $out"
[[ $(value_of sentence_pause_ms) == 400 && $(source_of sentence_pause_ms) == "config file" ]] || fail "pause from config: $out"
[[ $(value_of volume) == 100 && $(source_of volume) == default ]] || fail "volume default: $out"
[[ $(value_of theme) == '"dunkel"' ]] || fail "theme from config: $out"

# The command line beats the config file; a different preset from the command line brings its values.
out=$("$bin" config --print -s 220 -v mann --paragraph-pause 50) || fail "config --print with options failed"
[[ $(value_of rate) == 220 && $(source_of rate) == "command line" ]] || fail "rate from command line: $out"
[[ $(value_of voice) == '"mann"' && $(source_of voice) == "command line" ]] || fail "voice from command line: $out"
[[ $(value_of pitch) == 40 && $(source_of pitch) == "preset mann" ]] || fail "pitch from the command line's preset: $out"
[[ $(value_of paragraph_pause_ms) == 50 && $(source_of paragraph_pause_ms) == "command line" ]] || fail "pause from command line: $out"
[[ $out == *"speaks with eSpeak voice de+m3"* ]] || fail "preset voice not shown: $out"

# The settings reach the audio: the config file's rate makes the rendering shorter than the default.
printf 'Dies ist ein Satz, der lang genug ist, um die Geschwindigkeit zu messen.\n' > "$tmp/in.txt"
printf 'rate = 300\n' > "$cfg"
"$bin" render "$tmp/in.txt" -o "$tmp/fast.wav" || fail "render with config failed"
"$bin" render "$tmp/in.txt" -o "$tmp/cli.wav" -s 175 || fail "render with -s failed"
fast=$(stat -c %s "$tmp/fast.wav"); cli=$(stat -c %s "$tmp/cli.wav")
[[ $fast -lt $((cli * 8 / 10)) ]] || fail "config rate 300 not applied or not overridden by -s 175 ($fast vs $cli bytes)"

# Pause lengths reach the audio: 2 s after the first sentence instead of 250 ms (16-bit mono, 22050 Hz).
printf 'Erster Satz. Zweiter Satz.\n' > "$tmp/two.txt"
rm "$cfg"
"$bin" render "$tmp/two.txt" -o "$tmp/short.wav" || fail "render two sentences failed"
printf 'sentence_pause_ms = 2000\n' > "$cfg"
"$bin" render "$tmp/two.txt" -o "$tmp/long.wav" || fail "render with a long pause failed"
extra=$(( $(stat -c %s "$tmp/long.wav") - $(stat -c %s "$tmp/short.wav") ))
(( extra > 1700 * 441 / 10 && extra < 1800 * 441 / 10 )) || fail "sentence pause from config: $extra extra bytes"

# Unknown keys: a warning naming file and line; the rest still applies.
printf 'rate = 200\nspeed = 3\n' > "$cfg"
out=$("$bin" config --print 2>"$tmp/err") || fail "unknown key made config --print fail"
grep -q "^vorlesen: warning: $cfg:2: unknown key 'speed'" "$tmp/err" || fail "unknown key warning: $(cat "$tmp/err")"
[[ $(value_of rate) == 200 ]] || fail "rate after unknown key: $out"

# Malformed file and bad values: one line naming file:line, exit 1, nothing rendered.
printf 'rate = 200\nvoice = "frau\n' > "$cfg"
expect_error "malformed config" 1 "^vorlesen: $cfg:2: " -- "$bin" config --print
expect_error "malformed config stops render" 1 "^vorlesen: $cfg:2: " -- "$bin" render "$tmp/in.txt" -o "$tmp/bad.wav"
[[ ! -e $tmp/bad.wav ]] || fail "render wrote a file despite a broken config"
printf '\n\nrate = "fast"\n' > "$cfg"
expect_error "rate not a number" 1 "^vorlesen: $cfg:3: rate must be a whole number from 80 to 450$" -- "$bin" config --print
printf 'pitch = 150\n' > "$cfg"
expect_error "pitch out of range" 1 "^vorlesen: $cfg:1: pitch must be a whole number from 0 to 99$" -- "$bin" config --print
printf 'voice = "xx-nosuch"\n' > "$cfg"
expect_error "unknown voice from config" 2 "^vorlesen: $cfg: voice: unknown voice 'xx-nosuch'" -- "$bin" render "$tmp/in.txt" -o "$tmp/bad.wav"

# Without XDG_CONFIG_HOME the file is looked for in ~/.config.
rm "$cfg"; mkdir -p "$HOME/.config/vorlesen"; printf 'pitch = 33\n' > "$HOME/.config/vorlesen/config.toml"
out=$(env -u XDG_CONFIG_HOME "$bin" config --print) || fail "config --print via HOME failed"
[[ $(value_of pitch) == 33 && $(source_of pitch) == "config file" ]] || fail "~/.config fallback: $out"
finish
