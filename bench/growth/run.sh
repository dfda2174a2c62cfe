#!/usr/bin/env bash
# Measures how the latency of get, list (filtered) and handoff changes as the leads grow.
#
#   bash bench/growth/run.sh                          # 10,000, 100,000 and 1,000,000 leads
#   BENCH_SIZES="10000 100000" bash bench/growth/run.sh   # a quicker look
#
# Builds Baton when target/quarkus-app is missing and starts a throwaway PostgreSQL cluster
# (initdb/pg_ctl of the local PostgreSQL installation, durable commits as shipped; as root it runs
# as user postgres). It always uses its own cluster: each size gets a fresh database (dropped and
# created again), so that every size holds the generator's leads and nothing else. For each size:
# Baton migrates the empty database and stops; bench/metrics/generate.sql fills it (Baton stopped,
# as in bench/metrics/run.sh); VACUUM ANALYZE; Baton starts in the production profile (rate
# limits off) with a bootstrap admin key and a MARKETING and a SALES key are created through the
# API; 5 s of each request warm it up, unmeasured; then wrk (installed with apt-get when missing)
# loads it over loopback at a fixed, moderate concurrency:
#   get        GET /api/v1/leads/{id}, random existing leads (bench/http/get.lua)
#   list       GET /api/v1/leads?status=QUALIFIED&source=$BENCH_SOURCE&limit=50, the first page
#   list deep  the same filter, the page after the middle of the matching leads (its cursor
#              reached by following nextCursor from the first page)
#   handoff    POST /api/v1/leads, each a new person (bench/http/handoff.lua), measured last
# and, with Baton stopped, EXPLAIN (ANALYZE, BUFFERS) of the SQL behind them: the lead by id, the
# two duplicate checks of a handoff (open lead, last closed lead), the list's first and deep page
# (both as a custom plan and as the generic plan a prepared statement may switch to). Prints one
# table of latencies (p50 / p99 ms) and requests/s per size, then per size and query the plan's
# scan nodes with their indexes, the shared buffers touched and the rows a filter discarded.
#
# Settings (environment): BENCH_SIZES ("10000 100000 1000000"), BENCH_CONNECTIONS (4),
# BENCH_THREADS (2), BENCH_SECONDS (12), BENCH_SOURCE (paid-search), BENCH_PORT (8095),
# BENCH_PG_PORT (55434).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${BENCH_SIZES:-10000 100000 1000000}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
THREADS=${BENCH_THREADS:-2}
SECONDS_EACH=${BENCH_SECONDS:-12}
SOURCE=${BENCH_SOURCE:-paid-search}
PORT=${BENCH_PORT:-8095}
# The management interface (/q/health, /q/metrics): a port of its own.
OPS_PORT=$((PORT + 1000))
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)
export BENCH_THREADS=$THREADS

source bench/lib.sh
unset BENCH_JDBC_URL BENCH_PSQL # each size drops and creates its database: never someone else's
trap bench_cleanup EXIT

bench_wrk

bench_postgres "${BENCH_PG_PORT:-55434}" -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=100
ADMIN_PSQL=${BENCH_PSQL%/baton}/postgres

echo "== building"
./mvnw -B -q package -DskipTests

