#!/usr/bin/env bash
# Runs the independent validators (Debian's python3-jsonschema, python3-pandas, sqlite3) on the
# published files, each where its package is installed; says which it skipped. Exits non-zero
# when a validator that ran failed.
set -u
cd "$(dirname "$0")/../.."
py=/usr/bin/python3
status=0
have_module() { [ -x "$py" ] && "$py" -c "import $1" 2>/dev/null; }

validate() { # script, package, is-it-installed command...
  local script=$1 package=$2
  shift 2
  if "$@"; then
    "$py" "test/validators/$script" || status=1
  else
    echo "skipped: $package not installed (test/validators/$script did not run)"
  fi
}

validate validate_json.py python3-jsonschema have_module jsonschema
validate read_csv.py python3-pandas have_module pandas
validate sqlite_fks.py sqlite3 bash -c "[ -x $py ] && command -v sqlite3 >/dev/null"
exit $status
