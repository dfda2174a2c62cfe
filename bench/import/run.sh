#!/usr/bin/env bash
# Measures the bulk import against the physical limit: psql \copy of the same rows into the same
# tables, on the same machine, in the same run.
#
#   bash bench/import/run.sh                 # 1,000,000 leads
#   N=20000 bash bench/import/run.sh         # a quick run
#
# Builds Baton, starts a throwaway PostgreSQL cluster (initdb/pg_ctl of the local PostgreSQL
# installation; as root it runs as user postgres) or uses the database in BENCH_JDBC_URL (with
# BENCH_PSQL, a psql connection string for the same database; its lead tables are emptied), and
# starts Baton once so that Flyway migrates it. Then:
#   1. generates N leads with their past (bench/import/generate.py, seeded): the NDJSON file of
#      POST /api/v1/imports, and the same leads as CSV rows of lead, lead_external_ref, lead_cycle,
#      lead_event and lead_feedback, the rows an import writes for them;
#   2. loads those CSV files with psql \copy into the migrated tables (their indexes, constraints
#      and foreign keys in place): the reference, in rows/s;
#   3. empties those tables, starts Baton in the production profile ($BATON_JVM), uploads the
#      NDJSON file with curl -T to POST /api/v1/imports and follows GET /api/v1/imports/{id} four
#      times a second over one connection (bench/import/follow.py) until the job ends: upload
#      time, processing time, leads/s and rows/s over both, and the ratio to \copy; Baton's
#      resident memory after the import (and its peak);
#   4. while the import runs, hands off single leads (POST /api/v1/leads, a new person each) at
#      BENCH_HANDOFF_RATE per second, one at a time over one kept-alive connection
#      (bench/import/probe.py: a process per request would take CPU from the import), and compares
#      their p50/p99 with the same handoffs before the import;
#   5. downloads GET /api/v1/exports/leads and /events (NDJSON) beside psql \copy (SELECT …) TO of
#      the same rows (skipped, with one line, when the endpoint answers 404);
# and prints one table. Every figure comes from this one run on this machine.
#
# Settings (environment): N (1000000 leads), BENCH_SEED (19), BENCH_PORT (8097), BENCH_PG_PORT
# (55436), BENCH_HANDOFF_RATE (5 handoffs/s), BENCH_BEFORE_SECONDS (20 s of handoffs before the
# import), BENCH_DATA (a directory to keep the generated files in and reuse them from, instead of a
# temporary one), BENCH_NO_BUILD=1 (use target/quarkus-app as it is), BENCH_JAVA_OPTS (more JVM
# options), BENCH_IMPORT_TIMEOUT (3600 s).
#
# Both the reference and the import write with durable commits (fsync and synchronous_commit as
# shipped); max_wal_size is raised for both alike, so that neither waits on checkpoints it forces.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000000}
SEED=${BENCH_SEED:-19}
PORT=${BENCH_PORT:-8097}
# The management interface (/q/health, /q/metrics): a port of its own.
OPS_PORT=$((PORT + 1000))
RATE=${BENCH_HANDOFF_RATE:-5}
BEFORE_SECONDS=${BENCH_BEFORE_SECONDS:-20}
TIMEOUT=${BENCH_IMPORT_TIMEOUT:-3600}
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)
PYTHON=$(command -v python3)

source bench/lib.sh
# The handoff probe of the import stops at its stop file; the cluster and Baton as usual.
cleanup() {
  touch "$WORK/stop"
  [[ -z "${PROBE_PID:-}" ]] || kill "$PROBE_PID" 2>/dev/null || true
  bench_cleanup
}
trap cleanup EXIT

bench_postgres "${BENCH_PG_PORT:-55436}" -c shared_buffers=256MB -c max_wal_size=8GB -c max_connections=100

