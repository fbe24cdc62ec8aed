# Helpers for benchmark parts (sourced).
# bench_input: a German article to measure with: the shared news dump when present, else the sample.
bench_input() {
  local shared=${VORLESEN_SHARED_DIR:-$(dirname "$0")/../../../shared}/articles/handelsblatt-deepseek.txt
  if [[ -f $shared ]]; then echo "$shared"; else echo "$(dirname "$0")/../../samples/beispiel.txt"; fi
}
# seconds CMD...: wall-clock seconds of one run, output discarded.
seconds() {
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
# cpu_seconds CMD...: user+system CPU seconds of one run (less sensitive than wall time to other
# processes on a shared machine), output discarded.
cpu_seconds() {
  local f; f=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$f" "$@" >/dev/null 2>&1
  awk '{print $1 + $2}' "$f"; rm -f "$f"
}
# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# function_cpu_seconds FN: user+system CPU seconds of one call of shell function FN (its children
# included), output discarded.
function_cpu_seconds() {
  local TIMEFORMAT='%U %S'
  { time "$1" >/dev/null 2>&1; } 2>&1 | awk '{print $1 + $2}'
}
# cpu_ratio RUNS FN_A FN_B: runs the shell functions FN_A and FN_B interleaved RUNS times and prints
# "RATIO A B": the median of the per-run CPU time ratios A/B, and the median CPU seconds of each.
cpu_ratio() {
  local runs=$1 a b ratios=() as=() bs=()
  for ((i = 0; i < runs; i++)); do
    a=$(function_cpu_seconds "$2"); b=$(function_cpu_seconds "$3")
    as+=("$a"); bs+=("$b"); ratios+=("$(echo "$a / $b" | bc -l)")
  done
  echo "$(printf '%s\n' "${ratios[@]}" | median) $(printf '%s\n' "${as[@]}" | median) $(printf '%s\n' "${bs[@]}" | median)"
}
# function_wall_cpu_seconds FN: "WALL CPU" seconds of one call of shell function FN (children
# included), output discarded.
function_wall_cpu_seconds() {
  local TIMEFORMAT='%R %U %S'
  { time "$1" >/dev/null 2>&1; } 2>&1 | awk '{print $1, $2 + $3}'
}
# wall_cpu_ratio RUNS FN_A FN_B: runs FN_A and FN_B interleaved RUNS times and prints
# "WALL_RATIO CPU_RATIO A_WALL B_WALL A_CPU B_CPU": medians of the per-run ratios A/B and of each figure.
wall_cpu_ratio() {
  local runs=$1 aw ac bw bc wr=() cr=() aws=() bws=() acs=() bcs=()
  for ((i = 0; i < runs; i++)); do
    read -r aw ac < <(function_wall_cpu_seconds "$2"); read -r bw bc < <(function_wall_cpu_seconds "$3")
    aws+=("$aw"); bws+=("$bw"); acs+=("$ac"); bcs+=("$bc")
    wr+=("$(echo "$aw / $bw" | bc -l)"); cr+=("$(echo "$ac / $bc" | bc -l)")
  done
  local m; m() { printf '%s\n' "$@" | median; }
  echo "$(m "${wr[@]}") $(m "${cr[@]}") $(m "${aws[@]}") $(m "${bws[@]}") $(m "${acs[@]}") $(m "${bcs[@]}")"
}
