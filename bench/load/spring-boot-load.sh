#!/usr/bin/env bash
# Load benchmark of the Spring Boot example (examples/spring-boot-example, Boot 3.5 with the
# observability starter): what the starter's OTLP export costs per request, measured exactly as
# the backend's (bench/load/backend-load.sh: both servers at once, interleaved wrk windows on
# GET /api/ping, median and 95% interval of the pair costs). Both cases run the starter, so
# every request writes its "HTTP Request" JSON line to stdout; the export case also ships it.
#
# Usage: bench/load/spring-boot-load.sh
#   (build first: mvn -B -q -pl examples/spring-boot-example -am package -DskipTests)
# Tunables as in backend-load.sh (ROUNDS, WINDOW, WARMUP, THREADS, CONNECTIONS, PORT, SINK_PORT).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export JAR="$ROOT/examples/spring-boot-example/target/spring-boot-example-0.1.0-SNAPSHOT.jar"
echo "Spring Boot example (3.5, observability starter) in place of the backend: $JAR"
# The starter exports logs; the third case (traces and metrics) is the backend's own.
export CASES="${CASES:-stdout-only otlp-export}"
exec "$ROOT/bench/load/backend-load.sh"
