#!/usr/bin/env bash
# Remittance benchmark (issue 7): members and families through HR sync, claim lines already valued
# and sent, then the insurer's remittance answering them (1 % differences, 0.5 % unknown claims,
# 0.1 % malformed) dropped over SFTP; measured from the end of the upload to the last payable
# committed, with the heap, against PostgreSQL's COPY of the same file into a bare table (ratio).
# Real PostgreSQL, Artemis and SFTP in-process, the production code path.
# Results: target/benchmarks/remittance.md (copy them to docs/benchmarks.md).
# Usage: bench/remittance.sh [employees] [claim lines] [heap]     e.g. bench/remittance.sh 100000 1000000 1g
set -euo pipefail
cd "$(dirname "$0")/.."
employees="${1:-100000}"
lines="${2:-1000000}"
heap="${3:-1g}"
./mvnw -B -q -Pbenchmark test -Dtest=RemittanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.argLine="-Xmx$heap -Dbench.employees=$employees -Dbench.lines=$lines -Dtest.await-seconds=3600"
cat target/benchmarks/remittance.md
