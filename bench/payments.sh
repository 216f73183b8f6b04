#!/usr/bin/env bash
# Payments benchmark (issue 9): 100,000 employees through HR sync, one payable each, then one
# confirmation through the API to the pain.001 file on the bank's SFTP server; with the heap, the file
# checked against the official schema. Real PostgreSQL, Artemis and SFTP in-process.
# Results: target/benchmarks/payments.md (copy them to docs/benchmarks.md).
# Usage: bench/payments.sh [employees] [heap]     e.g. bench/payments.sh 100000 512m
set -euo pipefail
cd "$(dirname "$0")/.."
employees="${1:-100000}"
heap="${2:-512m}"
./mvnw -B -q -Pbenchmark test -Dtest=PaymentBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.argLine="-Xmx$heap -Dbench.employees=$employees -Dtest.await-seconds=1800"
cat target/benchmarks/payments.md
