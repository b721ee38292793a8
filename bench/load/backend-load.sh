#!/usr/bin/env bash
# Load benchmark of the reference backend: wrk against GET /api/ping, with stdout logging only and
# with OTLP export to a local sink on 127.0.0.1, alternating the two for ROUNDS rounds so that
# drift on a shared machine hits both alike. Each case gets a fresh JVM and one continuous wrk run:
# WARMUP seconds, then DURATION seconds measured. The warm-up is long because the export case
# settles late: in one 120 s run its server CPU per request fell from 84 us (15-30 s) to 73 us
# (90-105 s) while the stdout-only case was flat at 60-62 us from 15 s on (C2 still compiling the
# export path).
#
# Prints, per run: requests/s in the measured window (from the backend's own request lines), p99
# latency (wrk, whole run), and the server's CPU time per request (user + system of the whole JVM,
# from /proc, so it counts the export threads too), split by thread group (Jetty request threads,
# the SDK's batch processor, the HTTP client's threads, GC, JIT). Then the medians and the
# export cost as a share of throughput. The sink's own CPU per request is printed too: it stands in
# for a collector on another host but shares these cores, so its work is part of the measured
# cost here; so is wrk's, printed beside it. Nothing leaves 127.0.0.1.
#
# Usage: bench/load/backend-load.sh            (build first: mvn -B -q -pl backend -am package -DskipTests)
# Tunables (environment): ROUNDS=3 DURATION=30 WARMUP=60 THREADS=1 CONNECTIONS=16 PORT=18080
#   SINK_PORT=14318 EXPORT_ENV="OTEL_EXPORTER_OTLP_COMPRESSION=gzip ..." (extra variables for the
#   export case)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/backend/target/finance-report-backend.jar"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-60}"
THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18080}"
SINK_PORT="${SINK_PORT:-14318}"
EXPORT_ENV="${EXPORT_ENV:-}"
WORK="$(mktemp -d)"
CLOCK_TICKS="$(getconf CLK_TCK)"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -pl backend -am package -DskipTests" >&2; exit 2; }
for port in "$PORT" "$SINK_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; stop what listens there or set PORT/SINK_PORT" >&2
    exit 2
  fi
done

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

