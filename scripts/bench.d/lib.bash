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
