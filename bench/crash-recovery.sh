#!/usr/bin/env bash
# Crash recovery (issue 6): the hub and its embedded PostgreSQL are killed together (kill -9 of the
# whole process group, as a host or container crash would) at a random moment while an HR snapshot
# is being applied, then started again on the same data folder. Each run must end with exactly the
# rows of a clean run: nothing lost, nothing doubled. Results: target/benchmarks/crash-recovery.md.
# Usage: bench/crash-recovery.sh [runs] [employees] [chunk-size]     e.g. bench/crash-recovery.sh 20 3000 50
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
employees="${2:-3000}"
chunk="${3:-50}"
work="$(mktemp -d /tmp/groupcare-crash-XXXX)"
port=18089; pgport=54399; sftpport=2299
report="target/benchmarks/crash-recovery.md"
mkdir -p target/benchmarks

./mvnw -B -q -DskipTests package >/dev/null && ./mvnw -B -q test-compile >/dev/null || exit 1
jar=$(ls target/groupcare-hub-*.jar | grep -v plain | head -1)
file="$work/RH_COMPLET_20261101.csv"
java -cp target/test-classes com.groupcare.hub.membership.HrExportGenerator "$file" "$employees" 42 2026-11-01 >/dev/null

start_hub() { # data dir, log
  ( exec setsid env HUB_DATA_DIR="$1" HUB_EMBEDDED_SEED_SAMPLES=false SERVER_PORT=$port \
      HUB_EMBEDDED_POSTGRES_PORT=$pgport HUB_EMBEDDED_SFTP_PORT=$sftpport HUB_HR_CHUNK_SIZE=$chunk \
      HUB_SFTP_POLL_DELAY=500 HUB_INTAKE_READ_LOCK_MIN_AGE=0 HUB_INTAKE_SWEEP_PERIOD=2000 \
      java -Xmx512m -jar "$jar" >"$2" 2>&1 ) &
  echo $!
}
wait_up() { for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health/liveness" >/dev/null 2>&1 && return 0;
  curl -s "localhost:$port/actuator/health" 2>/dev/null | grep -q status && return 0; sleep 1; done; return 1; }
psql_hub() { # data dir, sql
  PGPASSWORD="$(grep -E '^(postgres|db)[.a-z]*=' "$1/demo-credentials.properties" 2>/dev/null | head -1 | cut -d= -f2-)" \
    psql -qAt -h localhost -p $pgport -U postgres postgres -c "$2"
}
drop() { # data dir
  mkdir -p "$1/sftp/hr/inbox"; cp "$file" "$1/sftp/hr/inbox/.RH_COMPLET_20261101.csv.part"
  mv "$1/sftp/hr/inbox/.RH_COMPLET_20261101.csv.part" "$1/sftp/hr/inbox/RH_COMPLET_20261101.csv"
}
fingerprint() { # data dir: what a user would compare, without ids and clocks
  psql_hub "$1" "select (select count(*) from member) || ' members, ' || (select count(*) from beneficiary) || ' beneficiaries, '
    || (select count(*) from member_card) || ' cards, ' || (select count(*) from membership_movement) || ' movements, '
    || (select count(*) from audit_entry) || ' audit, ' || (select count(*) from exchange_error) || ' rejected, '
    || (select string_agg(status || ':' || total_count || '/' || rejected_count, ',') from exchange) || ' | '
    || md5((select string_agg(m.matricule || m.status || m.last_name || b.rank || b.status || coalesce(b.cover_end::text, ''), ','
            order by m.matricule, b.rank) from member m join beneficiary b on b.member_id = m.id))
    || md5((select string_agg(movement_type || coalesce(detail, ''), ',' order by movement_type, detail) from membership_movement))"
}
finished() { [ "$(psql_hub "$1" "select count(*) from exchange where status in ('DONE','DONE_WITH_ERRORS')" 2>/dev/null)" = "1" ]; }
kill_all() { kill -9 -- "-$1" 2>/dev/null; pkill -9 -f "postgres.*$pgport" 2>/dev/null; sleep 1; }
run_until_done() { # data dir, log -> seconds
  local t0=$SECONDS pid; pid=$(start_hub "$1" "$2"); wait_up || { echo "hub did not start, see $2" >&2; kill_all "$pid"; return 1; }
  for _ in $(seq 1 600); do finished "$1" && break; sleep 0.5; done
  echo "$pid"
}

echo "clean run..."
clean="$work/clean"; pid=$(start_hub "$clean" "$work/clean.log"); wait_up; drop "$clean"
for _ in $(seq 1 600); do finished "$clean" && break; sleep 0.5; done
expected=$(fingerprint "$clean"); kill_all "$pid"
lines=$(($(wc -l <"$file") - 1))
{
  echo "| run | killed after s | exchange status at the kill | recovered | rows equal to the clean run |"
  echo "|---|---|---|---|---|"
} >"$report"
ok=0
for i in $(seq 1 "$runs"); do
  dir="$work/run$i"; pid=$(start_hub "$dir" "$work/run$i.log"); wait_up; drop "$dir"
  delay=$(awk -v s="$RANDOM" 'BEGIN{srand(s); printf "%.2f", 0.2 + rand()*5}')
  sleep "$delay"
  state=$(psql_hub "$dir" "select coalesce(string_agg(status || ' ' || chunks_done || '/' || coalesce(chunks_expected::text, '?'), ','), 'not yet recorded') from exchange" 2>/dev/null)
  kill_all "$pid"
  pid=$(run_until_done "$dir" "$work/run$i-after.log")
  got=$(fingerprint "$dir"); kill_all "$pid"
  if [ "$got" = "$expected" ]; then same=yes; ok=$((ok + 1)); else same="NO: $got"; fi
  echo "| $i | $delay | $state | $([ -n "$pid" ] && echo yes || echo no) | $same |" >>"$report"
  echo "run $i: killed after ${delay}s ($state): $same"
done
{
  echo
  echo "Clean run: $expected"
  echo "File: $employees employees, $lines lines, chunks of $chunk lines. $ok of $runs runs equal to the clean run."
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
} >>"$report"
cat "$report"
