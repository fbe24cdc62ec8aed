#!/usr/bin/env bash
# The command line in German and in English: LANGUAGE, LC_ALL, LC_MESSAGES and LANG choose as
# gettext users expect; a locale that is not installed still gives German (through C.UTF-8 and
# LANGUAGE) or English, never an error; C library errors (strerror) come in the user's language
# inside our translated sentence; and numbers in machine-readable output never follow the locale.
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Each run starts from a clean slate: only the variables given count.
run() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@"; }
german_libc=0
[[ -f /usr/share/locale/de/LC_MESSAGES/libc.mo ]] && german_libc=1

# An error: our sentence translated, strerror's reason in the same language where libc has it.
err_de=$(run LANG=de_DE.UTF-8 "$bin" render /nonexistent.txt -o "$tmp/x.wav" 2>&1); rc=$?
[[ $rc -eq 1 ]] || fail "German error: exit $rc"
[[ $err_de == "vorlesen: /nonexistent.txt: kann nicht geöffnet werden: "* ]] || fail "German error: $err_de"
if [[ $german_libc == 1 ]]; then
  [[ $err_de == *": Datei oder Verzeichnis nicht gefunden" ]] || fail "strerror not in German: $err_de"
fi
err_en=$(run LANG=C.UTF-8 "$bin" render /nonexistent.txt -o "$tmp/x.wav" 2>&1)
[[ $err_en == "vorlesen: /nonexistent.txt: cannot open: No such file or directory" ]] || fail "English error: $err_en"
# A usage error: CLI11's own words stay English, our sentence around them is German.
err=$(run LANG=de_DE.UTF-8 "$bin" render --rate 9999 x -o y.wav 2>&1); rc=$?
[[ $rc -eq 2 && $err == *"(siehe 'vorlesen --help')" ]] || fail "German usage error (exit $rc): $err"
err=$(run LANG=de_DE.UTF-8 "$bin" render "$tmp" -o "$tmp/out.xyz" 2>&1)
[[ $err == *"unbekanntes Audioformat '.xyz' (unterstützt: "* ]] || fail "German format error: $err"

# A warning, with the plural chosen by the German rule.
printf 'K\xe4se und K\xf6ln.\n' > "$tmp/latin1.txt"
warning=$(run LANG=de_DE.UTF-8 "$bin" segment "$tmp/latin1.txt" 2>&1 >/dev/null)
[[ $warning == "vorlesen: Warnung: $tmp/latin1.txt: ungültiges UTF-8 bei Byte 1 (2 Folgen durch U+FFFD ersetzt)" ]] ||
  fail "German warning: $warning"
warning=$(run LANG=C "$bin" segment "$tmp/latin1.txt" 2>&1 >/dev/null)
[[ $warning == "vorlesen: warning: $tmp/latin1.txt: invalid UTF-8 at byte 1 (2 sequences replaced by U+FFFD)" ]] ||
  fail "English warning: $warning"

# render --help: CLI11's words and our descriptions, both languages.
help_de=$(run LANG=de_DE.UTF-8 "$bin" render --help)
help_en=$(run LANG=C "$bin" render --help)
for want in "Aufruf: vorlesen render [OPTIONEN] [input...]" "Optionen:" "diese Hilfe ausgeben und beenden" \
            "Tempo in Wörtern pro Minute (Standard 175)" "Stimmprofil (z. B. frau, mann)" "PFLICHT"; do
  grep -qF -- "$want" <<<"$help_de" || fail "German render --help lacks '$want'"
done
for want in "Usage: vorlesen render [OPTIONS] [input...]" "Options:" "speaking rate in words per minute (default 175)" \
            "REQUIRED"; do
  grep -qF -- "$want" <<<"$help_en" || fail "English render --help lacks '$want'"
done
grep -qiE 'Options:|Usage|speaking rate' <<<"$help_de" && fail "English left in German render --help: $(grep -iE 'Options:|Usage|speaking rate' <<<"$help_de")"
# Same options in both: only words change.
[[ $(grep -oE -- '--[a-z-]+' <<<"$help_de" | sort -u) == $(grep -oE -- '--[a-z-]+' <<<"$help_en" | sort -u) ]] ||
  fail "render --help lists other options in German"
# The keys of play --help: the same letters, German words.
keys_de=$(run LANG=de_DE.UTF-8 "$bin" play --help | sed -n '/^Tasten/,$p')
grep -qE '^  Leertaste +anhalten / fortsetzen$' <<<"$keys_de" || fail "play --help keys in German: $keys_de"
grep -qE '^  ← +h p +vorheriger Satz$' <<<"$keys_de" || fail "arrow keys in German: $keys_de"

