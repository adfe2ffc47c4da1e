#!/usr/bin/env bash
# The five phases live: starts the packaged sample, puts 4 slow reports and 2 large exports in flight, sends
# SIGTERM, and shows what happened: every request completes, then the shutdown report.
# Build first (./run.sh does, or: ./mvnw -pl quarkus-sample -am package -DskipTests). Port: ${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")"
jar=target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || { echo "Build the sample first: ../mvnw -pl quarkus-sample -am package -DskipTests" >&2; exit 1; }
port=${PORT:-8080}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/sample.log

jar=$PWD/$jar
# in a directory of its own, so the demo's database, audit trail and checkpoints are thrown away after it
(cd "$work" && exec java -Dquarkus.http.port="$port" -jar "$jar" > "$log" 2>&1) &
pid=$!
until grep -q "Listening on" "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
echo "== sample running as pid $pid on port $port; 4 reports (3 s) and 2 exports (2 MiB, 3 s) in flight"
for i in 1 2 3 4; do
  curl -s -o /dev/null -w "report $i: HTTP %{http_code} after %{time_total}s\n" "localhost:$port/report?ms=3000" &
done
for i in 1 2; do
  curl -s -o /dev/null -w "export $i: HTTP %{http_code}, %{size_download} bytes after %{time_total}s\n" \
    "localhost:$port/export?kb=2048&ms=3000" &
done
until [[ $(grep -c "sample: started" "$log") -ge 6 ]]; do sleep 0.1; done
echo "== kill -TERM $pid"
kill -TERM $pid
sleep 0.3
echo "== readiness right after the signal: $(curl -s -o /dev/null -w 'HTTP %{http_code}' "localhost:$port/q/health/ready")"
wait $pid && code=0 || code=$?
wait
echo "== sample exited with code $code; its log from the signal on:"
sed -n '/FLUX-0001/,$p' "$log" | sed -E 's/^[0-9-]+ ([0-9:,]+) +([A-Z]+) +\[[^]]*\] \([^)]*\) /\1 /'