if [[ -z "${BENCH_NO_BUILD:-}" || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  echo "== building"
  ./mvnw -B -q -o package -DskipTests 2>/dev/null || ./mvnw -B -q package -DskipTests
fi

now_ns() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
per_s() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.0f", n * 1e9 / ns }'; }
q() { psql "$BENCH_PSQL" -tAc "$1"; }
TABLES="lead_feedback, lead_external_ref, lead_event, lead_cycle, lead_assignment, lead"
# Rows of the tables an import writes, left out the leads handed off by the latency probe.
IMPORTED_ROWS="SELECT (SELECT count(*) FROM lead l WHERE l.email_normalized NOT LIKE '%@handoff.bench')
  + (SELECT count(*) FROM lead_external_ref r JOIN lead l ON l.id = r.lead_id WHERE l.email_normalized NOT LIKE '%@handoff.bench')
  + (SELECT count(*) FROM lead_cycle c JOIN lead l ON l.id = c.lead_id WHERE l.email_normalized NOT LIKE '%@handoff.bench')
  + (SELECT count(*) FROM lead_event e JOIN lead l ON l.id = e.lead_id WHERE l.email_normalized NOT LIKE '%@handoff.bench')
  + (SELECT count(*) FROM lead_feedback f JOIN lead l ON l.id = f.lead_id WHERE l.email_normalized NOT LIKE '%@handoff.bench')"

echo "== starting Baton once: Flyway migrates the database"
start_baton ${BENCH_JAVA_OPTS:-}
stop_baton
q "TRUNCATE $TABLES CASCADE" >/dev/null
# The columns the import API's migration added, when this build has it: the reference writes them too.
IMPORT_COLUMNS=
[[ $(q "SELECT count(*) FROM information_schema.columns WHERE table_name = 'lead_event' AND column_name = 'import_id'") == 1 ]] &&
  IMPORT_COLUMNS=--import-columns

DATA=${BENCH_DATA:-$WORK/data}
STAMP="$N $SEED $IMPORT_COLUMNS $(date -u +%F) $(cksum <bench/import/generate.py)"
if [[ -f "$DATA/done" && $(cat "$DATA/done") == "$STAMP" ]]; then
  echo "== reusing the $N leads generated in $DATA"
else
  echo "== generating $N leads with their past (seed $SEED)"
  started=$(now_ns)
  rm -f "$DATA/done"
  "$PYTHON" bench/import/generate.py --leads "$N" --seed "$SEED" --out "$DATA" $IMPORT_COLUMNS
  echo "$STAMP" >"$DATA/done"
  echo "generated in $(secs $(( $(now_ns) - started ))) s"
fi
FILE="$DATA/leads.ndjson"
FILE_MB=$(( $(stat -c %s "$FILE") / 1024 / 1024 ))
declare -A COUNT
while read -r table count; do COUNT[$table]=$count; done <"$DATA/counts"
ROWS=$(( COUNT[lead] + COUNT[lead_external_ref] + COUNT[lead_cycle] + COUNT[lead_event] + COUNT[lead_feedback] ))

echo "== reference: psql \\copy of the same rows ($ROWS) into the migrated tables"
q "CHECKPOINT" >/dev/null 2>&1 || true # superusers only: skipped on a database of yours
started=$(now_ns)
psql -q "$BENCH_PSQL" -f "$DATA/copy.sql"
COPY_NS=$(( $(now_ns) - started ))
for table in lead lead_external_ref lead_cycle lead_event lead_feedback; do
  have=$(q "SELECT count(*) FROM $table")
  [[ $have == "${COUNT[$table]}" ]] || { echo "\\copy wrote $have rows to $table, not ${COUNT[$table]}" >&2; exit 1; }
done
COPY_RPS=$(per_s "$ROWS" "$COPY_NS")
echo "   $(secs "$COPY_NS") s, $COPY_RPS rows/s"
q "TRUNCATE $TABLES CASCADE" >/dev/null
q "VACUUM ANALYZE" >/dev/null
q "CHECKPOINT" >/dev/null 2>&1 || true

echo "== starting Baton (production profile, $BATON_JVM) on port $PORT"
start_baton ${BENCH_JAVA_OPTS:-}
MARKETING=$(key MARKETING)

# Hands off one new person at a time at $RATE a second for $1 seconds (0: until the file $2
# exists), each answer's status and seconds a line of $3 (bench/import/probe.py).
handoffs() { # seconds, stop_file, out
  "$PYTHON" bench/import/probe.py --port "$PORT" --key "$MARKETING" --rate "$RATE" \
    --seconds "$1" --stop "$2" --out "$3"
}
secs_exact() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
# count p50_ms p99_ms non-2xx of a handoffs() output
latency() {
  sort -k2 -n "$1" | awk '{ s[NR] = $2 * 1000; if ($1 !~ /^2/) bad++ }
    END { if (NR == 0) { print "0 - - 0"; exit }
          p50 = s[int(NR * 0.50 + 0.999)]; p99 = s[int(NR * 0.99 + 0.999)]
          printf "%d %.1f %.1f %d\n", NR, p50, p99, bad + 0 }'
}

echo "== warming up (100 handoffs, not counted)"
RATE=50 handoffs 2 /nonexistent "$WORK/warmup"
echo "== handoffs before the import: $RATE/s for $BEFORE_SECONDS s"
: >"$WORK/before"
handoffs "$BEFORE_SECONDS" /nonexistent "$WORK/before"

read -r before_n before_p50 before_p99 before_bad < <(latency "$WORK/before")
echo "   $before_n handoffs: p50 $before_p50 ms, p99 $before_p99 ms, $before_bad non-2xx"
curl -sf -o "$WORK/openapi.yaml" "http://localhost:$OPS_PORT/q/openapi"
if ! grep -q '^  /api/v1/imports:' "$WORK/openapi.yaml"; then
  echo "This build has no import API (POST /api/v1/imports is not in /q/openapi; issue 19): only the \\copy reference ran:" >&2
  echo "   $ROWS rows ($N leads) in $(secs "$COPY_NS") s, $COPY_RPS rows/s" >&2
  exit 1
fi

echo "== import: uploading $FILE_MB MiB ($N leads) to POST /api/v1/imports"
: >"$WORK/during"
handoffs 0 "$WORK/stop" "$WORK/during" &
PROBE_PID=$!
started=$(now_ns)
upload=$(curl -s -o "$WORK/job.json" -w '%{http_code} %{time_total}' -X POST -T "$FILE" \
  -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/x-ndjson' -H 'Expect:' \
  "http://localhost:$PORT/api/v1/imports?duplicates=refuse") || true
UPLOAD_NS=$(( $(now_ns) - started ))
read -r code _ <<<"$upload"
if [[ $code != 202 ]]; then
  touch "$WORK/stop"; wait "$PROBE_PID" || true
  if [[ $code == 404 ]]; then
    echo "POST /api/v1/imports answered 404: this build has no import API (issue 19); only the \\copy reference ran:" >&2
    echo "   $ROWS rows ($N leads) in $(secs "$COPY_NS") s, $COPY_RPS rows/s" >&2
  else
    echo "POST /api/v1/imports answered ${code:-nothing}:" >&2; cat "$WORK/job.json" >&2; echo >&2
  fi
  exit 1
fi
field() { "$PYTHON" -c "import json,sys; v = json.load(open(sys.argv[1])).get(sys.argv[2]); print('' if v is None else v)" "$WORK/job.json" "$1"; }
JOB=$(field id)
echo "   uploaded in $(secs "$UPLOAD_NS") s; job $JOB"
"$PYTHON" bench/import/follow.py --port "$PORT" --key "$ADMIN" --job "$JOB" --timeout "$TIMEOUT" \
  --since "$(secs_exact "$started")" --out "$WORK/job.json" || { touch "$WORK/stop"; exit 1; }
TOTAL_NS=$(( $(now_ns) - started ))
state=$(field state)
touch "$WORK/stop"
wait "$PROBE_PID" || true
RSS_AFTER=$(( $(ps -o rss= -p "$BATON_PID") / 1024 ))
RSS_PEAK=$(( $(awk '/VmHWM/ { print $2 }' "/proc/$BATON_PID/status") / 1024 ))
CREATED=$(field rowsCreated); [[ -n $CREATED ]] || CREATED=$(field rowsWritten)
REFUSED=$(field rowsRefused)
if [[ $state != SUCCEEDED || $CREATED != "$N" ]]; then
  echo "the import ended $state with $CREATED of $N leads created, $REFUSED refused: $(cat "$WORK/job.json")" >&2
  curl -s -H "Authorization: Bearer $ADMIN" "http://localhost:$PORT/api/v1/imports/$JOB/results" |
    grep -v '"CREATED"' | head -5 >&2 || true
  exit 1
fi
# The job's own times: from when a replica took it to when it ended (the server's clock).
PROCESS_S=$("$PYTHON" -c "
import json, sys
from datetime import datetime
j = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
print('%.1f' % (t(j['finishedAt']) - t(j['startedAt'])).total_seconds())" "$WORK/job.json")
IMPORTED=$(q "$IMPORTED_ROWS")
[[ $IMPORTED == "$ROWS" ]] || echo "   note: the import wrote $IMPORTED rows to those tables, the reference $ROWS"
IMPORT_RPS=$(per_s "$IMPORTED" "$TOTAL_NS")
IMPORT_LPS=$(per_s "$N" "$TOTAL_NS")
RATIO=$(awk -v a="$IMPORT_RPS" -v b="$COPY_RPS" 'BEGIN { printf "%.0f%%", 100 * a / b }')
read -r during_n during_p50 during_p99 during_bad < <(latency "$WORK/during")

echo "== exports beside psql \\copy (…) TO"
declare -A EXPORT
for what in leads events; do
  table=lead; order="created_at, id"
  [[ $what == events ]] && { table=lead_event; order=id; }
  out=$(curl -s -o "$WORK/export.$what" -w '%{http_code} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $ADMIN" "http://localhost:$PORT/api/v1/exports/$what?format=ndjson") || true
  read -r code seconds bytes <<<"$out"
  if [[ $code == 404 ]]; then
    echo "   GET /api/v1/exports/$what answered 404: skipped"
    continue
  fi
  [[ $code == 200 ]] || { echo "GET /api/v1/exports/$what answered $code" >&2; head -c 500 "$WORK/export.$what" >&2; exit 1; }
  lines=$(wc -l <"$WORK/export.$what")
  started=$(now_ns)
  psql -q "$BENCH_PSQL" -c "\\copy (SELECT * FROM $table ORDER BY $order) TO '$WORK/copy.$what' WITH (FORMAT csv)"
  copy_ns=$(( $(now_ns) - started ))
  copy_bytes=$(stat -c %s "$WORK/copy.$what")
  EXPORT[$what]="$lines $(awk -v s="$seconds" 'BEGIN { printf "%.1f", s }') $(( bytes / 1024 / 1024 )) $(per_s "$lines" "$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1e9 }')") $(secs "$copy_ns") $(( copy_bytes / 1024 / 1024 )) $(per_s "$lines" "$copy_ns")"
  rm -f "$WORK/export.$what" "$WORK/copy.$what"
done
stop_baton

echo
echo "$(bench_machine) heap $(sed -E 's/.*-Xmx([^ ]+).*/\1/' <<<"$BATON_JVM")"
echo "Data: $N leads ending $(awk '/^status:/ { sub("status:", ""); printf "%s%s %d", (n++ ? ", " : ""), $1, $2 }' "$DATA/counts"); $FILE_MB MiB of NDJSON."
echo "Rows: $ROWS, ${COUNT[lead]} lead, ${COUNT[lead_external_ref]} lead_external_ref, ${COUNT[lead_cycle]} lead_cycle, ${COUNT[lead_event]} lead_event, ${COUNT[lead_feedback]} lead_feedback"
echo
printf '| %-36s | %9s | %9s | %9s | %8s |\n' "" seconds "leads/s" "rows/s" "of \\copy"
printf '|%s|\n' "--------------------------------------|-----------|-----------|-----------|----------"
printf '| %-36s | %9s | %9s | %9s | %8s |\n' "psql \\copy of the rows (reference)" "$(secs "$COPY_NS")" "$(per_s "$N" "$COPY_NS")" "$COPY_RPS" "100%"
printf '| %-36s | %9s | %9s | %9s | %8s |\n' "import: upload (202)" "$(secs "$UPLOAD_NS")" "" "" ""
printf '| %-36s | %9s | %9s | %9s | %8s |\n' "import: job, started to finished" "$PROCESS_S" "" "" ""
printf '| %-36s | %9s | %9s | %9s | %8s |\n' "import: total, upload to finished" "$(secs "$TOTAL_NS")" "$IMPORT_LPS" "$IMPORT_RPS" "$RATIO"
echo
echo "Baton's resident memory: $RSS_AFTER MiB after the import, $RSS_PEAK MiB at its peak."
echo
printf '| %-38s | %8s | %7s | %7s | %7s |\n' "handoffs, one at a time at $RATE/s" requests "p50 ms" "p99 ms" non-2xx
printf '|%s|\n' "----------------------------------------|----------|---------|---------|---------"
printf '| %-38s | %8s | %7s | %7s | %7s |\n' "before the import" "$before_n" "$before_p50" "$before_p99" "$before_bad"
printf '| %-38s | %8s | %7s | %7s | %7s |\n' "during the import (upload and job)" "$during_n" "$during_p50" "$during_p99" "$during_bad"
if (( ${#EXPORT[@]} > 0 )); then
  echo
  printf '| %-15s | %9s | %9s | %7s | %9s | %13s | %11s | %13s |\n' export lines "seconds" MiB "lines/s" "\\copy seconds" "\\copy MiB" "\\copy lines/s"
  printf '|%s|\n' "-----------------|-----------|-----------|---------|-----------|---------------|-------------|---------------"
  for what in leads events; do
    [[ -n "${EXPORT[$what]:-}" ]] || continue
    read -r lines seconds mib lps cs cmib clps <<<"${EXPORT[$what]}"
    printf '| %-15s | %9s | %9s | %7s | %9s | %13s | %11s | %13s |\n' "$what (NDJSON)" "$lines" "$seconds" "$mib" "$lps" "$cs" "$cmib" "$clps"
  done
fi
