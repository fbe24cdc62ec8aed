# Shared helpers for the script tests (sourced, not run): assertions that print what failed.
set -u
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect_error NAME EXPECTED_EXIT PATTERN -- command...: runs it, checks exit code, one stderr line matching PATTERN.
expect_error() {
  local name=$1 code=$2 pattern=$3; shift 4
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  [[ $rc -eq $code ]] || fail "$name: exit $rc, expected $code (stderr: $err)"
  [[ $(printf '%s\n' "$err" | grep -c .) -eq 1 ]] || fail "$name: expected one line on stderr, got: $err"
  [[ $err =~ $pattern ]] || fail "$name: stderr '$err' does not match '$pattern'"
}
finish() {
  if [[ $failures -gt 0 ]]; then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
