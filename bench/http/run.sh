#!/usr/bin/env bash
# Measures one Baton replica against the physical limit: PostgreSQL running the same statements,
# and the same durable writes in one round trip.
#
#   bash bench/http/run.sh
#
# Builds Baton, starts a throwaway PostgreSQL cluster (initdb/pg_ctl of the local PostgreSQL
# installation; as root it runs as user postgres) or uses the database in BENCH_JDBC_URL (with
# BENCH_PSQL, a psql connection string for the same database), starts Baton in the production
# profile once to train a class archive (the image's java and its AOT cache, bench/lib.sh: its
# time to ready is a start without any archive), then again from that archive, on loopback, and
# loads it with wrk (installed with apt-get when missing):
#   handoffs   POST /api/v1/leads, each a new person
#   moves      POST …/qualify, then …/accept, then …/convert, each on another of those leads
#   get        GET /api/v1/leads/{id}, random leads
#   list       GET /api/v1/leads?status=CONVERTED&limit=50
# then runs two references with pgbench at the same concurrency on the same database, for a
# handoff and for each move: the statements Baton issues, one round trip each
# (bench/http/pgbench/<action>.sql), and the same durable writes in one statement, one round trip
# (bench/http/pgbench/<action>-1rt.sql). It prints one table: requests/s, p50 and p99 latency,
# Baton against each reference, then p50 and p99 again in a second run paced at 80% of the first
# one's requests/s, beside the p99 of the one-round-trip writes paced at that same rate (pgbench
# -R: PostgreSQL's own tail at that load); time from start to ready; resident memory after start
# and after the load.
# Every figure comes from this one run on this machine.
#
# Settings (environment): BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_SECONDS (20),
# BENCH_PORT (8094), BENCH_PG_PORT (55433), BENCH_WARMUP (10 s of handoffs first), BENCH_RUNS (which runs, of the default
# "handoffs qualify accept convert get list"), BENCH_JAVA_OPTS (more JVM options, e.g. a profiler).
#
# Baton runs with the JVM settings of the container image (src/main/docker/Dockerfile.jvm) and the
# heap a pod of the generated Kubernetes manifests gets: BATON_JVM, on the image's Java version:
# BATON_JAVA (bench/lib.sh; BENCH_JAVA to choose another java).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
SECONDS_EACH=${BENCH_SECONDS:-20}
RUNS=" ${BENCH_RUNS:-handoffs qualify accept convert get list} "
PORT=${BENCH_PORT:-8094}
# The management interface (/q/health, /q/metrics): a port of its own.
OPS_PORT=$((PORT + 1000))
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)
export BENCH_THREADS=$THREADS

source bench/lib.sh
trap bench_cleanup EXIT

bench_wrk
PGBENCH=$(command -v pgbench 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)

# Durable commits (fsync and synchronous_commit as shipped): Baton and pgbench pay the same.
bench_postgres "${BENCH_PG_PORT:-55433}" -c shared_buffers=256MB -c max_connections=100

echo "== building"
./mvnw -B -q package -DskipTests

