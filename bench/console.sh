#!/usr/bin/env bash
# Console overview benchmark (issue 11): 100,000 exchanges over 10 flows, then the overview page, its
# live refresh and a file search asked over HTTP by an integrator signed in through the form.
# Results: target/benchmarks/console.md (copy them to docs/benchmarks.md).
# Usage: bench/console.sh [exchanges]     e.g. bench/console.sh 100000
set -euo pipefail
cd "$(dirname "$0")/.."
exchanges="${1:-100000}"
./mvnw -B -q -Pbenchmark test -Dtest=ConsoleOverviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.argLine="-Xmx1g -Dbench.exchanges=$exchanges"
cat target/benchmarks/console.md
