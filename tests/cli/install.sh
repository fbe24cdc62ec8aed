#!/usr/bin/env bash
# `cmake --install` puts the binary, the language data and the man page in place, and the installed
# binary finds its data without any help from the build tree.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
build_dir=$(dirname "$bin")
prefix=$(mktemp -d); trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null || fail "cmake --install failed"
[[ -x $prefix/bin/vorlesen ]] || fail "binary not installed"
[[ -f $prefix/share/vorlesen/voices/de/abbreviations.tsv ]] || fail "voices/ data not installed"
[[ -f $prefix/share/man/man1/vorlesen.1.gz ]] || fail "man page not installed"
[[ -f $prefix/share/man/de/man1/vorlesen.1.gz ]] || fail "German man page not installed (man -L de vorlesen)"
zcat "$prefix/share/man/de/man1/vorlesen.1.gz" | grep -q '^\.SH BESCHREIBUNG' || fail "the German man page is not German"
[[ -f $prefix/share/locale/de/LC_MESSAGES/vorlesen.mo ]] || fail "German catalogue not installed"
# German from the installed catalogue (LANGUAGE picks it even where no de_DE locale is generated).
says_german() {
  local err
  err=$(env -u VORLESEN_DATA_DIR LANGUAGE= LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 "$prefix/bin/vorlesen" render /nonexistent.txt -o "$prefix/x.wav" 2>&1)
  [[ $err == "vorlesen: /nonexistent.txt: kann nicht geöffnet werden: "* ]] || fail "$1 does not speak German: $err"
}
says_german "the installed binary"
# The installed binary uses its own copy of the data, not the source tree's.
data=$(env -u VORLESEN_DATA_DIR "$prefix/bin/vorlesen" voices | sed -n 's/^Language data: //p')
[[ $data == "$prefix/share/vorlesen/voices" ]] || fail "installed binary uses data from '$data'"
printf 'Ein Satz aus der Installation.\n' > "$prefix/in.txt"
env -u VORLESEN_DATA_DIR "$prefix/bin/vorlesen" render "$prefix/in.txt" -o "$prefix/out.wav" || fail "installed binary cannot render"
[[ -s $prefix/out.wav ]] || fail "installed binary wrote no audio"
# Moved elsewhere together with its share/ folder, it still finds the data (relocatable install).
mv "$prefix" "$prefix.moved" && prefix="$prefix.moved"
rm -f "$prefix/out.wav"
data=$(env -u VORLESEN_DATA_DIR "$prefix/bin/vorlesen" voices | sed -n 's/^Language data: //p')
[[ $data == "$prefix/share/vorlesen/voices" ]] || fail "moved install uses data from '$data'"
env -u VORLESEN_DATA_DIR "$prefix/bin/vorlesen" render "$prefix/in.txt" -o "$prefix/out.wav" ||
  fail "moved install cannot render"
[[ -s $prefix/out.wav ]] || fail "moved install wrote no audio"
says_german "the moved install"
finish