# EXPLAIN (ANALYZE, BUFFERS) of one statement, summed up as: scan nodes (with their indexes) and
# sorts | shared buffers touched | rows removed by filters | execution ms.
plan() { # SQL (may PREPARE and SET before the EXPLAIN; the last statement's plan counts)
  psql "$BENCH_PSQL" -qtA -c "$1" >"$WORK/plan.out"
  awk '
    /Scan|Sort|Incremental/ && !/Sort (Key|Method)|Presorted/ {
      sub(/^ *(->)? */, ""); sub(/ *\(actual.*/, ""); sub(/ on lead$/, ""); nodes = nodes (nodes ? ", " : "") $0 }
    /Buffers:/ && !buffers { buffers = $0; sub(/^ *Buffers: shared /, "", buffers); sub(/,? ?(temp|local).*/, "", buffers) }
    /Rows Removed by Filter/ { removed += $NF }
    /Execution Time/ { ms = $3 }
    END { printf "%s | %s | %d | %s\n", nodes, buffers, removed, ms }' "$WORK/plan.out"
}

declare -A RESULT PLANS
for size in $SIZES; do
  echo "== $size leads: fresh database"
  psql -q "$ADMIN_PSQL" -c "DROP DATABASE IF EXISTS baton" -c "CREATE DATABASE baton"
  start_baton # migrates the database
  stop_baton
  echo "== generating $size leads (Baton stopped)"
  start=$(date +%s)
  psql "$BENCH_PSQL" -q -v leads="$size" -f bench/metrics/generate.sql >/dev/null
  psql "$BENCH_PSQL" -q -c "VACUUM ANALYZE"
  echo "generated in $(( $(date +%s) - start )) s"

  # The statements behind the requests, on the data as generated.
  ID=$(psql "$BENCH_PSQL" -tAc "SELECT id FROM lead ORDER BY random() LIMIT 1")
  MATCHES=$(psql "$BENCH_PSQL" -tAc "SELECT count(*) FROM lead WHERE status = 'QUALIFIED' AND source = '$SOURCE'")
  # The deep page: the one after the middle of the matching leads, in pages of 50 as measured.
  PAGES=$(( (MATCHES / 2 + 49) / 50 )); (( PAGES > 0 )) || PAGES=1
  DEPTH=$(( PAGES * 50 ))
  IFS='|' read -r MID_AT MID_ID < <(psql "$BENCH_PSQL" -tA -F '|' -c "SELECT created_at, id FROM lead
    WHERE status = 'QUALIFIED' AND source = '$SOURCE' ORDER BY created_at, id OFFSET $(( DEPTH - 1 )) LIMIT 1")
  EXPLAIN="EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)"
  LIST="SELECT * FROM lead WHERE status = \$1 AND source = \$2"
  DEEP="$LIST AND (created_at, id) > (\$3, \$4)"
  PLANS[$size,get]=$(plan "$EXPLAIN SELECT * FROM lead WHERE id = '$ID'")
  PLANS[$size,open]=$(plan "$EXPLAIN SELECT * FROM lead WHERE email_normalized = 'new-person@example.com'
    AND status IN ('GENERATED', 'QUALIFIED', 'ACCEPTED') FETCH FIRST 1 ROWS ONLY")
  PLANS[$size,closed]=$(plan "$EXPLAIN SELECT * FROM lead WHERE email_normalized = 'lead-$(( size / 2 ))@example.com'
    AND status IN ('CONVERTED', 'REJECTED') ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
  for mode in custom generic; do
    PLANS[$size,list-$mode]=$(plan "SET plan_cache_mode = force_${mode}_plan;
      PREPARE q(text, text) AS $LIST ORDER BY created_at, id FETCH FIRST 51 ROWS ONLY;
      $EXPLAIN EXECUTE q('QUALIFIED', '$SOURCE')")
    PLANS[$size,deep-$mode]=$(plan "SET plan_cache_mode = force_${mode}_plan;
      PREPARE q(text, text, timestamptz, uuid) AS $DEEP ORDER BY created_at, id FETCH FIRST 51 ROWS ONLY;
      $EXPLAIN EXECUTE q('QUALIFIED', '$SOURCE', '$MID_AT', '$MID_ID')")
  done

  echo "== starting Baton (production profile) on port $PORT"
  start_baton
  MARKETING=$(key MARKETING)
  SALES=$(key SALES)
  LIST_PATH="/api/v1/leads?status=QUALIFIED&source=$SOURCE&limit=50"
  # The deep page's cursor, reached as a client reaches it: following nextCursor, PAGES pages.
  cursor=
  for _ in $(seq 1 "$PAGES"); do
    cursor=$(curl -sf -H "Authorization: Bearer $SALES" \
      "http://localhost:$PORT$LIST_PATH${cursor:+&cursor=$cursor}" | jq -r '.nextCursor // empty')
    [[ -n $cursor ]] || { echo "no page after $DEPTH leads" >&2; exit 1; }
  done
  DEEP_PATH="$LIST_PATH${cursor:+&cursor=$cursor}"
  psql "$BENCH_PSQL" -tAc "SELECT id FROM lead ORDER BY random() LIMIT 100000" >"$WORK/ids"

  echo "== warming up (5 s of each request, not counted)"
  run_wrk "$SALES" 5 / -s bench/http/get.lua -- "$WORK/ids" >/dev/null
  run_wrk "$SALES" 5 "$LIST_PATH" -H "Authorization: Bearer $SALES" >/dev/null
  run_wrk "$SALES" 5 "$DEEP_PATH" -H "Authorization: Bearer $SALES" >/dev/null
  run_wrk "$MARKETING" 5 / -s bench/http/handoff.lua >/dev/null
  echo "== get";       RESULT[$size,get]=$(run_wrk "$SALES" "$SECONDS_EACH" / -s bench/http/get.lua -- "$WORK/ids")
  echo "== list";      RESULT[$size,list]=$(run_wrk "$SALES" "$SECONDS_EACH" "$LIST_PATH" -H "Authorization: Bearer $SALES")
  echo "== list deep"; RESULT[$size,deep]=$(run_wrk "$SALES" "$SECONDS_EACH" "$DEEP_PATH" -H "Authorization: Bearer $SALES")
  echo "== handoff";   RESULT[$size,handoff]=$(run_wrk "$MARKETING" "$SECONDS_EACH" / -s bench/http/handoff.lua)
  stop_baton
  RESULT[$size,matches]="$MATCHES leads match the filter, the deep page starts after $DEPTH"
done

echo
echo "$(bench_machine) $CONNECTIONS connections, $THREADS wrk threads, ${SECONDS_EACH}s per run; list filter status=QUALIFIED&source=$SOURCE"
echo
echo "p50 / p99 ms (requests/s); non-2xx responses are counted after the table."
printf '\n| %9s | %-21s | %-21s | %-21s | %-21s |\n' leads get list "list deep" handoff
printf '|%s|\n' "-----------|-----------------------|-----------------------|-----------------------|-----------------------"
bad=0
for size in $SIZES; do
  row=$(printf '| %9s ' "$(printf "%'d" "$size")")
  for what in get list deep handoff; do
    read -r rps p50 p99 nb <<<"${RESULT[$size,$what]}"
    bad=$(( bad + nb ))
    row+=$(printf '| %-21s ' "$p50 / $p99 ($rps)")
  done
  echo "$row|"
done
echo
echo "Non-2xx responses: $bad."
for size in $SIZES; do echo "$size leads: ${RESULT[$size,matches]}."; done
echo
echo "Plans (EXPLAIN ANALYZE on the generated data): nodes | shared buffers | rows removed by filter | ms"
for size in $SIZES; do
  echo
  echo "$size leads:"
  for q in get open closed list-custom list-generic deep-custom deep-generic; do
    printf '  %-13s %s\n' "$q" "${PLANS[$size,$q]}"
  done
done
