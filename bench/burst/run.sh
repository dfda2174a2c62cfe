#!/usr/bin/env bash
# A new installation's first burst of handoffs, and what the planner knows after it: the page of
# leads of one status planned on the statistics of an empty table reads and sorts every lead of that
# status; analysed (db/PlannerStats, autovacuum) it walks its index in order.
#
#   bash bench/burst/run.sh
#
# Builds Baton when target/quarkus-app is missing, starts a throwaway PostgreSQL cluster (as
# bench/http/run.sh does; or BENCH_JDBC_URL + BENCH_PSQL, a new database), starts Baton, hands off
# new persons with wrk for BENCH_SECONDS (25), then prints what the statistics of table lead know
# (pg_class.reltuples, pg_stat_user_tables), the plan of the first page of GENERATED leads
# (EXPLAIN ANALYZE of the statement of a page, without its external ids) and 10 s of that page
# requested with wrk, twice; then when the table was last analysed, by Baton or by autovacuum.
#
# Settings (environment): BENCH_SECONDS (25), BENCH_PORT (8098), BENCH_PG_PORT (55437).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${BENCH_SECONDS:-25}
PORT=${BENCH_PORT:-8098}
OPS_PORT=$((PORT + 1000))
CONNECTIONS=16
THREADS=2
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)
export BENCH_THREADS=$THREADS

source bench/lib.sh
trap bench_cleanup EXIT
bench_wrk
bench_postgres "${BENCH_PG_PORT:-55437}" -c shared_buffers=256MB -c max_connections=100

[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests

known() {
  psql "$BENCH_PSQL" -tA -F ' ' -c "SELECT 'table lead: ' || (SELECT count(*) FROM lead) || ' rows, the statistics know '
    || greatest(c.reltuples, 0)::bigint || '; analysed by Baton ' || s.analyze_count || ' times (last '
    || coalesce(to_char(s.last_analyze, 'HH24:MI:SS'), 'never') || '), by autovacuum '
    || s.autoanalyze_count || ' times (last ' || coalesce(to_char(s.last_autoanalyze, 'HH24:MI:SS'), 'never') || ')'
    FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'lead'"
}

start_baton
MARKETING=$(key MARKETING)
SALES=$(key SALES)
echo "== $(date +%T) ${SECONDS_EACH} s of handoffs: $(run_wrk "$MARKETING" "$SECONDS_EACH" / -s bench/http/handoff.lua | awk '{ print $1 "/s, p50 " $2 " ms, p99 " $3 " ms" }')"
for round in 1 2; do
  echo "== $(date +%T) $(known)"
  psql "$BENCH_PSQL" -tA -c "EXPLAIN (ANALYZE, COSTS ON, TIMING OFF, SUMMARY OFF)
    SELECT * FROM lead WHERE status = 'GENERATED' ORDER BY created_at, id LIMIT 51" | sed 's/^/   /'
  echo "   10 s of GET /api/v1/leads?status=GENERATED&limit=50: $(run_wrk "$SALES" 10 "/api/v1/leads?status=GENERATED&limit=50" -s bench/http/list.lua | awk '{ print $1 " pages/s, p50 " $2 " ms, p99 " $3 " ms, non-2xx " $4 }')"
done
echo "== $(date +%T) $(known)"
echo
echo "$(bench_machine)"