# Which variable wins, as in every gettext program.
says() {  # says LANGUAGE_EXPECTED ENV...: the first line of `vorlesen --help`
  local want=$1; shift
  local first; first=$(run "$@" "$bin" --help | head -1)
  case $want in
    de) [[ $first == "vorlesen — liest deutsche Artikel vor (eSpeak NG)" ]] || fail "German expected with $*: $first" ;;
    en) [[ $first == "vorlesen — reads German articles aloud (eSpeak NG)" ]] || fail "English expected with $*: $first" ;;
  esac
}
says en                                    # nothing set: C
says en LANG=C
says en LANG=POSIX
says de LANG=de_DE.UTF-8
says de LANG=de_AT.UTF-8                   # any German: the de catalogue
says de LANG=de_DE                         # no charset named
says de LC_MESSAGES=de_DE.UTF-8 LANG=C.UTF-8
says en LC_MESSAGES=C LANG=de_DE.UTF-8
says en LC_ALL=C LANG=de_DE.UTF-8          # LC_ALL beats LANG
says de LC_ALL=de_DE.UTF-8 LANG=C
says de LANGUAGE=de LANG=C.UTF-8           # LANGUAGE picks the catalogue when the locale is not C
says en LANGUAGE=de LANG=C                 # ... and is ignored in the C locale (gettext's rule)
says en LANGUAGE=en LANG=de_DE.UTF-8       # LANGUAGE beats LANG
says de LANGUAGE=fr:de LANG=de_DE.UTF-8    # a list: the first language with a catalogue
says en LANG=fr_FR.UTF-8                   # no French catalogue: English
says en LANG=xx_YY.UTF-8                   # an unknown locale: English, no error
says en LANG=garbage
err=$(run LANG=xx_YY.UTF-8 "$bin" --help 2>&1 >/dev/null)
[[ -z $err ]] || fail "an unknown locale printed: $err"

# Numbers: with every category German (a de_DE.UTF-8 generated here with localedef into a private
# LOCPATH, so the machine's own locales are not needed), the subtitles, timings, offsets and audio
# are byte for byte those of the C locale.
mkdir -p "$tmp/loc"
# localedef exits 1 on mere warnings; the compiled locale's LC_NUMERIC file is what counts.
command -v localedef >/dev/null && localedef -i de_DE -f UTF-8 "$tmp/loc/de_DE.UTF-8" >/dev/null 2>&1
if [[ -f $tmp/loc/de_DE.UTF-8/LC_NUMERIC ]]; then
  comma=$(LOCPATH=$tmp/loc LC_ALL=de_DE.UTF-8 bash -c 'printf "%.1f" 3')
  [[ $comma == "3,0" ]] || fail "the generated de_DE locale has no decimal comma ($comma): the test would prove nothing"
  printf 'Am 3. Mai 2024 kostete es 12,50 Euro.\n\nDas ist ein zweiter Absatz mit 1.234 Wörtern.\n' > "$tmp/in.txt"
  for loc in C de; do
    mkdir -p "$tmp/$loc"
    envs=(LANG=C); [[ $loc == de ]] && envs=(LOCPATH="$tmp/loc" LC_ALL=de_DE.UTF-8)
    run "${envs[@]}" "$bin" render "$tmp/in.txt" -o "$tmp/$loc/a.wav" --subtitles vtt --timings json -q ||
      fail "render in locale $loc failed"
    run "${envs[@]}" "$bin" render "$tmp/in.txt" -o "$tmp/$loc/b.wav" --subtitles srt -q || fail "render srt in $loc failed"
    run "${envs[@]}" "$bin" segment --offsets "$tmp/in.txt" > "$tmp/$loc/offsets.tsv" || fail "segment in $loc failed"
    run "${envs[@]}" "$bin" config --print > "$tmp/$loc/config.txt" 2>&1
  done
  grep -qE '"[a-z_]*": [0-9]+\.[0-9]' "$tmp/C/a.json" || fail "timings JSON has no decimal numbers to compare: $(head -c 300 "$tmp/C/a.json")"
  grep -q '00:00:0[0-9]\.[0-9]' "$tmp/C/a.vtt" || fail "VTT has no times to compare"
  for f in a.wav a.vtt a.json b.wav b.srt offsets.tsv; do
    cmp -s "$tmp/C/$f" "$tmp/de/$f" || fail "$f differs in a German locale: $(diff <(head -c 2000 "$tmp/C/$f") <(head -c 2000 "$tmp/de/$f") | head -5)"
  done
  # The messages in that locale are German, from the locale itself (no fallback involved).
  grep -q "^# wirksame Einstellungen" "$tmp/de/config.txt" || fail "config --print in de_DE.UTF-8 is not German: $(head -2 "$tmp/de/config.txt")"
  echo "number formats checked with a generated de_DE.UTF-8 locale (localedef, LOCPATH)"
else
  # No locale data to generate one: LC_NUMERIC alone is set to what the machine has.
  echo "localedef or /usr/share/i18n/locales/de_DE missing: numbers not checked in a German locale"
  fail "cannot generate a German locale for the number check (install the 'locales' package: scripts/setup --test)"
fi
finish
