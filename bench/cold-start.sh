#!/usr/bin/env bash
# Cold start to the first served page with the embedded database, under a 512 MB heap cap.
# Measures a first start on an empty data directory (initdb, migrations, seed load) and a restart on it, with
# and without an ahead-of-time class cache (JDK 25+: classes loaded and linked by a training run, read from
# target/extracted/marsad.aot), alternating so that both see the same moments of the host.
# Usage: bench/cold-start.sh [runs]   (default 3 runs of each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
./mvnw -q -B -DskipTests package
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA" ] || JAVA=java
# Run the application as Spring Boot recommends for a packaged application: extracted into a jar and its
# libraries, so that classes load from plain jars rather than from jars nested in one (a third of the start).
rm -rf target/extracted
"$JAVA" -Djarmode=tools -jar target/marsad.jar extract --destination target/extracted > /dev/null
# The training run: the application starts on a throwaway data directory, stops once its context is refreshed,
# and the JVM writes the classes it loaded and linked into the cache (a build step, like the jar itself).
aot=()
if "$JAVA" -XX:AOTMode=off -version > /dev/null 2>&1; then
  train=$(mktemp -d /tmp/marsad-train-XXXX)
  MARSAD_DATA_DIR=$train SERVER_PORT=$port MARSAD_ADMIN_PASSWORD=bench-password-123 "$JAVA" -Xmx512m \
    -XX:AOTCacheOutput=target/extracted/marsad.aot -Dspring.context.exit=onRefresh -jar target/extracted/marsad.jar \
    > "$train.log" 2>&1
  rm -rf "$train" "$train.log"
  aot=(-XX:AOTCache=target/extracted/marsad.aot)
else
  echo "This JVM has no ahead-of-time cache (JDK 25+): measuring without it only"
fi

measure() { # $1 = data dir, then JVM options; prints seconds to first page and heap used
  local dir=$1 start pid elapsed
  shift
  start=$(date +%s.%N)
  SERVER_PORT=$port MARSAD_DATA_DIR=$dir MARSAD_ADMIN_PASSWORD=bench-password-123 \
    "$JAVA" -Xmx512m "$@" -jar target/extracted/marsad.jar > "$dir.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/"; do
    kill -0 $pid 2>/dev/null || { echo "Marsad died, see $dir.log"; exit 1; }
    sleep 0.05
  done
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  heap=$("$(dirname "$JAVA")/jcmd" $pid GC.heap_info 2>/dev/null | sed -n 's/.*heap.* used \([0-9]*\)K.*/\1/p' | head -1)
  rss=$(ps -o rss= -p $pid)
  kill $pid; wait $pid 2>/dev/null || true
  printf "%6.2f s   heap used %5d MB (cap 512 MB)   JVM RSS %5d MB\n" "$elapsed" "$((${heap:-0} / 1024))" "$((rss / 1024))"
}

echo "Cold start to first page (target <= 20 s, heap <= 512 MB), $(nproc) cores"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/marsad-bench-XXXX)
  printf "first start on an empty data directory:            "; measure "$dir"
  printf "restart on the same data directory:                "; measure "$dir"
  rm -rf "$dir" "$dir.log"
  if [ ${#aot[@]} -gt 0 ]; then
    dir=$(mktemp -d /tmp/marsad-bench-XXXX)
    printf "first start on an empty data directory, AOT cache: "; measure "$dir" "${aot[@]}"
    printf "restart on the same data directory, AOT cache:     "; measure "$dir" "${aot[@]}"
    rm -rf "$dir" "$dir.log"
  fi
done
