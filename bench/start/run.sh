#!/usr/bin/env bash
# Time from the start of Baton's process to /q/health/ready answering 200, with the packaged jar
# started as the container image starts it (src/main/docker/Dockerfile.jvm), against a running
# PostgreSQL whose schema is up to date.
#
#   bash bench/start/run.sh
#
# Builds Baton (BENCH_SKIP_BUILD=1: use target/quarkus-app as it is), starts a throwaway PostgreSQL
# cluster (bench/lib.sh; or BENCH_JDBC_URL + BENCH_PSQL), starts Baton once unmeasured (Flyway
# migrates the new database), then BENCH_STARTS times (5) in turn each of:
#   none      no class archive;
#   image     the archive the image builds (JDK 25's AOT cache), by the command of the Dockerfile's
#             RUN step: a start without a database (an address nobody answers), stopped once started;
#   trained   for comparison, an archive of a training start (a few requests of each kind, then
#             stopped), as bench/http/run.sh makes: what a deployment could add with a database.
# and prints the median and the spread of each, and how many of the classes a start loads each
# archive held. Every start is the image's command with target/quarkus-app in place of
# /deployments: run-java.sh runs, from /deployments,
#   java <java-default-options> $JAVA_OPTS_APPEND -cp . -jar /deployments/quarkus-run.jar
# where java-default-options (jboss-container-images/openjdk, modules/jvm/.../java-default-options)
# are -XX:MaxRAMPercentage=<JAVA_MAX_MEM_RATIO> $GC_CONTAINER_OPTIONS -XX:MinHeapFreeRatio=10
# -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90
# -XX:+ExitOnOutOfMemoryError. JAVA_OPTS_APPEND and GC_CONTAINER_OPTIONS are read from the
# Dockerfile. Outside a container the JVM is told the pod's memory instead of reading it from its
# cgroup: -XX:MaxRAM=320m (the manifests' limit) with -XX:MaxRAMPercentage=20 (their
# JAVA_MAX_MEM_RATIO), so that the heap starts and grows as in a pod: at most 64 MiB, and an
# initial heap of InitialRAMPercentage (1.5625%, 5 MiB) unless the options say otherwise.
# BENCH_JAVA_OPTS: more JVM options for every start, after the image's.
# The java is BATON_JAVA (bench/lib.sh): this machine's JDK of the image's version (BENCH_JAVA to
# choose), not the image's Red Hat build of it. It must be that version: the image's archive is
# that JDK's (an AOT cache, JDK 25).
set -euo pipefail
cd "$(dirname "$0")/../.."
STARTS=${BENCH_STARTS:-5}
PORT=${BENCH_PORT:-8096}
OPS_PORT=$((PORT + 1000))
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-start.XXXXXX)
source bench/lib.sh
trap bench_cleanup EXIT
bench_postgres "${BENCH_PG_PORT:-55435}"
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  echo "== building"
  ./mvnw -B -q package -DskipTests
fi
APP=$PWD/target/quarkus-app

