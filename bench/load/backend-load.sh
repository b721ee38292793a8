#!/usr/bin/env bash
# Load benchmark of the reference backend: wrk against GET /api/ping for DURATION seconds,
# once with stdout logging only and once with OTLP export to a local sink on 127.0.0.1.
# Prints requests/s and p99 latency per run. Nothing leaves 127.0.0.1.
#
# Usage: bench/load/backend-load.sh            (build first: mvn -B -q -pl backend -am package -DskipTests)
# Tunables (environment): DURATION=10 THREADS=1 CONNECTIONS=16 WARMUP=3 PORT=18080 SINK_PORT=14318
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/backend/target/finance-report-backend.jar"
DURATION="${DURATION:-10}"
THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-3}"
PORT="${PORT:-18080}"
SINK_PORT="${SINK_PORT:-14318}"
WORK="$(mktemp -d)"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -pl backend -am package -DskipTests" >&2; exit 2; }

BACKEND_PID=""
SINK_PID=""
cleanup() {
  [ -n "$BACKEND_PID" ] && kill "$BACKEND_PID" 2>/dev/null && wait "$BACKEND_PID" 2>/dev/null || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "timed out waiting for $1" >&2
  return 1
}

# run_case NAME [VAR=value ...]: starts the backend with a clean environment plus the given variables.
run_case() {
  local name="$1"; shift
  env -i PATH="$PATH" PORT="$PORT" "$@" java -jar "$JAR" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr" &
  BACKEND_PID=$!
  wait_for "http://127.0.0.1:$PORT/api/ping"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$PORT/api/ping" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/api/ping" >"$WORK/$name.wrk"
  local rps p99 lines
  rps="$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.wrk")"
  p99="$(awk '$1 == "99%" {print $2}' "$WORK/$name.wrk")"
  kill "$BACKEND_PID"; wait "$BACKEND_PID" 2>/dev/null || true
  BACKEND_PID=""
  lines="$(wc -l <"$WORK/$name.stdout")"
  printf '%-22s %12s req/s   p99 %8s   %9s stdout lines\n' "$name" "$rps" "$p99" "$lines"
}

echo "finance-report-backend load: GET /api/ping, ${DURATION}s, ${THREADS} thread(s), ${CONNECTIONS} connections, $(nproc) cores"
# wrk shares the machine with the server: the load average says how much the figures can be trusted.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case stdout-only

python3 "$ROOT/bench/load/otlp-sink.py" "$SINK_PORT" >"$WORK/sink.out" 2>&1 &
SINK_PID=$!
wait_for_sink() { for _ in $(seq 1 40); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && return 0; sleep 0.25; done; return 1; }
wait_for_sink
run_case otlp-export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT"
kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true
SINK_PID=""
cat "$WORK/sink.out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