# CPU ticks (user + system) the process has used; the fields after the command name in /proc/PID/stat.
cpu_ticks() {
  sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

# "thread-name-prefix ticks" for every thread of the process, numbers stripped from the names.
thread_ticks() {
  for task in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' <"$task/comm" | sed 's/[-#_]*[0-9]*$//')" \
      "$(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')"
  done 2>/dev/null | awk '{t[$1] += $2} END {for (k in t) print k, t[k]}'
}

median() {
  sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# Requests the backend logged between two sizes of its stdout file: one "HTTP Request" line each.
# Sizes are taken at the window's edges (instant, unlike counting lines in a file of a gigabyte);
# the lines are counted once the run is over.
requests_logged_between() {
  tail -c +"$(($2 + 1))" "$1" | head -c "$(($3 - $2))" | grep -c '"message":"HTTP Request"' || true
}

# run_case NAME [VAR=value ...]: a fresh backend with a clean environment plus the given variables,
# under one continuous wrk run (a new run would reconnect and send the JIT back to work); the
# measured window is the last DURATION seconds, counted from the backend's own request lines.
run_case() {
  local name="$1"; shift
  env -i PATH="$PATH" PORT="$PORT" OBSERVABILITY_SPOOL_DIR="$WORK/spool" "$@" \
    java -jar "$JAR" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr" &
  BACKEND_PID=$!
  wait_for "http://127.0.0.1:$PORT/api/ping"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP + DURATION + 5))s" --latency \
    "http://127.0.0.1:$PORT/api/ping" >"$WORK/$name.wrk" &
  local wrk_pid=$!
  sleep "$WARMUP"
  local cpu_before sink_before wrk_before size_before start end
  start="$(date +%s.%N)"
  size_before="$(stat -c %s "$WORK/$name.stdout")"
  cpu_before="$(cpu_ticks "$BACKEND_PID")"
  sink_before="$(cpu_ticks "$SINK_PID")"
  wrk_before="$(cpu_ticks "$wrk_pid")"
  thread_ticks "$BACKEND_PID" >"$WORK/$name.threads-before"
  sleep "$DURATION"
  local cpu_after sink_after wrk_after size_after
  end="$(date +%s.%N)"
  size_after="$(stat -c %s "$WORK/$name.stdout")"
  cpu_after="$(cpu_ticks "$BACKEND_PID")"
  sink_after="$(cpu_ticks "$SINK_PID")"
  wrk_after="$(cpu_ticks "$wrk_pid")"
  thread_ticks "$BACKEND_PID" >"$WORK/$name.threads-after"
  wait "$wrk_pid"
  kill "$BACKEND_PID"; wait "$BACKEND_PID" 2>/dev/null || true
  BACKEND_PID=""
  local rps p99 requests cpu_us sink_us wrk_us
  requests="$(requests_logged_between "$WORK/$name.stdout" "$size_before" "$size_after")"
  rps="$(awk -v n="$requests" -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", n / (b - a)}')"
  p99="$(awk '$1 == "99%" {print $2}' "$WORK/$name.wrk")"
  cpu_us="$(awk -v t="$((cpu_after - cpu_before))" -v hz="$CLOCK_TICKS" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
  sink_us="$(awk -v t="$((sink_after - sink_before))" -v hz="$CLOCK_TICKS" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
  wrk_us="$(awk -v t="$((wrk_after - wrk_before))" -v hz="$CLOCK_TICKS" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
  printf '%-12s round %s  %10s req/s   p99 %8s (whole run)   CPU us/request: server %5s  wrk %5s  sink %4s\n' \
    "$name" "$ROUND" "$rps" "$p99" "$cpu_us" "$wrk_us" "$sink_us"
  # Threads that exited in the window (a thread that ended) are left out; the process figure above has them.
  awk -v hz="$CLOCK_TICKS" -v n="$requests" 'NR == FNR {b[$1] = $2; next}
    {us = ($2 - b[$1]) * 1e6 / hz / n; if (us >= 0.1) printf "    %-24s %6.1f us/request\n", $1, us}' \
    "$WORK/$name.threads-before" "$WORK/$name.threads-after" | sort -k2 -rn
  echo "$rps" >>"$WORK/$name.rps"
  echo "$cpu_us" >>"$WORK/$name.cpu"
  echo "$sink_us" >>"$WORK/$name.sink"
}

echo "finance-report-backend load: GET /api/ping, ${ROUNDS} rounds of ${WARMUP}s warm-up + ${DURATION}s, ${THREADS} wrk thread(s), ${CONNECTIONS} connections, $(nproc) cores shared by wrk, the server and the sink"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$ROOT/bench/load/otlp-sink.py" "$SINK_PORT" >"$WORK/sink.out" 2>&1 &
SINK_PID=$!
for _ in $(seq 1 40); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && break; sleep 0.25; done

for ROUND in $(seq 1 "$ROUNDS"); do
  run_case stdout-only
  # shellcheck disable=SC2086 # EXPORT_ENV is a list of VAR=value words
  run_case otlp-export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" $EXPORT_ENV
done

kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true
SINK_PID=""
cat "$WORK/sink.out"

base_rps="$(median <"$WORK/stdout-only.rps")"
export_rps="$(median <"$WORK/otlp-export.rps")"
base_cpu="$(median <"$WORK/stdout-only.cpu")"
export_cpu="$(median <"$WORK/otlp-export.cpu")"
echo "median stdout-only ${base_rps} req/s, ${base_cpu} us CPU/request | otlp-export ${export_rps} req/s, ${export_cpu} us CPU/request"
echo "median CPU of the sink (the collector's stand-in, on the same cores) in the export case: $(median <"$WORK/otlp-export.sink") us/request"
awk -v a="$base_rps" -v b="$export_rps" -v c="$base_cpu" -v d="$export_cpu" \
  'BEGIN {printf "export costs %.1f%% of throughput (median) and %.1f%% more server CPU per request\n", (a - b) * 100 / a, (d - c) * 100 / c}'
# Round by round (each pair ran back to back), the median of the per-round costs.
paired="$(paste "$WORK/stdout-only.rps" "$WORK/otlp-export.rps" | awk '{printf "%.1f\n", ($1 - $2) * 100 / $1}')"
echo "per-round export cost: $(echo "$paired" | tr '\n' ' ')% -> median $(echo "$paired" | median)%"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
