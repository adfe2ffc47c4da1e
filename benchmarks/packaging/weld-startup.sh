#!/usr/bin/env bash
# Startup of the tck Weld SE application (Jersey on Grizzly) to its READY line, with the shaded jar (relocated
# Jackson inside, which Weld's reflection discovery loads) against the unshaded jar plus Jackson's own jars (not bean
# archives, so not scanned); alternating rounds; prints time to READY and the classes loaded.
# Run from the repository root after ./mvnw verify: benchmarks/packaging/weld-startup.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=0.1.0-SNAPSHOT
SHADED=$PWD/extension/target/flux-shutdown-$VERSION.jar
ORIGINAL=$PWD/extension/target/original-flux-shutdown-$VERSION.jar
CP=$(cat tck-tests/target/app-classpath.txt)
R=$HOME/.m2/repository/com/fasterxml/jackson
J=2.23.0
JACKSON=$R/core/jackson-databind/$J/jackson-databind-$J.jar:$R/core/jackson-core/$J/jackson-core-$J.jar
JACKSON=$JACKSON:$R/core/jackson-annotations/2.23/jackson-annotations-2.23.jar
JACKSON=$JACKSON:$R/datatype/jackson-datatype-jsr310/$J/jackson-datatype-jsr310-$J.jar
for round in $(seq 1 "${1:-6}"); do
  for variant in shaded unshaded; do
    if [[ $variant == shaded ]]; then vcp="$PWD/tck-tests/target/classes:$CP";
    else vcp="$PWD/tck-tests/target/classes:${CP//$SHADED/$ORIGINAL}:$JACKSON"; fi
    dir=$(mktemp -d)
    start=$(date +%s%N)
    ( cd "$dir" && exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:class+load=info:file="$dir/classes.log" \
        -cp "$vcp" dev.flux.shutdown.tck.app.Main ) > "$dir/out" 2>&1 &
    pid=$!
    until grep -q "FLUX-TCK READY" "$dir/out" 2>/dev/null; do
      kill -0 $pid 2>/dev/null || { echo "$variant: the application ended before READY"; cat "$dir/out"; exit 1; }
      sleep 0.02
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    kill -9 $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    echo "$variant round=$round ready_ms=$ms classes_loaded=$(grep -c '' "$dir/classes.log")" \
      "jackson_classes_loaded=$(grep -c jackson "$dir/classes.log")"
    rm -rf "$dir"
  done
done