# A training start: the classes a start and each kind of request load are archived when the JVM
# exits (JDK 25's AOT cache as in the image, JDK 17's class archive on an older java:
# ARCHIVE_WRITE, bench/lib.sh), and the measured start maps them from the archive instead of
# loading them from the jars. Its time to ready is a start without any archive (on JDK 25 recording
# the cache also turns off the JDK's own archive), plus the recording.
echo "== training start (production profile, $BATON_JAVA $BATON_JVM): a class archive for the measured start"
start_baton "$ARCHIVE_WRITE$WORK/baton.archive"
READY_COLD_MS=$READY_MS
MARKETING=$(key MARKETING)
SALES=$(key SALES)
for i in 1 2 3; do
  lead=$(curl -sf -H "Authorization: Bearer $MARKETING" -H 'Content-Type: application/json' \
    -d "{\"contact\":{\"email\":\"training$i@example.com\"},\"attribution\":{\"source\":\"bench\"}}" \
    "http://localhost:$PORT/api/v1/leads" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  for move in 'qualify {"score":70}' 'accept {"owner":"jane@acme.com"}' 'convert {"amount":1200.00,"currency":"EUR"}'; do
    curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
      -d "${move#* }" "http://localhost:$PORT/api/v1/leads/$lead/${move%% *}"
  done
  curl -sf -o /dev/null -H "Authorization: Bearer $SALES" "http://localhost:$PORT/api/v1/leads/$lead"
  curl -sf -o /dev/null -H "Authorization: Bearer $SALES" "http://localhost:$PORT/api/v1/leads?status=CONVERTED&limit=50"
done
curl -sf -o /dev/null -H "Authorization: Bearer $MARKETING" -H 'Content-Type: application/json' \
  -d '{"leads":[{"contact":{"email":"training-batch@example.com"},"attribution":{"source":"bench"}}]}' \
  "http://localhost:$PORT/api/v1/leads/batch"
run_wrk "$MARKETING" 3 / -s bench/http/handoff.lua >/dev/null
stop_baton

echo "== starting Baton (production profile, $BATON_JVM, the class archive) on port $PORT"
start_baton "$ARCHIVE_READ$WORK/baton.archive" ${BENCH_JAVA_OPTS:-}
sleep 2
RSS_START=$(( $(ps -o rss= -p "$BATON_PID") / 1024 ))

# Each run twice: as fast as the connections go (the peak), then at 80% of that peak, paced
# (bench/http/pace.lua), for the latency a replica shows with some headroom left.
declare -A BATON PACED PGBENCH_TPS
measure() { # name, key, path, wrk arguments... (BEFORE_PACED: a command to run in between)
  local name=$1 key=$2 path=$3; shift 3
  BATON[$name]=$(run_wrk "$key" "$SECONDS_EACH" "$path" "$@")
  local peak=${BATON[$name]%% *}
  ${BEFORE_PACED:-true}
  echo "   and at 80% of its $peak requests/s"
  PACED[$name]=$(RATE=$(( peak * 8 / 10 )) run_wrk "$key" "$SECONDS_EACH" "$path" "$@")
}
wanted() { [[ $RUNS == *" $1 "* ]]; }

WARMUP=${BENCH_WARMUP:-10}
echo "== warming up ($WARMUP s of handoffs, not counted)"
run_wrk "$MARKETING" "$WARMUP" / -s bench/http/handoff.lua >/dev/null
if wanted handoffs; then
  echo "== handoffs"
  measure handoffs "$MARKETING" / -s bench/http/handoff.lua
fi

# Each move run draws from BENCH_MOVE_LEADS leads in the status it moves from, so that it never
# runs out: GENERATED and QUALIFIED ones are handed off in batches (500 a request), ACCEPTED ones
# are accepted by an unmeasured run of twice the length.
MOVE_LEADS=${BENCH_MOVE_LEADS:-60000}
count() { psql "$BENCH_PSQL" -tAc "SELECT count(*) FROM lead WHERE status = '$1'"; }
ids() { psql "$BENCH_PSQL" -tAc "SELECT id FROM lead WHERE status = '$1' ORDER BY random()" >"$WORK/ids"; }
supply() { # status
  local have; have=$(count "$1")
  if [[ $1 == ACCEPTED ]]; then
    supply QUALIFIED; ids QUALIFIED
    echo "== accepting leads for the convert run (not measured)"
    run_wrk "$ADMIN" $(( 2 * SECONDS_EACH )) / -s bench/http/move.lua -- "$WORK/ids" accept >/dev/null
    return
  fi
  echo "== handing off $(( have < MOVE_LEADS ? MOVE_LEADS - have : 0 )) $1 leads for the moves (batches)"
  local batch
  batch=$(awk -v s="$1" 'BEGIN { printf "{\"leads\":["; for (i = 1; i <= 500; i++) printf "%s{\"contact\":{\"email\":\"EMAIL%d@example.com\"},\"attribution\":{\"source\":\"bench\"},\"status\":\"%s\"}", (i > 1 ? "," : ""), i, s; printf "]}" }')
  while (( have < MOVE_LEADS )); do
    curl -sf -o /dev/null -H "Authorization: Bearer $MARKETING" -H 'Content-Type: application/json' \
      -d "${batch//EMAIL/b$1$have-}" "http://localhost:$PORT/api/v1/leads/batch"
    have=$(( have + 500 ))
  done
}
for action in qualify accept convert; do
  wanted "$action" || continue
  from=$(case $action in qualify) echo GENERATED ;; accept) echo QUALIFIED ;; convert) echo ACCEPTED ;; esac)
  supply "$from"
  ids "$from"
  echo "== moves: $action"
  BEFORE_PACED="ids $from" measure "$action" "$ADMIN" / -s bench/http/move.lua -- "$WORK/ids" "$action"
