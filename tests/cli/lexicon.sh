#!/usr/bin/env bash
# User lexicons change what is rendered: the one in the config directory, then --lexicon (later wins);
# bad lines are warnings with file:line, a missing file is an error.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
mkdir -p "$XDG_CONFIG_HOME/vorlesen"
printf 'Der Gast heißt Quiddel.\n' > "$tmp/in.txt"
render() { "$bin" render "$tmp/in.txt" -o "$tmp/$1.wav" "${@:2}" 2>"$tmp/$1.err" || fail "render $1 failed: $(cat "$tmp/$1.err")"; }
# The audio samples alone (the header holds tags that differ with the settings).
pcm_sum() { sox "$tmp/$1.wav" -t raw - | md5sum | cut -d' ' -f1; }

render plain
render plain2
[[ $(pcm_sum plain) == $(pcm_sum plain2) ]] || fail "rendering is not deterministic; the comparison below means nothing"

# The user lexicon in the config directory changes the audio.
printf 'quiddel\tMüller-Lüdenscheidt\n' > "$XDG_CONFIG_HOME/vorlesen/lexicon.tsv"
render user
[[ $(pcm_sum user) != $(pcm_sum plain) ]] || fail "the config directory's lexicon did not change the audio"
[[ $(stat -c %s "$tmp/user.wav") -gt $(stat -c %s "$tmp/plain.wav") ]] || fail "the longer reading should give longer audio"
[[ ! -s $tmp/user.err ]] || fail "unexpected warnings: $(cat "$tmp/user.err")"

# --lexicon wins over the config directory's, and phonemes work.
printf '# mine\nQuiddel\t[[kv'"'"'i:d@l]]\n' > "$tmp/mine.tsv"
render cli --lexicon "$tmp/mine.tsv"
[[ $(pcm_sum cli) != $(pcm_sum user) && $(pcm_sum cli) != $(pcm_sum plain) ]] || fail "--lexicon did not win"
[[ $(stat -c %s "$tmp/cli.wav") -lt $(stat -c %s "$tmp/user.wav") ]] || fail "--lexicon's short reading should be shorter"
rm "$XDG_CONFIG_HOME/vorlesen/lexicon.tsv"
render cli_only --lexicon "$tmp/mine.tsv"
[[ $(pcm_sum cli_only) == $(pcm_sum cli) ]] || fail "the same entry should give the same audio"

# Bad lines: one warning each with file and line, the good lines still apply.
printf 'quiddel\n\nzwei worte\tx\nQuiddel\tMüller-Lüdenscheidt\n' > "$tmp/bad.tsv"
render badlex --lexicon "$tmp/bad.tsv"
grep -qx "vorlesen: warning: $tmp/bad.tsv:1: expected WORD<TAB>READING, found no TAB (line skipped)" "$tmp/badlex.err" ||
  fail "warning for line 1: $(cat "$tmp/badlex.err")"
grep -q "^vorlesen: warning: $tmp/bad.tsv:3: word 'zwei worte' contains a space" "$tmp/badlex.err" ||
  fail "warning for line 3: $(cat "$tmp/badlex.err")"
[[ $(grep -c . "$tmp/badlex.err") -eq 2 ]] || fail "expected 2 warnings: $(cat "$tmp/badlex.err")"
[[ $(stat -c %s "$tmp/badlex.wav") -gt $(stat -c %s "$tmp/plain.wav") ]] || fail "good line of a bad lexicon not applied"

# A language eSpeak NG has no voice for: the entry is skipped with a warning.
printf 'Quiddel\tKwiddel\txx-nosuch\n' > "$tmp/lang.tsv"
render lang --lexicon "$tmp/lang.tsv"
grep -qx "vorlesen: warning: $tmp/lang.tsv:1: eSpeak NG has no voice for language 'xx-nosuch' (line skipped)" "$tmp/lang.err" ||
  fail "unknown language warning: $(cat "$tmp/lang.err")"
[[ $(pcm_sum lang) == $(pcm_sum plain) ]] || fail "an entry with an unknown language was applied"

expect_error "missing lexicon" 1 "^vorlesen: $tmp/nope.tsv: cannot open lexicon: No such file or directory$" -- \
  "$bin" render "$tmp/in.txt" -o "$tmp/x.wav" --lexicon "$tmp/nope.tsv"
[[ ! -e $tmp/x.wav ]] || fail "a failed run left an output file"
finish
