#!/usr/bin/env bash
# Runs one benchmark against a freshly built target/closeloop.jar:
#   bench/run.sh intake|delivery|digest|footprint [--key value ...]
# The harness runs on the test classpath (it drives the test fakes); the app runs as
# `java -jar target/closeloop.jar run --config FILE`, with no JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q package -DskipTests
fi
./mvnw -B -q dependency:build-classpath dependency:copy@bench-bare -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.closeloop.bench.Bench "$@"
