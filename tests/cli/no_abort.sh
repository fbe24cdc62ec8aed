#!/usr/bin/env bash
# No exception ends the program with an abort (issue 13): a data directory that cannot be read is
# skipped when probing; when none is usable, or VORLESEN_DATA_DIR is unreadable, the program says so
# in one line and exits 1; any other escaped exception (injected with LD_PRELOAD, see
# lib/throw_preload.cpp) becomes one line and exit 1 too. As root the cases run as nobody.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
shopt -s extglob
tmp=$(mktemp -d); trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset VORLESEN_DATA_DIR
export LC_ALL=C.UTF-8
chmod 755 "$tmp"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  command -v setpriv >/dev/null || { echo "setpriv missing: skipped"; exit 77; }
  mkdir "$tmp/home"; chmod 777 "$tmp/home"
  as_user=(env HOME="$tmp/home" setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
# A copy of the binary in a place the user can reach, with its relative data folder
# (bin/../share/vorlesen/voices) made unreadable: the crash of issue 13 (stat: Permission denied).
mkdir -p "$tmp/bin" "$tmp/share/vorlesen/voices/de"
cp "$bin" "$tmp/bin/vorlesen"; chmod 755 "$tmp/bin/vorlesen"
cp "$src/voices/de/"*.tsv "$tmp/share/vorlesen/voices/de/"
chmod -R a+rX "$tmp/share"
chmod 000 "$tmp/share/vorlesen"
vorlesen=("${as_user[@]}" "$tmp/bin/vorlesen")

# one_line NAME PATTERN -- command: exit 1, exactly one stderr line matching PATTERN, no signal.
one_line() { expect_error "$1" 1 "$2" -- "${@:4}"; }

printf 'Am 3. Mai.\n' >"$tmp/in.txt"; chmod 644 "$tmp/in.txt"
one_line "VORLESEN_DATA_DIR unreadable" "^vorlesen: VORLESEN_DATA_DIR=$tmp/share/vorlesen/voices: .*Permission denied" -- \
  env VORLESEN_DATA_DIR="$tmp/share/vorlesen/voices" "${vorlesen[@]}" segment "$tmp/in.txt"

# Probing: the unreadable folder is skipped. Whether the user can read the source tree's voices/
# (the last place tried) decides what follows: it is used, or nothing is usable.
if "${as_user[@]}" test -r "$src/voices/de" -a -x "$src/voices/de"; then
  out=$(printf 'Am 3. Mai.\n' | "${vorlesen[@]}" normalize 2>"$tmp/err"); rc=$?
  [[ $rc -eq 0 && $out == "Am dritten Mai." ]] ||
    fail "probing past an unreadable folder: exit $rc, output '$out', stderr: $(cat "$tmp/err")"
else
  one_line "no usable data directory" \
    "^vorlesen: cannot find vorlesen's language data; tried $tmp/bin/../share/vorlesen/voices \(Permission denied\), .*$src/voices \(Permission denied\); set VORLESEN_DATA_DIR$" -- \
    bash -c 'printf "Am 3. Mai.\n" | "$@"' _ "${vorlesen[@]}" normalize
fi
# The folder itself readable but its de/ not: skipped as well, then named with its reason.
chmod 755 "$tmp/share/vorlesen"; chmod 000 "$tmp/share/vorlesen/voices/de"
out=$("${vorlesen[@]}" voices 2>"$tmp/err" | sed -n 's/^Language data: //p')
[[ $out != "$tmp/share/vorlesen/voices" ]] || fail "an unreadable de/ was taken as the data directory"
# Nothing usable at all: a private mount namespace (root only) hides the source tree's voices/ too.
if [[ $(id -u) -eq 0 ]] && unshare --mount true 2>/dev/null; then
  err=$(unshare --mount bash -c 'mount -t tmpfs tmpfs "$1" && shift && printf "Satz.\n" | "$@"' _ \
          "$src/voices" "${vorlesen[@]}" normalize 2>&1 >/dev/null); rc=$?
  [[ $rc -eq 1 ]] || fail "no usable data directory: exit $rc, expected 1 ($err)"
  [[ $(grep -c . <<<"$err") -eq 1 ]] || fail "no usable data directory: expected one line, got: $err"
  # The source tree's voices/ is hidden (empty), or out of reach for nobody (a clone in /root).
  [[ $err == "vorlesen: cannot find vorlesen's language data; tried $tmp/bin/../share/vorlesen/voices (Permission denied), "*"$src/voices ("@(No such file or directory|Permission denied)"); set VORLESEN_DATA_DIR" ]] ||
    fail "no usable data directory: '$err'"
else
  echo "note: no private mount namespace here (not root, or in a chroot): the case of no usable data is"
  echo "      checked only when nobody cannot read the source tree"
fi

# An exception nothing expects (a bug): one line, exit 1, for a std::exception and for anything else.
if c++ -std=c++17 -shared -fPIC -o "$tmp/throw.so" "$src/tests/cli/lib/throw_preload.cpp" 2>"$tmp/cc_err"; then
  chmod 755 "$tmp/throw.so"
  one_line "escaped std::exception" \
    '^vorlesen: internal error: injected by the test into Pa_GetVersionInfo \(please report this as a bug\)$' -- \
    env LD_PRELOAD="$tmp/throw.so" "$bin" --version
  one_line "escaped int" '^vorlesen: internal error of unknown kind \(please report this as a bug\)$' -- \
    env LD_PRELOAD="$tmp/throw.so" VORLESEN_TEST_THROW=int "$bin" --version
else
  fail "cannot build the LD_PRELOAD helper: $(head -3 "$tmp/cc_err")"
fi
# Without the injection --version names the libraries it runs with.
version=$("$bin" --version)
[[ $version =~ ^vorlesen\ [0-9]+\.[0-9]+\.[0-9]+$'\n'.*eSpeak\ NG\ [0-9]+\.[0-9]+.*ICU\ [0-9]+\.[0-9]+.*PortAudio\ [0-9]+\.[0-9]+\.[0-9]+.*libsndfile-[0-9] ]] ||
  fail "--version: '$version'"
finish
