#!/usr/bin/env bash
# Builds the library and the Quarkus sample, then runs the sample in the foreground on port ${PORT:-8080}.
# A build takes about 3 minutes on 2 cores; the first also downloads Maven, Quarkus and every dependency first.
# SKIP_BUILD=1 runs what was built last. Ctrl+C or `kill -TERM <pid>` starts the graceful shutdown and prints its
# report. Data (H2 database, audit trail, checkpoints in state/) goes to quarkus-sample/sample-data.
set -euo pipefail
cd "$(dirname "$0")"
command -v java >/dev/null || { echo "run.sh needs java (a JDK 17 or later) on the PATH" >&2; exit 1; }
[[ ${SKIP_BUILD:-} == 1 && -f target/quarkus-app/quarkus-run.jar ]] || ./build-sample.sh
echo "== starting the sample on port ${PORT:-8080}; Ctrl+C shuts it down gracefully" >&2
exec java -Dquarkus.http.port="${PORT:-8080}" -jar target/quarkus-app/quarkus-run.jar
