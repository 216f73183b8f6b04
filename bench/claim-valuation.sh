#!/usr/bin/env bash
# Claim valuation benchmark (issue 3): generates a batch of claims for N families under POL-TRS-2026
# and values it in one pass (ClaimValuator + IndexedConsumptionLedger, plain JVM, no Spring); measures
# wall time and heap. Results: target/benchmarks/claim-valuation.md (copy them to docs/benchmarks.md).
# Usage: bench/claim-valuation.sh [families] [lines] [heap]     e.g. bench/claim-valuation.sh 10000 100000 512m
set -euo pipefail
cd "$(dirname "$0")/.."
families="${1:-10000}"
lines="${2:-100000}"
heap="${3:-512m}"
./mvnw -B -q -Pbenchmark test -Dtest=ClaimValuationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.argLine="-Xmx$heap -Dbench.families=$families -Dbench.lines=$lines"
cat target/benchmarks/claim-valuation.md