done
if wanted get; then
  psql "$BENCH_PSQL" -tAc "SELECT id FROM lead ORDER BY random() LIMIT 100000" >"$WORK/ids"
  echo "== get"
  measure get "$SALES" / -s bench/http/get.lua -- "$WORK/ids"
fi
if wanted list; then
  echo "== list"
  measure list "$SALES" "/api/v1/leads?status=CONVERTED&limit=50" -s bench/http/list.lua
fi
RSS_AFTER=$(( $(ps -o rss= -p "$BATON_PID") / 1024 ))
stop_baton

echo "== pgbench, $CONNECTIONS clients: Baton's statements one round trip each, then the same writes in one"
psql -q "$BENCH_PSQL" -f bench/http/pgbench/setup.sql
LEAD_COUNT=$(psql "$BENCH_PSQL" -tAc "SELECT count(*) FROM bench_lead")
declare -A PGBENCH_1RT PGBENCH_P99
pg_run() { # script, pgbench options...: prints tps and the transactions processed
  local script=$1; shift
  "$PGBENCH" -n -M extended -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_EACH" "$@" -f "$script" \
    "$BENCH_PSQL" >"$WORK/pgbench.out" 2>&1 || { cat "$WORK/pgbench.out" >&2; exit 1; }
  awk '/^number of transactions actually processed/ { split($NF, n, "/"); done = n[1] }
       /^tps/ { tps = $3 } END { printf "%.0f %d\n", tps, done }' "$WORK/pgbench.out"
}
events() { psql "$BENCH_PSQL" -tAc "SELECT count(*) FROM lead_event WHERE type = '$1'"; }
for action in handoffs qualify accept convert; do
  wanted "$action" || continue
  script=bench/http/pgbench/${action%s}
  read -r tps _ < <(pg_run "$script.sql" -D leads="$LEAD_COUNT")
  PGBENCH_TPS[$action]=$tps
  # The one-round-trip moves take the leads in the status they move from, each once (pool.sql).
  case $action in
    qualify) psql -q "$BENCH_PSQL" -v from=GENERATED -f bench/http/pgbench/pool.sql >/dev/null ;;
    accept) psql -q "$BENCH_PSQL" -v from=QUALIFIED -f bench/http/pgbench/pool.sql >/dev/null ;;
    convert) psql -q "$BENCH_PSQL" -v from=ACCEPTED -f bench/http/pgbench/pool.sql >/dev/null ;;
  esac
  type=$(case $action in handoffs) echo lead.created ;; qualify) echo lead.qualified ;; *) echo "lead.${action}ed" ;; esac)
  before=$(events "$type")
  read -r tps done < <(pg_run "$script-1rt.sql" -D k=0 -D clients="$CONNECTIONS")
  written=$(( $(events "$type") - before ))
  PGBENCH_1RT[$action]=$tps
  # A statement that found no lead to move wrote nothing and cost less: the reference is then
  # too high a figure. Said, not hidden (more leads: BENCH_MOVE_LEADS).
  if (( written < done )); then
    echo "   $action, one round trip: only $written of $done statements wrote (a move's pool ran out, or a handoff drew a person twice): its tps is not a reference" >&2
    PGBENCH_1RT[$action]="$tps*"
  fi
  # The same one-round-trip writes paced at the rate of Baton's paced run (-R, the same
  # connections): PostgreSQL's own p99 on this machine at that load, what the latency target
  # leaves Baton. Each transaction's time is logged (-l); the first second, while pgbench opens
  # its connections, is left out. With -R pgbench counts a transaction's time from when it was
  # due ($3); wrk counts from when the request was sent, so the time it waited to start (its
  # schedule lag, $7) is taken off, as wrk's paced run leaves it out.
  rate=$(( ${BATON[$action]%% *} * 8 / 10 ))
  case $action in
    qualify) psql -q "$BENCH_PSQL" -v from=GENERATED -f bench/http/pgbench/pool.sql >/dev/null ;;
    accept) psql -q "$BENCH_PSQL" -v from=QUALIFIED -f bench/http/pgbench/pool.sql >/dev/null ;;
    convert) psql -q "$BENCH_PSQL" -v from=ACCEPTED -f bench/http/pgbench/pool.sql >/dev/null ;;
  esac
  rm -f "$WORK"/pglat*
  before=$(events "$type")
  read -r _ done < <(pg_run "$script-1rt.sql" -D k=0 -D clients="$CONNECTIONS" -R "$rate" -l --log-prefix="$WORK/pglat")
  (( $(events "$type") - before >= done )) ||
    echo "   $action, one round trip at $rate/s: the pool ran out: its p99 is not a reference" >&2
  PGBENCH_P99[$action]=$(cat "$WORK"/pglat* | sort -k5,5n -k6,6n |
    awk 'NR == 1 { from = $5 + 1 } $5 >= from { print ($3 - $7) / 1000 }' | sort -n |
    awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; if (NR) printf "%.1f", v[i] }')