dockerfile() { sed -n "s/^ENV $1=\"\(.*\)\"$/\1/p" src/main/docker/Dockerfile.jvm; }
APPEND=$(dockerfile JAVA_OPTS_APPEND)
GC=$(dockerfile GC_CONTAINER_OPTIONS)
RUN_JAVA="-XX:MaxRAM=320m -XX:MaxRAMPercentage=20 ${GC:--XX:+UseParallelGC} -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
RUN_JAVA+=" -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError"
# Without the image's archive option; each variant adds its own.
IMAGE_ARCHIVE=$(grep -o -- '-XX:\(SharedArchiveFile\|AOTCache\)=[^ ]*' <<<"$APPEND" || true)
[[ -n $IMAGE_ARCHIVE ]] || { echo "no archive option in the Dockerfile's JAVA_OPTS_APPEND" >&2; exit 1; }
IMAGE_ARCHIVE=${IMAGE_ARCHIVE//\/deployments/$APP}
BASE_APPEND=$(sed 's/ *-XX:\(SharedArchiveFile\|AOTCache\)=[^ ]*//' <<<"$APPEND")
if [[ $IMAGE_ARCHIVE == -XX:AOTCache=* && $ARCHIVE_READ != -XX:AOTCache= ]]; then
  echo "the image builds a JDK $IMAGE_JAVA_VERSION AOT cache, and $BATON_JAVA is Java $BATON_JAVA_VERSION: set BENCH_JAVA" >&2
  exit 1
fi
# The image's archive is written into target/quarkus-app, as into /deployments: removed at the end.
trap 'rm -f "${IMAGE_ARCHIVE#*=}"; bench_cleanup' EXIT
echo "== the image's command: java $RUN_JAVA $APPEND -cp . -jar /deployments/quarkus-run.jar"
echo "   with $BATON_JAVA ($("$BATON_JAVA" -version 2>&1 | head -1))"

# Starts Baton as the image does, with the given options after JAVA_OPTS_APPEND's, and waits until
# it is ready: READY_MS from the start of the process to /q/health/ready answering 200.
start_baton() { # java options...
  local started; started=$(date +%s%N)
  (cd "$APP" && QUARKUS_DATASOURCE_JDBC_URL="$BENCH_JDBC_URL" BATON_BOOTSTRAP_ADMIN_KEY=$ADMIN \
    QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$OPS_PORT BATON_SHUTDOWN_DELAY=0s \
    exec "$BATON_JAVA" $RUN_JAVA $BASE_APPEND ${BENCH_JAVA_OPTS:-} "$@" -cp . -jar "$APP/quarkus-run.jar" >"$WORK/baton.log" 2>&1) &
  BATON_PID=$!
  until curl -sf -o /dev/null "http://localhost:$OPS_PORT/q/health/ready"; do
    kill -0 "$BATON_PID" 2>/dev/null || { echo "Baton did not start:" >&2; cat "$WORK/baton.log" >&2; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_baton() { kill "$BATON_PID"; wait "$BATON_PID" 2>/dev/null || true; BATON_PID=; }

echo "== first start: Flyway migrates the database (not measured)"
start_baton
stop_baton

# The image's archive: the Dockerfile's RUN step, /deployments being target/quarkus-app.
echo "== the image's class archive (the Dockerfile's RUN step)"
rm -f "${IMAGE_ARCHIVE#*=}"
generate=$(sed -n '/^RUN cd \/deployments/,/[^\\]$/p' src/main/docker/Dockerfile.jvm |
  sed 's/^RUN //; s/\\$//' | tr -d '\n')
[[ -n $generate ]] || { echo "no RUN step writing an archive in the Dockerfile" >&2; exit 1; }
generate=${generate//\/deployments/$APP}
generate=${generate//:9000\//:$OPS_PORT/}
generate=${generate//\/tmp\//$WORK/}
[[ $generate == *" java -"* ]] || { echo "no java command in the Dockerfile's RUN step" >&2; exit 1; }
generate=${generate// java -/ $(printf %q "$BATON_JAVA") -}
(cd "$APP" && QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$OPS_PORT GC_CONTAINER_OPTIONS=$GC \
  bash -c "$generate") \
  >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log" >&2; exit 1; }
[[ -f ${IMAGE_ARCHIVE#*=} ]] || { echo "no archive at ${IMAGE_ARCHIVE#*=}" >&2; exit 1; }

echo "== a training start for the trained archive (a few requests of each kind)"
start_baton "$ARCHIVE_WRITE$WORK/trained.archive"
MARKETING=$(key MARKETING)
for i in 1 2 3; do
  lead=$(curl -sf -H "Authorization: Bearer $MARKETING" -H 'Content-Type: application/json' \
    -d "{\"contact\":{\"email\":\"start$i-$RANDOM@example.com\"},\"attribution\":{\"source\":\"bench\"}}" \
    "http://localhost:$PORT/api/v1/leads" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  for move in 'qualify {"score":70}' 'accept {"owner":"jane@acme.com"}' 'convert {"amount":1200.00,"currency":"EUR"}'; do
    curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
      -d "${move#* }" "http://localhost:$PORT/api/v1/leads/$lead/${move%% *}"
  done
  curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "http://localhost:$PORT/api/v1/leads/$lead"
  curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "http://localhost:$PORT/api/v1/leads?status=CONVERTED&limit=50"
done
stop_baton

declare -A OPTS=([none]="" [image]="$IMAGE_ARCHIVE" [trained]="$ARCHIVE_READ$WORK/trained.archive")
declare -A TIMES
for i in $(seq "$STARTS"); do
  for variant in none image trained; do
    start_baton ${OPTS[$variant]}
    stop_baton
    TIMES[$variant]+="$READY_MS "
    echo "   start $i, $variant: $READY_MS ms"
  done
done

# Which classes came from the archive: one more start of each, logging where each class came from.
shared() { # java options...
  start_baton "$@" -Xlog:class+load=info:file="$WORK/classes.log"
  stop_baton
  echo "$(grep -c 'source: shared objects file' "$WORK/classes.log") of $(grep -c 'source:' "$WORK/classes.log")"
}
SHARED_IMAGE=$(shared $IMAGE_ARCHIVE)
SHARED_TRAINED=$(shared ${OPTS[trained]})

stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END {
  printf "%6d ms median (%d–%d ms)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
echo
echo "$(bench_machine) $STARTS starts each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Start to ready, the image's command:"
echo "  no class archive:          $(stats "${TIMES[none]}")"
echo "  the image's archive:       $(stats "${TIMES[image]}"); $SHARED_IMAGE classes loaded from it (the JDK's own included)"
echo "  a training start's archive: $(stats "${TIMES[trained]}"); $SHARED_TRAINED classes loaded from it (the JDK's own included)"
