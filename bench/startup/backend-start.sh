#!/usr/bin/env bash
# Start time of the backend jar to its first /health 200, with and without the embedded PostgreSQL.
# Usage: bench/startup/backend-start.sh [runs]   (needs backend/target/finance-report-backend.jar;
# the "external" series needs a PostgreSQL on 127.0.0.1:5432 with database test, trust auth).
# Prints one line per series: runs, median, min and max milliseconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
jar=backend/target/finance-report-backend.jar
port=18731
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# One start: launch, poll /health every 20 ms until it answers 200, stop; prints elapsed ms.
start_once() {
  local started now pid
  started=$(date +%s%N)
  env -i PATH="$PATH" PORT="$port" OBSERVABILITY_SPOOL_DIR="$scratch/spool" "$@" \
    java -jar "$jar" >"$scratch/out.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "backend exited; see $scratch/out.log" >&2; cat "$scratch/out.log" >&2; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (now - started) / 1000000 ))
}

series() {
  local name="$1"; shift
  local figures=()
  start_once "$@" >/dev/null   # warm the page cache and the unpacked PostgreSQL binaries
  for _ in $(seq 1 "$runs"); do figures+=("$(start_once "$@")"); done
  printf '%s\n' "${figures[@]}" | sort -n | awk -v name="$name" '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
          printf "%-22s runs=%d median=%d ms min=%d ms max=%d ms\n", name, NR, m, v[1], v[NR] }'
}

series "external PostgreSQL" DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
series "embedded PostgreSQL"
series "no database (pr-1)" ENVIRONMENT=pr-1
