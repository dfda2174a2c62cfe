#!/usr/bin/env bash
# The TypeScript clients, end to end: generates the typescript-fetch and typescript-axios clients
# from openapi.yaml (OpenAPI Generator, default options), compiles them unmodified with the driver
# (tsc --strict), starts Baton (dev mode: embedded PostgreSQL, admin key dev-admin-key) behind a
# Prism proxy that validates every request and response against openapi.yaml, and drives every
# operation with both clients (src/driver.ts). Fails when a check fails or Prism reports a violation.
#
#   src/test/typescript/run.sh                 from any directory; CI runs it after ./mvnw verify
#   BATON_UPSTREAM=http://127.0.0.1:8080 ...   use a Baton that is already running (dev mode);
#   BATON_OPS=http://127.0.0.1:9000 ...        its management interface (/q/health), port 9000 of
#                                              the upstream's host by default
#   VERBOSE=1 ...                              print the checks that pass too
#
# Needs a JDK 17 and, when node/npm are missing, root to install Debian's nodejs and npm. Writes
# only under target/typescript/ (and node_modules/ here). Stops everything it started.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK="$ROOT/target/typescript"
STAGE="$WORK/stage"
OAG_VERSION=7.25.0
ADMIN_KEY=${BATON_ADMIN_KEY:-dev-admin-key}

log() { printf '[typescript] %s\n' "$*"; }

