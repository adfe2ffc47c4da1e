#!/usr/bin/env bash
# Builds the library and the Quarkus sample, then runs the sample in the foreground on port ${PORT:-8080}.
# Ctrl+C or `kill -TERM <pid>` starts the graceful shutdown and prints its report.
# Data (H2 database, audit trail, checkpoints in state/) goes to quarkus-sample/sample-data.
set -euo pipefail
cd "$(dirname "$0")"
../mvnw -B -q -f ../pom.xml -pl quarkus-sample -am package -DskipTests
exec java -Dquarkus.http.port="${PORT:-8080}" -jar target/quarkus-app/quarkus-run.jar
