#!/usr/bin/env bash
# The README's GNU parallel recipe ("Spreading a batch over several machines"), run as written: its
# two commands are read from README.md and run with parallel's --ssh pointed at lib/fake_ssh, a
# stand-in for ssh that gives each "host" a directory of its own (or one shared home, for the
# shared file system), so --transferfile, --return and --cleanup really copy files. Checked: every
# output arrives, equal byte for byte to a local render; the jobs ran on the hosts; nothing is left
# on them; a rerun renders nothing again; a bad input fails its own job with vorlesen's one line,
# and parallel's exit status counts the failed jobs.
bin=$(realpath "$1"); src=$2
source "$src/tests/cli/lib.bash"
real_parallel=$(command -v parallel) && command -v rsync >/dev/null ||
  { echo "GNU parallel or rsync missing (scripts/setup --test installs them): skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export VORLESEN_DATA_DIR=$src/voices LC_ALL=C.UTF-8
export HOME=$tmp/home
hosts=$tmp/hosts
mkdir -p "$HOME/.parallel" "$tmp/bin" && touch "$HOME/.parallel/will-cite"
log=$tmp/renders.log   # one line per vorlesen run: where it ran, and its arguments
: >"$log"
# parallel and rsync split the --ssh command at spaces: the stand-in lives in a path without any.
cp "$src/tests/cli/lib/fake_ssh" "$tmp/fake_ssh"
fake_ssh_hosts() {  # [SHARED_HOME]: where the hosts log in
  printf 'root=%q shared_home=%q data_dir=%q\n' "$hosts" "${1:-}" "$VORLESEN_DATA_DIR" >"$tmp/fake_ssh.conf"
}
printf '#!/bin/sh\nexec "%s" --ssh "%s" "$@"\n' "$real_parallel" "$tmp/fake_ssh" >"$tmp/bin/parallel"
chmod +x "$tmp/bin/parallel"
# vorlesen as installed on each host, and here: the real binary, noting where it ran.
install_vorlesen() {  # DIR NAME
  mkdir -p "$1"
  printf '#!/bin/sh\necho "%s $*" >>"%s"\nexec "%s" "$@"\n' "$2" "$log" "$bin" >"$1/vorlesen"
  chmod +x "$1/vorlesen"
}
install_vorlesen "$tmp/bin" local
for h in host1 host2; do install_vorlesen "$hosts/$h/bin" "$h"; done
export PATH="$tmp/bin:$PATH"

# The recipes: the README's sh block after the heading, each from its "# ... shared file system" line.
awk '/^#### Spreading a batch/ { f = 1 } f && /^```sh/ { b = 1; next } b && /^```/ { exit }
     b && /^# (no )?shared file system/ { n++ } b && n { print > (dir "/recipe" n ".sh") }' dir="$tmp" "$src/README.md"
grep -q '^# shared file system' "$tmp/recipe1.sh" 2>/dev/null || fail "README: no shared file system recipe first"
grep -q '^# no shared file system' "$tmp/recipe2.sh" 2>/dev/null || fail "README: no recipe without a shared file system second"
[[ ! -e $tmp/recipe3.sh ]] || fail "README: more than two recipes"
[[ $failures -eq 0 ]] || finish

work=$HOME/projekt
mkdir -p "$work/artikel" "$tmp/ref"
printf 'Am 3. Mai 2025 begann in Berlin die Tagung.\n\nSie dauerte zwei Tage.\n' >"$work/artikel/tagung.txt"
printf 'Der Preis stieg um 12,50 € auf 1.299 Euro.\n' >"$work/artikel/preis.txt"
printf 'Dr. Müller las den Bericht vor. Danach gab es Fragen.\n' >"$work/artikel/bericht.txt"
names=(tagung preis bericht)
for n in "${names[@]}"; do "$bin" render "$work/artikel/$n.txt" -o "$tmp/ref/$n.opus" -q || fail "reference render of $n"; done

run_recipe() {  # N: runs recipe N in the project folder; sets rc, leaves stderr in $tmp/err
  (cd "$work" && bash "$tmp/recipe$1.sh") >"$tmp/out" 2>"$tmp/err"; rc=$?
}
renders() { grep -c . "$log"; }
stamps() { (cd "$work" && stat -c '%n %i %Y' audio/*.opus 2>/dev/null); }
check_outputs() {  # NAME: every output equals its reference render
  local n
  for n in "${names[@]}"; do
    cmp -s "$tmp/ref/$n.opus" "$work/audio/$n.opus" || fail "$1: audio/$n.opus missing or not the same as a local render"
  done
}
check_bad_input() {  # NAME: the run with leer.txt among the inputs
  [[ $rc -eq 1 ]] || fail "$1: exit $rc, expected 1 (parallel counts one failed job)"
  grep -qx "vorlesen: artikel/leer.txt: nothing to read aloud (the file is empty or has no words)" "$tmp/err" ||
    fail "$1: vorlesen's line for the bad input is missing: $(head -5 "$tmp/err")"
  [[ ! -e $work/audio/leer.opus ]] || fail "$1: an output for the bad input"
}

# --- shared file system: every host logs in to the same home and works in the same folder ---------
fake_ssh_hosts "$HOME"
run_recipe 1
[[ $rc -eq 0 && ! -s $tmp/err ]] || fail "shared: exit $rc: $(head -5 "$tmp/err")"
check_outputs shared
[[ $(renders) -eq 3 ]] || fail "shared: expected 3 renders, got: $(cat "$log")"
grep -q '^host[12] ' "$log" || fail "shared: no job ran on host1 or host2: $(cat "$log")"
before=$(stamps); : >"$log"
run_recipe 1
[[ $rc -eq 0 && $(stamps) == "$before" ]] || fail "shared rerun: exit $rc, outputs rewritten: $(head -3 "$tmp/err")"
: >"$work/artikel/leer.txt"; : >"$log"
run_recipe 1
check_bad_input "shared, bad input"
[[ $(stamps) == "$before" ]] || fail "shared, bad input: good outputs rewritten"
rm "$work/artikel/leer.txt"

# --- no shared file system: each host has its own home; parallel copies inputs and outputs --------
fake_ssh_hosts
rm -rf "$work/audio" "$work/batch.log"; : >"$log"
run_recipe 2
[[ $rc -eq 0 ]] || fail "separate: exit $rc: $(head -5 "$tmp/err")"
check_outputs separate
[[ $(renders) -eq 3 && $(grep -c '^host[12] ' "$log") -eq 3 ]] || fail "separate: expected 3 renders on the hosts, got: $(cat "$log")"
left=$(find "$hosts" -name '*.txt' -o -name '*.opus')
[[ -z $left ]] || fail "separate: left on the hosts: $left"
before=$(stamps); : >"$log"
run_recipe 2
[[ $rc -eq 0 && $(renders) -eq 0 && $(stamps) == "$before" ]] ||
  fail "separate rerun: exit $rc, rendered again: $(cat "$log")"
: >"$work/artikel/leer.txt"; : >"$log"
run_recipe 2
check_bad_input "separate, bad input"
grep -q $'\t1\t0\tmkdir -p audio && vorlesen render artikel/leer.txt ' "$work/batch.log" ||
  fail "separate, bad input: batch.log has no exit value 1 for leer.txt: $(cat "$work/batch.log")"
[[ $(renders) -eq 1 ]] || fail "separate, bad input: expected only leer.txt to run, got: $(cat "$log")"
[[ $(stamps) == "$before" ]] || fail "separate, bad input: good outputs rewritten"
: >"$log"
run_recipe 2
check_bad_input "separate, bad input again"
[[ $(renders) -eq 1 ]] || fail "separate, bad input again: expected leer.txt to be tried again, got: $(cat "$log")"
finish