started=() # process group ids of what this script started
# A process started below as `(exec setsid …) &` leads a process group of its own once setsid has
# run, and is still a plain child of this shell for the moment before: each signal goes to the
# group, or to the process while there is no group yet.
signal() { # signal, pgid
  kill "-$1" -- "-$2" 2>/dev/null || kill "-$1" "$2" 2>/dev/null
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pgid in "${started[@]}"; do
    signal TERM "$pgid" || true
  done
  for pgid in "${started[@]}"; do
    # Baton stops its embedded PostgreSQL on SIGTERM; give it time, then insist.
    for _ in $(seq 1 60); do signal 0 "$pgid" || break; sleep 0.5; done
    signal KILL "$pgid" || true
  done
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# 0 when the URL answers 200 within 3 s.
http_ok() {
  node -e 'require("http").get(process.argv[1], (r) => process.exit(r.statusCode === 200 ? 0 : 1))
    .on("error", () => process.exit(1)).setTimeout(3000, function () { this.destroy(); });' "$1"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# Node and the npm packages (exact versions in package-lock.json)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "node or npm missing: installing Debian's nodejs and npm"
  [ "$(id -u)" -eq 0 ] || { echo "run as root, or install nodejs (>= 18.20.1) and npm" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 900 apt-get install -y -qq nodejs npm >/dev/null
fi
node -e 'const [a, b, c] = process.versions.node.split(".").map(Number);
  process.exit(a > 18 || (a === 18 && (b > 20 || (b === 20 && c >= 1))) ? 0 : 1);' \
  || { echo "Node.js >= 18.20.1 is needed, found $(node --version)" >&2; exit 1; }
log "node $(node --version), npm $(npm --version)"

mkdir -p "$WORK"

# ---------------------------------------------------------------------------------------------
# OpenAPI Generator, from Maven Central through the project's Maven wrapper
JAR="$WORK/tools/openapi-generator-cli-$OAG_VERSION.jar"
if [ ! -s "$JAR" ]; then
  log "fetching openapi-generator-cli $OAG_VERSION"
  (cd "$ROOT" && timeout 600 ./mvnw -B -q dependency:copy \
    "-Dartifact=org.openapitools:openapi-generator-cli:$OAG_VERSION" "-DoutputDirectory=$WORK/tools")
fi

# ---------------------------------------------------------------------------------------------
# Baton, started first: it takes longest
if [ -n "${BATON_UPSTREAM:-}" ]; then
  UPSTREAM=$BATON_UPSTREAM
  OPS=${BATON_OPS:-$(echo "$UPSTREAM" | sed -E 's#^(https?://[^:/]+).*#\1:9000#')}
  log "using the Baton at $UPSTREAM (management interface $OPS)"
else
  BATON_PORT=$(free_port)
  OPS_PORT=$(free_port)
  UPSTREAM="http://127.0.0.1:$BATON_PORT"
  OPS="http://127.0.0.1:$OPS_PORT"
  log "starting Baton (./mvnw quarkus:dev) on port $BATON_PORT (management $OPS_PORT), log: $WORK/baton.log"
  (cd "$ROOT" && exec setsid ./mvnw -B quarkus:dev "-Dquarkus.http.port=$BATON_PORT" -Dquarkus.http.host=127.0.0.1 \
    "-Dquarkus.management.port=$OPS_PORT" -Dquarkus.management.host=127.0.0.1 \
    -Dquarkus.console.enabled=false -Ddebug=false </dev/null >"$WORK/baton.log" 2>&1) &
  started+=("$!")
  BATON_PGID=$!
fi

# ---------------------------------------------------------------------------------------------
# Meanwhile: npm packages, the two clients, and the driver compiled with them
log "npm ci"
(cd "$HERE" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1) \
  || { cat "$WORK/npm.log" >&2; exit 1; }

rm -rf "$STAGE"
mkdir -p "$STAGE/gen"
log "generating typescript-fetch and typescript-axios into ${STAGE#"$ROOT/"}/gen"
# Relative to the repository, as docs/integrating.md shows it ($JAR: the generator's CLI JAR).
(
  cd "$ROOT"
  # snippet:generate-typescript-clients
  java -jar "$JAR" generate -g typescript-fetch -i openapi.yaml -o target/typescript/stage/gen/fetch
  java -jar "$JAR" generate -g typescript-axios -i openapi.yaml -o target/typescript/stage/gen/axios
  # end-snippet
) >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log" >&2; exit 1; }
cp -r "$HERE/src" "$HERE/tsconfig.json" "$STAGE/"
ln -s "$HERE/node_modules" "$STAGE/node_modules"
log "tsc --strict (generated clients + driver)"
# On type errors tsc still writes the JavaScript: the driver runs anyway, so that one run says
# everything that is wrong, and the errors fail the run below.
set +e
(cd "$STAGE" && timeout 600 ./node_modules/.bin/tsc -p tsconfig.json --strict) >"$WORK/tsc.log" 2>&1
tsc_rc=$?
set -e
if [ "$tsc_rc" -ne 0 ]; then
  echo "tsc --strict failed ($(grep -c 'error TS' "$WORK/tsc.log") errors, log: ${WORK#"$ROOT/"}/tsc.log); by file:"
  grep -o '^[^(]*([0-9]*,[0-9]*): error TS[0-9]*' "$WORK/tsc.log" | sed -E 's/\([0-9]+,[0-9]+\)//' | sort | uniq -c | sort -rn | head -20
  grep 'error TS' "$WORK/tsc.log" | head -10
  [ -f "$STAGE/build/src/driver.js" ] || exit 1
fi

# ---------------------------------------------------------------------------------------------
# Baton ready, then Prism in front of it
if [ -z "${BATON_UPSTREAM:-}" ]; then
  log "waiting for Baton to be ready"
  for i in $(seq 1 300); do
    http_ok "$OPS/q/health/ready" && break
    signal 0 "$BATON_PGID" || { tail -50 "$WORK/baton.log" >&2; echo "Baton stopped" >&2; exit 1; }
    [ "$i" -lt 300 ] || { tail -50 "$WORK/baton.log" >&2; echo "Baton not ready after 300 s" >&2; exit 1; }
    sleep 1
  done
fi
http_ok "$OPS/q/health/ready" || { echo "Baton at $UPSTREAM is not ready" >&2; exit 1; }

PRISM_PORT=$(free_port)
log "starting prism proxy on port $PRISM_PORT, log: $WORK/prism.log"
(exec setsid "$HERE/node_modules/.bin/prism" proxy "$ROOT/openapi.yaml" "$UPSTREAM" --errors \
  --host 127.0.0.1 --port "$PRISM_PORT" </dev/null >"$WORK/prism.log" 2>&1) &
started+=("$!")
PRISM_PGID=$!
for i in $(seq 1 120); do
  port_open "$PRISM_PORT" && break
  signal 0 "$PRISM_PGID" || { cat "$WORK/prism.log" >&2; echo "Prism stopped" >&2; exit 1; }
  [ "$i" -lt 120 ] || { cat "$WORK/prism.log" >&2; echo "Prism not listening after 60 s" >&2; exit 1; }
  sleep 0.5
done

# ---------------------------------------------------------------------------------------------
# The driver, then what Prism logged
log "driving every operation with both clients through Prism"
set +e
BATON_URL="http://127.0.0.1:$PRISM_PORT" BATON_ADMIN_KEY="$ADMIN_KEY" OPENAPI="$ROOT/openapi.yaml" \
  timeout 600 node "$STAGE/build/src/driver.js" | tee "$WORK/driver.log"
driver_rc=${PIPESTATUS[0]}
set -e

# With --errors, Prism answers a request violation with 422 and a response violation with 500, and
# logs them as "Request terminated with error"; it logs the others (warnings) as "Violation:".
violations=$(grep -a -E 'Violation:|Request terminated with error' "$WORK/prism.log" || true)
passed=0
failed=1
closing=$(grep -a -E '^[0-9]+ passed, [0-9]+ failed$' "$WORK/driver.log" | tail -1 || true)
if [ -n "$closing" ]; then
  passed=${closing%% passed*}
  failed=${closing#*, }
  failed=${failed%% failed}
fi
echo
if [ -n "$violations" ]; then
  echo "Prism reported $(printf '%s\n' "$violations" | wc -l) violations (log: ${WORK#"$ROOT/"}/prism.log):"
  printf '%s\n' "$violations" | sed -E 's/^\[[^]]*\] › //' | sort | uniq -c | sort -rn | head -40
  failed=$((failed + 1))
else
  echo "Prism reported no violation in $(grep -a -c 'Request received' "$WORK/prism.log") requests"
  passed=$((passed + 1))
fi
if [ "$tsc_rc" -eq 0 ]; then
  echo "tsc --strict compiled both generated clients and the driver"
  passed=$((passed + 1))
else
  echo "tsc --strict failed on the generated clients or the driver (above, and ${WORK#"$ROOT/"}/tsc.log)"
  failed=$((failed + 1))
fi
[ "$driver_rc" -eq 0 ] || echo "the driver exited with $driver_rc"
echo "$passed passed, $failed failed"
[ "$driver_rc" -eq 0 ] && [ -z "$violations" ] && [ "$tsc_rc" -eq 0 ]
