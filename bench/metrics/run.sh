#!/usr/bin/env bash
# Times the funnel metrics and the SLA report on a large data set.
#
#   bash bench/metrics/run.sh [leads]        # default 1000000
#
# Builds Baton, starts a throwaway PostgreSQL cluster (initdb/pg_ctl from the local PostgreSQL
# installation; as root, the cluster runs as user postgres) or uses the one in BENCH_JDBC_URL
# (+ BENCH_PSQL, a psql connection string for the same database), lets Baton migrate it, fills it
# with bench/metrics/generate.sql, then times each report over HTTP on loopback: 5 warm-up calls,
# then 30 timed calls, one at a time; then the same for the scoreboard's pages (signed in with the
# admin key's cookie). Prints the machine, the data set and, per report or page, the median, 95th
# percentile and maximum in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
LEADS=${1:-1000000}
PORT=${BENCH_PORT:-8093}
# The management interface (/q/health, /q/metrics): a port of its own.
OPS_PORT=$((PORT + 1000))
RUNS=30
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)

source bench/lib.sh
# BENCH_GENERATE_ONLY=1 stops after filling the database (to explore it with psql).
trap bench_cleanup EXIT

bench_postgres "${BENCH_PG_PORT:-55432}" -c shared_buffers=512MB -c max_wal_size=4GB -c fsync=off

echo "== building"
./mvnw -B -q package -DskipTests

echo "== starting Baton (prod profile) on port $PORT"
start_baton # migrates the database
if [[ $(psql "$BENCH_PSQL" -tAc "SELECT count(*) FROM lead") -lt "$LEADS" ]]; then
  # Generated while Baton is stopped, so that its SLA job does not race the bulk load.
  stop_baton
  echo "== generating $LEADS leads"
  start=$(date +%s)
  psql "$BENCH_PSQL" -q -v leads="$LEADS" -f bench/metrics/generate.sql
  echo "generated in $(( $(date +%s) - start )) s"
  start_baton
fi
[[ -n "${BENCH_GENERATE_ONLY:-}" ]] && exit 0

# The last full calendar quarter (inside the generated year).
MONTH=$(date -u +%-m)
FROM=$(date -u -d "$(date -u +%Y)-$(printf %02d $(( (MONTH - 1) / 3 * 3 + 1 )))-01 -3 months" +%Y-%m-01)
TO=$(date -u -d "$FROM +3 months" +%Y-%m-01)

time_it() { # name, path: an API call with the key, or a scoreboard page with the key's cookie
  local url="http://localhost:$PORT$2" times auth=(-H "Authorization: Bearer $ADMIN")
  [[ $2 == /board* ]] && auth=(-b "baton_board_key=$ADMIN")
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null "${auth[@]}" "$url"; done
  times=$(for _ in $(seq 1 $RUNS); do
    curl -sf -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$url"
  done | sort -n)
  printf '| %-44s | %7.0f | %7.0f | %7.0f |\n' "$1" \
    "$(echo "$times" | awk -v n=$RUNS 'NR==int(n/2)+1 {print $1*1000}')" \
    "$(echo "$times" | awk -v n=$RUNS 'NR==int(n*0.95) {print $1*1000}')" \
    "$(echo "$times" | tail -1 | awk '{print $1*1000}')"
}

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB, $(uname -sr), $("$BATON_JAVA" -version 2>&1 | head -1)"
psql "$BENCH_PSQL" -tAc "SELECT 'PostgreSQL ' || current_setting('server_version') || ': ' || (SELECT count(*) FROM lead) || ' leads, ' || (SELECT count(*) FROM lead_cycle) || ' cycles, ' || (SELECT count(*) FROM lead_event) || ' events; cycles handed off in [$FROM, $TO): ' || (SELECT count(*) FROM lead_cycle WHERE handed_off_at >= '$FROM' AND handed_off_at < '$TO')"
echo
echo "| request ($RUNS calls, one at a time)             | p50 ms  | p95 ms  | max ms  |"
echo "|----------------------------------------------|---------|---------|---------|"
time_it "funnel, quarter, groupBy=source" "/api/v1/funnel?from=$FROM&to=$TO&groupBy=source"
time_it "funnel, quarter, groupBy=campaign" "/api/v1/funnel?from=$FROM&to=$TO&groupBy=campaign"
time_it "funnel, quarter, totals" "/api/v1/funnel?from=$FROM&to=$TO"
time_it "funnel, year, groupBy=source" "/api/v1/funnel?from=$(date -u -d "$TO -12 months" +%Y-%m-01)&to=$TO&groupBy=source"
time_it "SLA report, quarter" "/api/v1/sla?from=$FROM&to=$TO"
time_it "SLA report, quarter, segment=enterprise" "/api/v1/sla?from=$FROM&to=$TO&segment=enterprise"
# The scoreboard: the whole page (funnel with its weekly or monthly series, SLA report, reason
# catalog, the overdue and waiting leads), drawn on the server; no script runs in the browser.
LAST=$(date -u -d "$TO -1 day" +%F)
time_it "scoreboard, last 12 weeks (the default)" "/board"
time_it "scoreboard, quarter by week" "/board?from=$FROM&through=$LAST"
time_it "scoreboard, quarter by week, source=webinar" "/board?from=$FROM&through=$LAST&only=source&value=webinar"
time_it "scoreboard, year by month" "/board?from=$(date -u -d "$TO -12 months" +%Y-%m-01)&through=$LAST&by=month"
LEAD=$(psql "$BENCH_PSQL" -tAc "SELECT lead_id FROM lead_event GROUP BY lead_id ORDER BY count(*) DESC LIMIT 1")
time_it "scoreboard, a lead's page" "/board/leads/$LEAD"
