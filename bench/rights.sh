#!/usr/bin/env bash
# Rights check benchmark (issue 8): employees with their families through HR sync, then GET /api/rights
# at a fixed rate (open loop) over HTTP with Basic authentication; p50/p95/p99 latency.
# Results: target/benchmarks/rights.md (copy them to docs/benchmarks.md).
# Usage: bench/rights.sh [employees] [rate per s] [seconds]     e.g. bench/rights.sh 100000 200 30
set -euo pipefail
cd "$(dirname "$0")/.."
employees="${1:-100000}"
rate="${2:-200}"
seconds="${3:-30}"
./mvnw -B -q -Pbenchmark test -Dtest=RightsCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.argLine="-Xmx1g -Dbench.employees=$employees -Dbench.rate=$rate -Dbench.seconds=$seconds -Dtest.await-seconds=1800"
cat target/benchmarks/rights.md
