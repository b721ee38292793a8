#!/usr/bin/env bash
# Load benchmark of the reference backend: wrk against GET /api/ping in three cases, as an
# interleaved test: stdout logging only (the baseline), logs exported over OTLP to a local sink on
# 127.0.0.1 (otlp-export), and logs, traces and metrics exported together (all-signals).
#
# All backends run at once, one per port, and wrk loads one of them at a time in short windows:
# WARMUP seconds of alternating windows per backend first (not measured: the export case keeps the
# JIT busy for about 200 s, see bench/results/backend-load-jit-settling.txt), then ROUNDS rounds of
# measured windows, one per case, in the case order and then reversed (stdout, logs, all; all,
# logs, stdout; ...) so that a drift of the shared machine inside a round cancels over two rounds.
# A case's cost in a round is (stdout - case) / stdout of the two windows' requests/s; the result
# per case is the median over rounds, with the mean and its 95% confidence interval, and p99.
# An earlier version gave each case its own JVM and one 90 s run per round, measured 60-90 s after the start; on this machine the stdout-only case
# alone then moved by a quarter or more between rounds (the slow phases of the host last minutes),
# more than the effect measured.
#
# Prints, per round: requests/s and p99 of each window (wrk) and each case's cost; then, over the
# whole measured phase, each backend's CPU time per request (user + system of the whole JVM, from
# /proc, so it counts the export threads too), split by thread group, and the sink's. The sink
# stands in for a collector on another host but shares these cores, so its work is part of the
# measured cost here. Nothing leaves 127.0.0.1.
#
# Usage: bench/load/backend-load.sh            (build first: mvn -B -q -pl backend -am package -DskipTests)
# Tunables (environment): ROUNDS=40 WINDOW=15 WARMUP=180 THREADS=1 CONNECTIONS=16 PORT=18080
#   (the cases listen on PORT, PORT+1, PORT+2) SINK_PORT=14318
#   CASES="stdout-only otlp-export all-signals" (a subset, baseline first: CASES="stdout-only otlp-export")
#   EXPORT_ENV="OTEL_EXPORTER_OTLP_COMPRESSION=gzip ..." (extra variables for both exporting cases)
#   SIGNALS_ENV="OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=otlp" (what all-signals adds)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# JAR: another server that reads PORT and serves GET /api/ping (bench/load/spring-boot-load.sh).
JAR="${JAR:-$ROOT/backend/target/finance-report-backend.jar}"
ROUNDS="${ROUNDS:-40}"
WINDOW="${WINDOW:-15}"
WARMUP="${WARMUP:-180}"
THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18080}"
SINK_PORT="${SINK_PORT:-14318}"
EXPORT_ENV="${EXPORT_ENV:-}"
SIGNALS_ENV="${SIGNALS_ENV:-OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=otlp}"
CASES="${CASES:-stdout-only otlp-export all-signals}"
WORK="$(mktemp -d)"
CLOCK_TICKS="$(getconf CLK_TCK)"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -pl backend -am package -DskipTests" >&2; exit 2; }
for port in $(seq "$PORT" "$((PORT + 2))") "$SINK_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; stop what listens there or set PORT/SINK_PORT" >&2
    exit 2
  fi
done

declare -A PID_OF PORT_OF ENV_OF WINDOW_RPS REQUESTS_OF CPU_BEFORE CPU_US
# The cases, each its own backend on its own port; the first is the baseline the others are costed against.
read -r -a CASE_LIST <<<"$CASES"
[ "${CASE_LIST[0]}" = stdout-only ] || { echo "CASES must start with stdout-only, the baseline" >&2; exit 2; }
ENV_OF[stdout-only]=""
ENV_OF[otlp-export]="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT $EXPORT_ENV"
ENV_OF[all-signals]="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT $EXPORT_ENV $SIGNALS_ENV"
offset=0
for name in "${CASE_LIST[@]}"; do
  [ -n "${ENV_OF[$name]+set}" ] || { echo "unknown case $name (stdout-only, otlp-export, all-signals)" >&2; exit 2; }
  PORT_OF[$name]="$((PORT + offset))"
  offset=$((offset + 1))
