#!/usr/bin/env bash
# Claims import benchmark (issue 6): 10,000 employees through HR sync, then ~100,000 claim lines
# uploaded as CSV through POST /api/claims/import; measured from the upload to the last row
# committed (exchange finished), with the hub's heap. Real PostgreSQL, Artemis and SFTP in-process,
# the production code path. Results: target/benchmarks/claims-import.md (copy them to docs/benchmarks.md).
# Usage: bench/claims-import.sh [employees] [lines] [heap]     e.g. bench/claims-import.sh 10000 100000 512m
set -euo pipefail
cd "$(dirname "$0")/.."
employees="${1:-10000}"
lines="${2:-100000}"
heap="${3:-512m}"
./mvnw -B -q -Pbenchmark test -Dtest=ClaimImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.argLine="-Xmx$heap -Dbench.employees=$employees -Dbench.lines=$lines -Dtest.await-seconds=1800"
cat target/benchmarks/claims-import.md
