#!/usr/bin/env bash
# Rewrites src/main/resources/META-INF/closeloop/preload.txt (the classes dev.closeloop.app.Preloader
# loads on the second core at start-up) from the class-loading log of one real start with both
# platforms on the fakes. Run it after a dependency upgrade or a large change to start-up; a stale
# list is harmless (unknown names are skipped) but loses the speed-up.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(pwd)/target/preload-classload.txt"
out=src/main/resources/META-INF/closeloop/preload.txt
rm -f "$log"
: > "$out"   # measure a start without the preloader's own effect
./mvnw -B -q package -DskipTests
BENCH_SKIP_BUILD=1 BENCH_PROFILE_OPTS="-Xlog:class+load=info:file=$log" bench/run.sh footprint --runs 1 --idle 1 >/dev/null
# "[1.234s] a.b.C source: file:/.../closeloop.jar" or "source: jrt:/java.base"; skip CDS-archived,
# generated (lambdas, proxies) and hidden classes
grep -E ' source: (jrt:/|file:.*closeloop\.jar)' "$log" \
  | awk '{print $2}' | grep -v -e '\$\$' -e '/0x' -e '^dev\.closeloop\.app\.Preloader' | awk '!seen[$0]++' > "$out"
echo "wrote $(wc -l < "$out") class names to $out"