done
SINK_PID=""
cleanup() {
  for pid in "${PID_OF[@]}" "$SINK_PID"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
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

# us_per_request TICKS REQUESTS: CPU ticks spread over requests, in microseconds.
us_per_request() {
  awk -v t="$1" -v hz="$CLOCK_TICKS" -v n="$2" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}'
}

median() {
  sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# start NAME [VAR=value ...]: a backend with a clean environment plus the given variables.
start() {
  local name="$1"; shift
  env -i PATH="$PATH" PORT="${PORT_OF[$name]}" OBSERVABILITY_SPOOL_DIR="$WORK/spool-$name" "$@" \
    java -jar "$JAR" >/dev/null 2>"$WORK/$name.stderr" &
  PID_OF[$name]=$!
  wait_for "http://127.0.0.1:${PORT_OF[$name]}/api/ping"
}

# load NAME SECONDS: one wrk run against that backend; prints "requests/s requests p99-in-ms".
load() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency "http://127.0.0.1:${PORT_OF[$1]}/api/ping" >"$WORK/wrk.out"
  if grep -q "Non-2xx" "$WORK/wrk.out"; then
    echo "wrk saw errors from $1:" >&2; cat "$WORK/wrk.out" >&2; exit 1
  fi
  awk 'function ms(v) {
         if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000
       }
       $1 == "Requests/sec:" {rps = $2} $2 == "requests" && $3 == "in" {n = $1} $1 == "99%" {p99 = ms($2)}
       END {printf "%.0f %d %.2f\n", rps, n, p99}' "$WORK/wrk.out"
}

echo "finance-report-backend load: GET /api/ping, interleaved windows of ${WINDOW}s, ${WARMUP}s warm-up per backend, ${ROUNDS} measured rounds, ${THREADS} wrk thread(s), ${CONNECTIONS} connections, $(nproc) cores shared by wrk, both servers and the sink"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$ROOT/bench/load/otlp-sink.py" "$SINK_PORT" >"$WORK/sink.out" 2>&1 &
SINK_PID=$!
for _ in $(seq 1 40); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && break; sleep 0.25; done

for name in "${CASE_LIST[@]}"; do
  # shellcheck disable=SC2086 # the case's environment is a list of VAR=value words
  start "$name" ${ENV_OF[$name]}
done

warmup_window=30
for _ in $(seq 1 $(((WARMUP + warmup_window - 1) / warmup_window))); do
  for name in "${CASE_LIST[@]}"; do
    load "$name" "$warmup_window" >/dev/null
  done
done

for name in "${CASE_LIST[@]}"; do
  REQUESTS_OF[$name]=0
  CPU_BEFORE[$name]="$(cpu_ticks "${PID_OF[$name]}")"
  thread_ticks "${PID_OF[$name]}" >"$WORK/$name.threads-before"
done
sink_before="$(cpu_ticks "$SINK_PID")"

