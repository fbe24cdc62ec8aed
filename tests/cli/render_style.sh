#!/usr/bin/env bash
# Structure by voice in `vorlesen render` (issue 19): the styles lengthen the pause before a heading
# and change the audio; --plain-style gives the same bytes whatever the style data say (its files
# equal those of vorlesen before styles: no style data in the fingerprint, no voice changes); a bad
# [style.KIND] value in config.toml stops with the file and line.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config VORLESEN_DATA_DIR=$src/voices
in=$src/tests/fixtures/style/struktur.html

"$bin" render -q "$in" -o "$tmp/styled.wav" --timings json || fail "styled render failed"
"$bin" render -q --plain-style "$in" -o "$tmp/plain.wav" --timings json || fail "plain render failed"
cmp -s "$tmp/styled.wav" "$tmp/plain.wav" && fail "the styles changed nothing"

# The pause before the first heading (sentence 3: title, byline, lead, heading), from the timings.
gap() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["sentences"]; print(round((s[3]["start"] - s[2]["end"]) * 1000))' "$1"; }
styled_gap=$(gap "$tmp/styled.json") plain_gap=$(gap "$tmp/plain.json")
[[ $styled_gap -ge 1200 && $styled_gap -lt 1300 ]] || fail "pause before the heading with styles: $styled_gap ms, expected 1200"
[[ $plain_gap -ge 600 && $plain_gap -lt 700 ]] || fail "pause before the heading with --plain-style: $plain_gap ms, expected 600"

# --plain-style does not depend on the style data: the same bytes without styles.tsv and spoken_words.tsv.
cp -r "$src/voices" "$tmp/voices"
printf '*\theading\t-40\t60\tm3\t3000\t3000\n' >"$tmp/voices/de/styles.tsv"
rm "$tmp/voices/de/spoken_words.tsv"
VORLESEN_DATA_DIR=$tmp/voices "$bin" render -q --plain-style "$in" -o "$tmp/plain2.wav" || fail "plain render with other style data failed"
cmp -s "$tmp/plain.wav" "$tmp/plain2.wav" || fail "--plain-style output depends on the style data"
# [style] enabled = false in config.toml is the same as --plain-style.
mkdir -p "$tmp/config/vorlesen"
printf '[style]\nenabled = false\n' >"$tmp/config/vorlesen/config.toml"
"$bin" render -q "$in" -o "$tmp/plain3.wav" || fail "render with enabled = false failed"
cmp -s "$tmp/plain.wav" "$tmp/plain3.wav" || fail "[style] enabled = false differs from --plain-style"

# A bad value in a style table: one line naming the file and line, nothing written.
printf 'rate = 180\n[style.heading]\npitch_offset = -8\nrate_percent = 400\n' >"$tmp/config/vorlesen/config.toml"
expect_error "bad rate_percent" 1 "^vorlesen: $tmp/config/vorlesen/config.toml:4: style.heading.rate_percent must be a whole number from 50 to 200\$" \
  -- "$bin" render -q "$in" -o "$tmp/bad.wav"
[[ -e $tmp/bad.wav ]] && fail "a file was written despite the config error"
printf '[style.list]\nvariant = "de+m3"\n' >"$tmp/config/vorlesen/config.toml"
expect_error "bad variant" 1 "^vorlesen: $tmp/config/vorlesen/config.toml:2: style.list.variant must be an eSpeak NG variant name" \
  -- "$bin" render -q "$in" -o "$tmp/bad.wav"
finish
