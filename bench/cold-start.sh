#!/usr/bin/env bash
# Cold start to the first served page with the embedded database, under a 512 MB heap cap.
# Measures a first start on an empty data directory (initdb, migrations, seed load) and a restart on it.
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

measure() { # $1 = data dir; prints seconds to first page and heap used
  local dir=$1 start pid elapsed
  start=$(date +%s.%N)
  SERVER_PORT=$port MARSAD_DATA_DIR=$dir MARSAD_ADMIN_PASSWORD=bench-password-123 \
    "$JAVA" -Xmx512m -jar target/extracted/marsad.jar > "$dir.log" 2>&1 &
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
  printf "first start on an empty data directory:  "; measure "$dir"
  printf "restart on the same data directory:      "; measure "$dir"
  rm -rf "$dir" "$dir.log"
done
