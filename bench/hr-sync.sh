#!/usr/bin/env bash
# HR sync benchmark: generates HR exports (employees with families) and measures, through the
# real route (SFTP -> Artemis -> PostgreSQL, all in-process), the time from drop to last row
# written and the peak heap. Results: target/benchmarks/hr-sync.md (copy them to docs/benchmarks.md).
# Usage: bench/hr-sync.sh [sizes] [heap]     e.g. bench/hr-sync.sh 10000,100000 512m
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-10000,100000}"
heap="${2:-512m}"
./mvnw -B -q -Pbenchmark test -Dtest=HrSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.sizes="$sizes" -Dbench.argLine="-Xmx$heap -Dbench.sizes=$sizes"
cat target/benchmarks/hr-sync.md