done
echo
echo "$(bench_machine) $CONNECTIONS connections, $THREADS wrk threads, ${SECONDS_EACH}s per run"
printf '\n| %-9s | %8s | %7s | %7s | %6s | %11s | %13s | %11s | %10s | %8s | %7s | %7s | %11s |\n' what "req/s" \
  "p50 ms" "p99 ms" non-2xx "pgbench tps" "Baton/pgbench" "1-RT tps" "Baton/1-RT" "at 80%" "p50 ms" "p99 ms" "1-RT p99 ms"
printf '|%s|\n' "-----------|----------|---------|---------|--------|-------------|---------------|-------------|------------|----------|---------|---------|-------------"
ratio() { [[ -z $2 ]] || awk -v a="$1" -v b="${2%\*}" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
for what in handoffs qualify accept convert get list; do
  [[ -n "${BATON[$what]:-}" ]] || continue
  read -r rps p50 p99 bad <<<"${BATON[$what]}"
  tps=${PGBENCH_TPS[$what]:-}
  one=${PGBENCH_1RT[$what]:-}
  read -r paced_rps paced_p50 paced_p99 paced_bad <<<"${PACED[$what]}"
  bad=$(( bad + paced_bad ))
  printf '| %-9s | %8s | %7s | %7s | %6s | %11s | %13s | %11s | %10s | %8s | %7s | %7s | %11s |\n' "$what" "$rps" \
    "$p50" "$p99" "$bad" "$tps" "$(ratio "$rps" "$tps")" "$one" "$(ratio "$rps" "$one")" \
    "$paced_rps" "$paced_p50" "$paced_p99" "${PGBENCH_P99[$what]:-}"
done
echo
echo "Start to ready: $READY_MS ms with the class archive of a training start, $READY_COLD_MS ms without (the training start)."
echo "Resident memory: $RSS_START MiB after start, $RSS_AFTER MiB after the load."
