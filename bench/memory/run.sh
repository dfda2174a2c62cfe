#!/usr/bin/env bash
# Where one replica's resident memory goes after a load: the figures behind "Where it goes" in
# docs/performance.md.
#
#   bash bench/memory/run.sh
#
# Builds Baton when target/quarkus-app is missing, starts a throwaway PostgreSQL cluster (as
# bench/http/run.sh does; or BENCH_JDBC_URL + BENCH_PSQL), starts Baton once to train a class
# archive (bench/lib.sh: ARCHIVE_WRITE, a few seconds of handoffs), then from that archive with
# BATON_JVM, native memory tracking and BENCH_JAVA_OPTS, and loads it with wrk: BENCH_SECONDS (30)
# of handoffs, then 10 s of lists (the first page of all leads). It prints the resident memory
# after start and after the load, the throughput of both loads, the collections (-Xlog:gc), then:
#   native memory tracking's summary (jcmd VM.native_memory): the heap, the class archive or
#     metaspace, code, threads...;
#   /proc/<pid>/smaps grouped: the archive's file, the JVM's library, anonymous memory (its largest
#     regions: the heap, the code cache, C's allocator);
#   the heap after a full collection (jcmd GC.class_histogram, its total and largest classes; then
#     GC.heap_info), which is what stays live;
#   the JVM's threads by name.
# Compare two settings by running it twice, e.g. BENCH_JAVA_OPTS=-Xmx48m.
#
# Settings (environment): BENCH_SECONDS (30), BENCH_PORT (8097), BENCH_PG_PORT (55436),
# BENCH_JAVA_OPTS (more JVM options for the measured start).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${BENCH_SECONDS:-30}
PORT=${BENCH_PORT:-8097}
OPS_PORT=$((PORT + 1000))
CONNECTIONS=16
THREADS=2
ADMIN=bench-admin-key-0123456789abcdef0123456789abcdef
WORK=$(mktemp -d /tmp/baton-bench.XXXXXX)
export BENCH_THREADS=$THREADS

source bench/lib.sh
trap bench_cleanup EXIT
bench_wrk
bench_postgres "${BENCH_PG_PORT:-55436}" -c shared_buffers=256MB -c max_connections=100

[[ -f target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests

rss() { echo $(( $(ps -o rss= -p "$BATON_PID") / 1024 )); }
# The jcmd of Baton's own JDK.
JCMD=$(dirname "$(readlink -f "$(command -v "$BATON_JAVA")")")/jcmd
[[ -x $JCMD ]] || JCMD=jcmd

echo "== training start ($BATON_JAVA $BATON_JVM)"
start_baton "$ARCHIVE_WRITE$WORK/baton.archive"
MARKETING=$(key MARKETING)
SALES=$(key SALES)
run_wrk "$MARKETING" 3 / -s bench/http/handoff.lua >/dev/null
curl -sf -o /dev/null -H "Authorization: Bearer $SALES" "http://localhost:$PORT/api/v1/leads?limit=50"
stop_baton

echo "== Baton from the archive, ${BENCH_JAVA_OPTS:-no more options}"
start_baton "$ARCHIVE_READ$WORK/baton.archive" -XX:NativeMemoryTracking=summary "-Xlog:gc:file=$WORK/gc.log" \
  ${BENCH_JAVA_OPTS:-}
sleep 2
RSS_START=$(rss)
read -r handoffs _ <<<"$(run_wrk "$MARKETING" "$SECONDS_EACH" / -s bench/http/handoff.lua)"
read -r lists _ <<<"$(run_wrk "$SALES" 10 "/api/v1/leads?limit=50" -s bench/http/list.lua)"
RSS_AFTER=$(rss)

echo
echo "$(bench_machine) ${SECONDS_EACH}s of handoffs ($handoffs/s), 10 s of lists ($lists/s)"
echo "Resident memory: $RSS_START MiB after start, $RSS_AFTER MiB after the load;" \
  "$(grep -c 'Pause Young' "$WORK/gc.log") young and $(grep -c 'Pause Full' "$WORK/gc.log") full collections" \
  "since the start, the heap $(grep -E 'Pause (Young|Full)' "$WORK/gc.log" | tail -1 | grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)') at the last."
echo
echo "-- native memory tracking (committed KiB)"
"$JCMD" "$BATON_PID" VM.native_memory summary | sed -nE \
  -e 's/^Total: reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1 Total/p' \
  -e 's/^-? *([A-Za-z][A-Za-z ]+) \(reserved=[0-9]+KB, committed=([0-9]+)KB.*/\2 \1/p' | sort -rn | head -14
echo
echo "-- /proc/$BATON_PID/smaps, resident MiB by mapping"
awk -v archive="$WORK/baton.archive" '
  /^[0-9a-f]+-[0-9a-f]+ / {
    what = $6 == "" ? "anonymous" : $6 ~ /libjvm/ ? "the JVM library" : $6 ~ /\.so/ ? "other libraries" : $6 == archive ? "the class archive" : $6
    next }
  /^Size:/ { size = $2 }
  /^Rss:/ { by[what] += $2; if (what == "anonymous" && $2 >= 1024) regions = regions sprintf(" %d/%d", $2 / 1024, size / 1024) }
  END { for (w in by) if (by[w] >= 1024) printf "%6d %s\n", by[w] / 1024, w
        print "   anonymous regions of 1 MiB or more, resident/size MiB:" regions }' "/proc/$BATON_PID/smaps" | sort -rn
echo
echo "-- the heap after a full collection"
"$JCMD" "$BATON_PID" GC.class_histogram | awk '
  NR > 3 && NR <= 13 { top = top $0 "\n" }
  /^Total/ { printf "live: %d objects, %.1f MiB; the ten largest classes:\n", $2, $3 / 1048576 }
  END { printf "%s", top }'
"$JCMD" "$BATON_PID" GC.heap_info | sed -n '2,$p'
echo
echo "-- threads"
for task in /proc/"$BATON_PID"/task/*; do cat "$task/comm"; done | sed -E 's/[-#]*[0-9]+$//' | sort | uniq -c | sort -rn
stop_baton
