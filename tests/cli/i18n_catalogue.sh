#!/usr/bin/env bash
# The German catalogue is complete and the template is what the sources mark: a new tr() string
# without a German translation fails here (then: cmake --build build --target update-po, translate
# the new entries of po/de.po, commit both).
bin=$1; src=$2
source "$src/tests/cli/lib.bash"
command -v msgfmt >/dev/null && command -v xgettext >/dev/null || { echo "gettext is not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# 1. de.po: 0 untranslated, 0 fuzzy, and msgfmt --check accepts it (placeholders in c-format, plurals).
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$src/po/de.po" 2>&1) || fail "msgfmt --check rejects de.po: $stats"
[[ $stats =~ ^([0-9]+)\ translated\ messages\.$ ]] || fail "de.po is not complete: $stats"
translated=${BASH_REMATCH[1]:-0}
echo "de.po: $stats"

# 2. The committed template is up to date: extracted afresh, it differs at most in its date.
"$src/po/extract" "$tmp/fresh.pot" 2>"$tmp/extract.err" || fail "po/extract failed: $(cat "$tmp/extract.err")"
if ! diff <(grep -v '^"POT-Creation-Date' "$src/po/vorlesen.pot") <(grep -v '^"POT-Creation-Date' "$tmp/fresh.pot") >"$tmp/diff"; then
  fail "po/vorlesen.pot is out of date (cmake --build build --target update-po): $(head -20 "$tmp/diff")"
fi

# 3. Every message the sources mark has a German translation, and de.po holds no stale ones.
msgcmp "$src/po/de.po" "$tmp/fresh.pot" 2>"$tmp/msgcmp.err" || fail "de.po lacks messages of the sources: $(head -5 "$tmp/msgcmp.err")"
total=$(msgattrib --no-obsolete "$tmp/fresh.pot" 2>/dev/null | grep -c '^msgid ')
[[ $((total - 1)) -eq $translated ]] || fail "the sources mark $((total - 1)) messages, de.po translates $translated"

# 4. The checks above can fail: a fuzzy entry and an untranslated one are caught.
sed '0,/^msgstr "[^"]/s/^msgstr "[^"].*"$/msgstr ""/' "$src/po/de.po" >"$tmp/untranslated.po"
LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/untranslated.po" 2>&1 | grep -q "1 untranslated" || fail "an emptied entry is not counted as untranslated"

# 5. Every translation keeps the placeholders of its English message ({} count, {:.1f} alike).
msgcat --no-wrap "$src/po/de.po" | awk '
  function holes(s,   n, t) { t = s; n = gsub(/\{[^{}]*\}/, "", t); return n }
  /^msgid "/ { id = $0; next }
  /^msgstr "/ && id != "msgid \"\"" { if (holes(id) != holes($0)) print id " -> " $0 }' >"$tmp/holes"
[[ ! -s $tmp/holes ]] || fail "translations with other placeholders than their message: $(cat "$tmp/holes")"
finish
