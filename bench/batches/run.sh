#!/usr/bin/env bash
# Twenty batches of 500 leads (about 0.9 MB each) at once on one replica with the heap of a pod: what
# the heap size in bench/lib.sh (BATON_JVM) is chosen for.
#
#   bash bench/batches/run.sh
#
# Builds Baton when target/quarkus-app is missing, starts a throwaway PostgreSQL cluster (as
# bench/http/run.sh does; or BENCH_JDBC_URL + BENCH_PSQL), starts Baton in the production profile
# with BATON_JVM and a GC log, sends the batches with curl all at once, and prints how many got each
# status, the collections the JVM made, whether it ran out of heap, and its resident memory after.
# Every batch is expected to be answered 200 (all its leads created, in turns of
# BATON_BATCH_CONCURRENCY batches) or 503 busy (it waited longer than BATON_BATCH_WAIT); never 500.
#
# Settings (environment): BENCH_BATCHES (20), BENCH_PORT (8096), BENCH_PG_PORT (55435),
# BENCH_JAVA_OPTS (more JVM options, e.g. -Xmx96m to compare).
set -euo pipefail
cd "$(dirname "$0")/../.."
BATCHES=${BENCH_BATCHES:-20}
PORT=${BENCH_PORT:-8096}
# The management interface (/q/health, /q/metrics): a port of its own.
OPS_PORT=$((PORT + 1000))
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)

source bench/lib.sh
trap bench_cleanup EXIT
bench_postgres "${BENCH_PG_PORT:-55435}" -c shared_buffers=256MB

[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests

echo "== $BATCHES batches of 500 leads"
for n in $(seq 1 "$BATCHES"); do
  awk -v n="$n" 'BEGIN {
    note = sprintf("%1700s", ""); gsub(/ /, "x", note)
    printf "{\"leads\":["
    for (i = 1; i <= 500; i++)
      printf "%s{\"contact\":{\"email\":\"b%d-%d@example.com\"},\"attribution\":{\"source\":\"bench\"},\"qualificationNote\":\"%s\"}", (i > 1 ? "," : ""), n, i, note
    printf "]}"
  }' >"$WORK/batch$n.json"
done
echo "   $(( $(stat -c %s "$WORK/batch1.json") / 1024 )) KiB each"

echo "== starting Baton (production profile, $BATON_JVM ${BENCH_JAVA_OPTS:-}) on port $PORT"
start_baton ${BENCH_JAVA_OPTS:-} -Xlog:gc:file="$WORK/gc.log"

echo "== sending them at once"
started=$(date +%s%N)
for n in $(seq 1 "$BATCHES"); do
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' --data-binary "@$WORK/batch$n.json" \
    "http://localhost:$PORT/api/v1/leads/batch" >"$WORK/status$n" &
done
wait $(jobs -p | grep -vx "$BATON_PID")
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))

echo
echo "Answers after $elapsed ms:"
cat "$WORK"/status* | sort | uniq -c | awk '{ printf "  %s × %s\n", $1, $2 }'
echo "Leads created: $(psql "$BENCH_PSQL" -tAc "SELECT count(*) FROM lead")"
echo "Collections: $(grep -c 'Pause Young' "$WORK/gc.log") young, $(grep -c 'Pause Full' "$WORK/gc.log") full;" \
  "longest full $(grep 'Pause Full' "$WORK/gc.log" | awk '{ sub("ms", "", $NF); if ($NF + 0 > m) m = $NF + 0 } END { print m + 0 }') ms"
echo "Out of heap: $(grep -c OutOfMemoryError "$WORK/baton.log" || true) times"
echo "Resident memory after: $(( $(ps -o rss= -p "$BATON_PID") / 1024 )) MiB"
