# Sourced by the benchmark scripts: the JVM settings Baton runs with, a throwaway PostgreSQL
# cluster unless one is given, and Baton started and stopped as the benchmarks run it.
#
#   source bench/lib.sh
#   bench_postgres <port> [-c setting=value ...]
#   start_baton [java options...]; ...; stop_baton
#
# BATON_JVM: the container image's settings (C1 only, serial collector, no collection for class
# metadata below 100 MiB, no hsperfdata file; src/main/docker/Dockerfile.jvm) and the heap a pod of
# the generated Kubernetes manifests gets (20% of its 320Mi limit; outside a container the initial
# heap is then 64 MiB too, as the image's -XX:InitialRAMPercentage=20 makes it in a pod).
BATON_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MetaspaceSize=100m -XX:-UsePerfData -Xmx64m"
#
# BATON_JAVA: the java Baton runs on, of the image's version (the FROM line of the Dockerfile,
# openjdk-<version>-runtime): BENCH_JAVA if set, else java on the PATH if it is that version, else
# the first JDK of that version under /usr/lib/jvm; failing both, java on the PATH, with a warning
# (bench/start/run.sh then stops: the image's archive needs the image's version). The figures name
# the version they ran on (bench_machine). BATON_JAVA_VERSION: its feature version (17, 25).
# ARCHIVE_WRITE and ARCHIVE_READ: BATON_JAVA's options (completed by a file name) to write a
# class archive as a training start exits and to start from it: JDK 25's AOT cache, as the image
# has, or JDK 17's dynamic class archive (AppCDS).
java_version() { # java: its feature version, or nothing when it does not run
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, /[.-]/); print v[1] + 0; exit }' || true
}
IMAGE_JAVA_VERSION=$(sed -n 's/^FROM .*openjdk-\([0-9]*\)-runtime.*/\1/p' src/main/docker/Dockerfile.jvm)
[[ -n $IMAGE_JAVA_VERSION ]] || { echo "no openjdk-<version>-runtime in the Dockerfile's FROM line" >&2; exit 1; }
if [[ -n ${BENCH_JAVA:-} ]]; then
  BATON_JAVA=$BENCH_JAVA
elif [[ $(java_version java) == "$IMAGE_JAVA_VERSION" ]]; then
  BATON_JAVA=java
else
  BATON_JAVA=
  for candidate in /usr/lib/jvm/*/bin/java; do
    if [[ -x $candidate && $(java_version "$candidate") == "$IMAGE_JAVA_VERSION" ]]; then
      BATON_JAVA=$candidate
      break
    fi
  done
  if [[ -z $BATON_JAVA ]]; then
    BATON_JAVA=java
    echo "warning: no Java $IMAGE_JAVA_VERSION (the image's) found, Baton runs on Java $(java_version java): set BENCH_JAVA" >&2
  fi
fi
BATON_JAVA_VERSION=$(java_version "$BATON_JAVA")
[[ $BATON_JAVA_VERSION =~ ^[0-9]+$ ]] || { echo "cannot run $BATON_JAVA (BENCH_JAVA?)" >&2; exit 1; }
if (( BATON_JAVA_VERSION >= 25 )); then
  ARCHIVE_WRITE=-XX:AOTCacheOutput= ARCHIVE_READ=-XX:AOTCache=
  BATON_JVM="$BATON_JVM -XX:TrimNativeHeapInterval=5000" # the image's, a JDK 22 option
else
  ARCHIVE_WRITE=-XX:ArchiveClassesAtExit= ARCHIVE_READ=-XX:SharedArchiveFile=
fi
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

# Starts Baton from target/quarkus-app in the production profile as the benchmarks run it: on $PORT
# (the management interface on $OPS_PORT), the database BENCH_JDBC_URL, $ADMIN as the bootstrap
# admin key, no rate limit, no shutdown delay; $BATON_JAVA $BATON_JVM and the given JVM options; its
# output appended to $WORK/baton.log. Waits until it is ready, polling every 20 ms (exits with the
# end of the log when it stops or is not ready within 4 minutes): BATON_PID, and READY_MS, the time
# from the start of the JVM to /q/health/ready answering 200. stop_baton stops it.
start_baton() { # java options...
  local started; started=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL="$BENCH_JDBC_URL" BATON_BOOTSTRAP_ADMIN_KEY=$ADMIN \
    BATON_RATE_LIMIT_REQUESTS_PER_WINDOW=0 QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$OPS_PORT \
    BATON_SHUTDOWN_DELAY=0s "$BATON_JAVA" $BATON_JVM "$@" -jar target/quarkus-app/quarkus-run.jar \
    >>"$WORK/baton.log" 2>&1 &
  BATON_PID=$!
  until curl -sf -o /dev/null "http://localhost:$OPS_PORT/q/health/ready"; do
    if ! kill -0 "$BATON_PID" 2>/dev/null || (( $(date +%s%N) - started > 240000000000 )); then
      echo "Baton did not start:" >&2; tail -50 "$WORK/baton.log" >&2; exit 1
    fi
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_baton() { kill "$BATON_PID"; wait "$BATON_PID" 2>/dev/null || true; BATON_PID=; }

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
    "PostgreSQL $(psql "$BENCH_PSQL" -tAc 'SHOW server_version'); Java $("$BATON_JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2 }');"
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
