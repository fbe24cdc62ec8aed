#!/usr/bin/env bash
# The Debian package (scripts/package, CPack's settings at the end of CMakeLists.txt): packs this build
# and checks what a user gets: the binary, every language data file, the man page, README and a
# machine-readable copyright, under /usr; dependencies computed by dpkg-shlibdeps plus espeak-ng-data and wngerman;
# and the unpacked binary finds its data beside itself and speaks German numbers with it.
# (scripts/fresh-check --package installs it with apt-get on a fresh Debian 12.)
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
command -v dpkg-shlibdeps >/dev/null && command -v file >/dev/null ||
  { echo "dpkg-dev or file missing (scripts/setup --test installs them): skipped"; exit 77; }
build_dir=$(dirname "$bin")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset VORLESEN_DATA_DIR
export LC_ALL=C.UTF-8
if ! cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1; then
  fail "cpack failed: $(tail -5 "$tmp/cpack.log")"; finish
fi
version=$("$bin" --version | sed -n '1s/^vorlesen //p')
arch=$(dpkg --print-architecture)
deb=$tmp/pkg/vorlesen_${version}_${arch}.deb
[[ -f $deb ]] || { fail "no $(basename "$deb"): $(ls "$tmp/pkg")"; finish; }

field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == vorlesen && $(field Version) == "$version" && $(field Architecture) == "$arch" ]] ||
  fail "control: $(field Package) $(field Version) $(field Architecture)"
depends=$(field Depends)
for d in espeak-ng-data wngerman libcurl4 libespeak-ng1 libportaudio2 'libicu[0-9]+' libsndfile1 'libtag1v5(-vanilla)?' libncursesw6 libc6; do
  [[ $depends =~ (^|, )$d( |,|$) ]] || fail "Depends lacks $d: $depends"
done
[[ ! $depends =~ -dev ]] || fail "Depends names a development package: $depends"

files=$(dpkg-deb --contents "$deb" | awk '{ print $6 }')
for f in ./usr/bin/vorlesen ./usr/share/man/man1/vorlesen.1.gz ./usr/share/doc/vorlesen/README.md \
         ./usr/share/doc/vorlesen/copyright ./usr/share/man/de/man1/vorlesen.1.gz \
         ./usr/share/locale/de/LC_MESSAGES/vorlesen.mo; do
  grep -qx -- "$f" <<<"$files" || fail "package lacks $f"
done
for f in "$src"/voices/de/*.tsv; do
  grep -qx -- "./usr/share/vorlesen/voices/de/${f##*/}" <<<"$files" || fail "package lacks voices/de/${f##*/}"
done
[[ -z $(grep -v '^\./usr/' <<<"$files") ]] || fail "files outside /usr: $(grep -v '^\./usr/' <<<"$files" | head -3)"

dpkg-deb --extract "$deb" "$tmp/root"
head -1 "$tmp/root/usr/share/doc/vorlesen/copyright" |
  grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' || fail "copyright is not machine-readable"
file "$tmp/root/usr/bin/vorlesen" | grep -q 'stripped' && ! file "$tmp/root/usr/bin/vorlesen" | grep -q 'not stripped' ||
  fail "the packaged binary is not stripped"
data=$("$tmp/root/usr/bin/vorlesen" voices | sed -n 's/^Language data: //p')
[[ $data == "$tmp/root/usr/share/vorlesen/voices" ]] || fail "the packaged binary uses data from '$data'"
spoken=$(echo "am 3. Mai" | "$tmp/root/usr/bin/vorlesen" normalize)
[[ $spoken == "am dritten Mai" ]] || fail "the packaged binary says '$spoken'"
# Its German messages come from the packaged catalogue beside it.
err=$(LANG=de_DE.UTF-8 LANGUAGE= LC_ALL= LC_MESSAGES= "$tmp/root/usr/bin/vorlesen" segment /nonexistent.txt 2>&1)
[[ $err == "vorlesen: /nonexistent.txt: kann nicht geöffnet werden: "* ]] || fail "the packaged binary says in German: $err"
finish
