#!/usr/bin/env bash
# Builds the library and the Quarkus sample without tests, saying what it does; run.sh and demo.sh use it.
# Maven's whole output goes to quarkus-sample/target/build.log; its tail is shown if the build fails.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p target
log=target/build.log
if [[ -d ${HOME}/.m2/repository/io/quarkus/quarkus-core ]]; then
  echo "== building the library and the sample with Maven (about 3 to 4 minutes on 2 cores)" >&2
else
  echo "== first build: Maven, Quarkus and every dependency are downloaded first, then the library and the sample" \
       "are built (about 3 to 4 minutes on 2 cores once downloaded)" >&2
fi
start=$SECONDS
set +e
../mvnw -B -f ../pom.xml -pl quarkus-sample -am package -DskipTests 2>&1 | tee "$log" \
  | while IFS= read -r line; do
      case $line in
        "[INFO] Building "*"/"*"]") module=${line#\[INFO\] Building }; echo "   building $(tr -s " " <<< "$module")" >&2 ;;
        *"Downloading from"*) [[ -n ${said:-} ]] || { echo "   downloading dependencies ..." >&2; said=1; } ;;
      esac
    done
status=${PIPESTATUS[0]}
set -e
if [[ $status -ne 0 ]]; then
  tail -40 "$log" >&2
  echo "== the build failed (exit code $status); its whole output is in quarkus-sample/$log" >&2
  exit 1
fi
echo "== built in $((SECONDS - start)) s" >&2
