# Sourced by the benchmark scripts: the JVM settings Baton runs with, and a throwaway PostgreSQL
# cluster unless one is given.
#
#   source bench/lib.sh
#   java $BATON_JVM -jar target/quarkus-app/quarkus-run.jar
#   bench_postgres <port> [-c setting=value ...]
#
# BATON_JVM: the container image's settings (C1 only, serial collector, no collection for class
# metadata below 100 MiB, no hsperfdata file; src/main/docker/Dockerfile.jvm) and the heap a pod of
# the generated Kubernetes manifests gets (20% of its 320Mi limit; outside a container the initial
# heap is then 64 MiB too, as the image's -XX:InitialRAMPercentage=20 makes it in a pod).
BATON_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MetaspaceSize=100m -XX:-UsePerfData -Xmx64m"
#
# With BENCH_JDBC_URL set (and BENCH_PSQL, a psql connection string for the same database) it does
# nothing. Otherwise it runs initdb and pg_ctl of the local PostgreSQL installation (as root, as
# user postgres) in $WORK/pg, creates the database baton and sets BENCH_JDBC_URL, BENCH_PSQL and
# the datasource user for Baton. bench_postgres_stop stops the cluster it started (for a trap).

as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

bench_postgres() { # port, pg_ctl -o settings...
  [[ -n "${BENCH_JDBC_URL:-}" ]] && return
  local port=$1; shift
  PG_BIN=$(dirname "$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
  mkdir -p "$WORK/pg"
  chmod 755 "$WORK"
  [[ $(id -u) == 0 ]] && chown postgres "$WORK" "$WORK/pg"
  as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U baton -A trust >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $port -k $WORK $*" start >/dev/null
  PG_STARTED=1
  psql -q "postgresql://baton@localhost:$port/postgres" -c "CREATE DATABASE baton"
  BENCH_JDBC_URL="jdbc:postgresql://localhost:$port/baton"
  BENCH_PSQL="postgresql://baton@localhost:$port/baton"
  export QUARKUS_DATASOURCE_USERNAME=baton QUARKUS_DATASOURCE_PASSWORD=
}

bench_postgres_stop() {
  if [[ -n "${PG_STARTED:-}" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null || true
    PG_STARTED=
  fi
}

# For `trap bench_cleanup EXIT`: stops the Baton in $BATON_PID and the cluster, removes $WORK.
bench_cleanup() {
  [[ -n "${BATON_PID:-}" ]] && kill "$BATON_PID" 2>/dev/null && wait "$BATON_PID" 2>/dev/null || true
  bench_postgres_stop
  rm -rf "$WORK"
}

# wrk, installed with apt-get when missing.
bench_wrk() {
  command -v wrk >/dev/null && return
  echo "== installing wrk"
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
}

# The machine, PostgreSQL and Java a run measured, for the head of its table.
bench_machine() {
  local cpus model
  cpus=$(nproc); model=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  echo "Machine: $cpus CPUs ($model), $(( $(awk '/MemTotal/ { print $2 }' /proc/meminfo) / 1024 / 1024 )) GiB;" \
    "PostgreSQL $(psql "$BENCH_PSQL" -tAc 'SHOW server_version'); Java $(java -version 2>&1 | awk -F'"' '/version/ { print $2 }');"
}

# A new API key of the role, created with the admin key $ADMIN on the Baton at $PORT.
key() { # role
  curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench-$1-$RANDOM\",\"role\":\"$1\"}" "http://localhost:$PORT/api/v1/api-keys" |
    sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# wrk on the Baton at $PORT ($THREADS threads, $CONNECTIONS connections; $RATE requests/s in all
# when set, bench/http/pace.lua), its summary printed as: requests/s p50_ms p99_ms non2xx
run_wrk() { # key, seconds, path, wrk arguments...
  local key=$1 seconds=$2 path=$3; shift 3
  BENCH_KEY=$key BENCH_RATE=${RATE:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency --timeout 10s \
    "http://localhost:$PORT$path" "$@" >"$WORK/wrk.out" 2>&1 || { cat "$WORK/wrk.out" >&2; exit 1; }
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $5 }
    END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, bad + 0 }' "$WORK/wrk.out"
}
