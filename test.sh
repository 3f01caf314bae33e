#!/usr/bin/env bash
# The whole test suite, on a fresh clone: ./test.sh
# Builds the solution, runs every test project, and ends with one line of totals:
#   N passed, N failed, N skipped
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Mailbox).
set -uo pipefail
cd "$(dirname "$0")"

results=.test-results
rm -rf "$results"

dotnet test CswNet.sln \
  --nologo \
  --logger "trx" \
  --logger "console;verbosity=minimal" \
  --results-directory "$results" \
  --blame-hang-timeout 5m \
  "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any result was written: count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