reversed=()
for ((i = ${#CASE_LIST[@]} - 1; i >= 0; i--)); do reversed+=("${CASE_LIST[$i]}"); done
for round in $(seq 1 "$ROUNDS"); do
  if ((round % 2)); then order=("${CASE_LIST[@]}"); else order=("${reversed[@]}"); fi
  for name in "${order[@]}"; do
    window="$(load "$name" "$WINDOW")"
    read -r rps requests p99 <<<"$window"
    WINDOW_RPS[$name]="$rps"
    echo "$rps" >>"$WORK/$name.rps"
    echo "$p99" >>"$WORK/$name.p99"
    REQUESTS_OF[$name]=$((REQUESTS_OF[$name] + requests))
  done
  base="${WINDOW_RPS[stdout-only]}"
  line="$(printf 'round %2d  stdout-only %6s req/s p99 %6sms' "$round" "$base" "$(tail -1 "$WORK/stdout-only.p99")")"
  for name in "${CASE_LIST[@]:1}"; do
    cost="$(awk -v a="$base" -v b="${WINDOW_RPS[$name]}" 'BEGIN {printf "%.1f", (a - b) * 100 / a}')"
    echo "$cost" >>"$WORK/$name.cost"
    line="$line$(printf '   %s %6s req/s p99 %6sms cost %5s%%' "$name" "${WINDOW_RPS[$name]}" "$(tail -1 "$WORK/$name.p99")" "$cost")"
  done
  echo "$line"
done
sleep 2 # the export backend's last batch leaves within its 1 s schedule delay and is counted with it

sink_after="$(cpu_ticks "$SINK_PID")"
exported_requests=0
for name in "${CASE_LIST[@]}"; do
  requests="${REQUESTS_OF[$name]}"
  pid="${PID_OF[$name]}"
  [ "$name" = stdout-only ] || exported_requests=$((exported_requests + requests))
  CPU_US[$name]="$(us_per_request "$(($(cpu_ticks "$pid") - CPU_BEFORE[$name]))" "$requests")"
  echo "$name: median $(median <"$WORK/$name.rps") req/s, median p99 $(median <"$WORK/$name.p99")ms, ${CPU_US[$name]} us CPU/request over ${requests} requests; by thread group:"
  thread_ticks "$pid" >"$WORK/$name.threads-after"
  # Threads that ended in the phase are left out; the process figure above has them.
  awk -v hz="$CLOCK_TICKS" -v n="$requests" 'NR == FNR {b[$1] = $2; next}
    {us = ($2 - b[$1]) * 1e6 / hz / n; if (us >= 0.1) printf "    %-24s %6.1f us/request\n", $1, us}' \
    "$WORK/$name.threads-before" "$WORK/$name.threads-after" | sort -k2 -rn
done
if ((exported_requests > 0)); then
  echo "sink (the collector's stand-in, on the same cores): $(us_per_request "$((sink_after - sink_before))" "$exported_requests") us CPU per request of the exporting backends"
fi

kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true
SINK_PID=""
cat "$WORK/sink.out"

for name in "${CASE_LIST[@]:1}"; do
  echo "$name: per-round cost against stdout-only: $(tr '\n' ' ' <"$WORK/$name.cost")%"
  # The mean of the round costs with a 95% confidence interval (Student's t, two-sided).
  awk -v name="$name" '{x[NR] = $1; sum += $1}
    END {
      split("12.71 4.30 3.18 2.78 2.57 2.45 2.36 2.31 2.26 2.23 2.20 2.18 2.16 2.14 2.13 2.12 2.11 2.10 2.09 2.09 2.08 2.07 2.07 2.06 2.06 2.06 2.05 2.05 2.05 2.04", t, " ")
      mean = sum / NR
      for (i = 1; i <= NR; i++) ss += (x[i] - mean) ^ 2
      if (NR < 2) {printf "%s: mean cost %.1f%% (one round: no interval)\n", name, mean; exit}
      half = (NR - 1 <= 30 ? t[NR - 1] : 1.96) * sqrt(ss / (NR - 1) / NR)
      printf "%s: mean cost %.1f%%, 95%% confidence interval %.1f%% to %.1f%% (%d rounds)\n", name, mean, mean - half, mean + half, NR
    }' "$WORK/$name.cost"
  awk -v name="$name" -v a="${REQUESTS_OF[stdout-only]}" -v b="${REQUESTS_OF[$name]}" \
    -v c="${CPU_US[stdout-only]}" -v d="${CPU_US[$name]}" -v m="$(median <"$WORK/$name.cost")" \
    -v pa="$(median <"$WORK/stdout-only.p99")" -v pb="$(median <"$WORK/$name.p99")" \
    'BEGIN {printf "%s costs %.1f%% of throughput (median of the rounds), %.1f%% (all requests), %.1f%% more server CPU per request; median p99 %.2fms against %.2fms\n", name, m, (a - b) * 100 / a, (d - c) * 100 / c, pb, pa}'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
