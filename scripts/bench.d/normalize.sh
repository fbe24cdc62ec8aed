#!/usr/bin/env bash
# Normalizer throughput on German news text: `vorlesen normalize` on 2 MB and 20 MB, CPU time (user+system)
# minus start-up, median of interleaved runs. Targets: >= 5 MB/s on one core, and time linear in the
# input size (10x the input takes <= 11x the time). Input: /work/shared/articles/*.txt repeated when
# present (VORLESEN_SHARED_DIR), else a German news text written for this benchmark.
set -uo pipefail
bin=$1
runs=${BENCH_RUNS:-5}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
shared=${VORLESEN_SHARED_DIR:-$(dirname "$0")/../../../shared}

if compgen -G "$shared/articles/*.txt" >/dev/null; then
  cat "$shared"/articles/*.txt >"$tmp/unit.txt"
  source_name="$shared/articles/*.txt"
else
  cat >"$tmp/unit.txt" <<'TEXT'
Berlin (dpa) – Die Bundesregierung hat am Mittwoch, den 14. März 2024, ihren Haushaltsentwurf für das Jahr 2025 vorgelegt.
Er sieht Ausgaben von 476,8 Mrd. Euro vor, rund 12,5 Mrd. Euro weniger als im Vorjahr. Finanzminister Dr. Lindner sprach
um 10:30 Uhr vor der Presse von einem "soliden Haushalt". Die Neuverschuldung soll bei 16,6 Mrd. € liegen, d. h. unter
der Grenze der Schuldenbremse nach Art. 115 Abs. 2 GG. Kritiker, u. a. der Bund der Steuerzahler, bemängelten, dass die
Investitionen um 3,2 % sinken. Im 2. Quartal wuchs die Wirtschaft nur um 0,1 Prozent; die Inflation lag im Mai bei 2,4 %.
Bei Temperaturen von bis zu 35 °C kamen am Wochenende rund 250.000 Menschen zum Fest, das von 9 bis 22 Uhr dauerte.
Der 1. FC Köln gewann am Samstag mit 2:1 gegen den FC Augsburg und steht nun auf Platz 14 der Tabelle.
Ein Liter Benzin kostete zuletzt 1,79 €, etwa 4 Cent mehr als vor einem Monat. Weitere Informationen gibt es unter
www.bundesfinanzministerium.de oder telefonisch unter +49 30 18682-0. Die Sitzung wurde auf den 3.4.2024 vertagt.
Schon 1989 hatte Ludwig XIV. nichts mehr damit zu tun, wohl aber die 40-jährige Abgeordnete aus der Hauptstr. 5.
TEXT
  source_name="built-in sample"
fi

# repeat FILE BYTES: FILE concatenated with itself until it holds at least BYTES bytes.
repeat() {
  local out=$1 want=$2
  : >"$out"
  while [[ $(stat -c %s "$out") -lt $want ]]; do cat "$tmp/unit.txt" >>"$out"; done
}
repeat "$tmp/small.txt" 2000000
repeat "$tmp/large.txt" 20000000
: >"$tmp/empty.txt"

cpu() {
  /usr/bin/time -f '%U %S' -o "$tmp/t" "$bin" normalize <"$1" >/dev/null 2>&1 || { echo "FAIL"; return; }
  awk '{print $1 + $2}' "$tmp/t"
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

t0=(); ts=(); tl=()
for ((i = 0; i < runs; i++)); do
  t0+=("$(cpu "$tmp/empty.txt")"); ts+=("$(cpu "$tmp/small.txt")"); tl+=("$(cpu "$tmp/large.txt")")
done
if printf '%s\n' "${t0[@]}" "${ts[@]}" "${tl[@]}" | grep -q FAIL; then
  echo "normalize: the binary failed on the benchmark input"; exit 1
fi
m0=$(printf '%s\n' "${t0[@]}" | median)
ms=$(printf '%s\n' "${ts[@]}" | median)
ml=$(printf '%s\n' "${tl[@]}" | median)
small=$(stat -c %s "$tmp/small.txt"); large=$(stat -c %s "$tmp/large.txt")
# CPU time has a 10 ms resolution: floor the differences so a very fast run cannot divide by zero.
mbs=$(echo "$large / 1000000 / (($ml - $m0) + 0.01)" | bc -l)
ratio=$(echo "(($ml - $m0) + 0.01) / (($ms - $m0) + 0.01) * $small * 10 / $large" | bc -l)
printf 'input: %s, %d and %d bytes; start-up %.2f s CPU\n' "$source_name" "$small" "$large" "$m0"
printf 'normalize throughput: %.1f MB/s (target >= 5 MB/s, median of %d runs)\n' "$mbs" "$runs"
printf 'normalize time for 10x input: %.2fx (target <= 11x)\n' "$ratio"
awk -v m="$mbs" -v r="$ratio" 'BEGIN { exit !(m >= 5 && r <= 11) }'
