#!/usr/bin/env bash
# The whole test suite, on a fresh clone: ./test.sh
# Builds the solution, runs every test project, and ends with one line of totals:
#   N passed, N failed, N skipped
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Mailbox).
set -uo pipefail
cd "$(dirname "$0")"

# The etcd tests start their own etcd on free loopback ports: the binary must be installed.
# When it is missing, install the Debian package etcd-server (apt-get update first only if the
# plain install fails, e.g. on a fresh machine with empty package lists).
if ! command -v etcd >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  run() { echo "+ $*"; "$@"; }
  echo "etcd is not on PATH: installing the Debian package etcd-server"
  run $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q etcd-server \
    || { run $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q && run $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q etcd-server; } \
    || echo "Could not install etcd-server; the etcd tests will fail (they say so)." >&2
  # The package may also start a system etcd on 2379; the tests do not use it.
  if command -v etcd >/dev/null 2>&1; then echo "etcd installed: $(etcd --version | head -1)"; fi
fi

# The PostgreSQL journal tests start their own server (initdb in a temporary directory, a free
# loopback port): the binaries must be installed. When missing, install the Debian package postgresql.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "PostgreSQL is not installed: installing the Debian package postgresql"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql \
    || { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } \
    || echo "Could not install postgresql; the PostgreSQL journal tests will fail (they say so)." >&2
  # The package may start a system cluster on 5432; the tests do not use it.
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The fault suite appends its figures here (a passing test's output is not shown); printed at the end.
rm -f Tests/Csw.Faults.Tests/bin/*/net*/fault-figures.txt

dotnet test CswNet.sln \
  --nologo \
  --logger "console;verbosity=minimal" \
  --blame-hang-timeout 5m \
  "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints one summary line:
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: ...
passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -n 's/^.*\(Passed\|Failed\)! *- Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\),.*$/\2 \3 \4/p' "$log")

for figures in Tests/Csw.Faults.Tests/bin/*/net*/fault-figures.txt; do
  if [ -f "$figures" ]; then echo "Fault suite figures:"; cat "$figures"; fi
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before reporting a failed test: count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
