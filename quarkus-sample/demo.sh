#!/usr/bin/env bash
# The five phases live: starts the packaged sample, puts 4 slow reports and 2 large exports in flight, sends
# SIGTERM, and shows what happened: every request completes, then the shutdown report.
# Builds the sample first if it was never built (about 3 minutes, longer the first time: see build-sample.sh).
# Needs java and curl. Port: ${PORT:-8080}. Every wait is bounded; the sample's JVM is stopped on any exit.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
for tool in java curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if (( ${#missing[@]} )); then
  names=${missing[*]}
  echo "demo.sh needs ${names// / and } on the PATH (java: a JDK 17 or later; curl: apt-get install curl)" >&2
  exit 1
fi
jar=$PWD/target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || ./build-sample.sh
port=${PORT:-8080}
if curl -s -o /dev/null --max-time 2 "localhost:$port/"; then
  echo "Port $port is in use; run with PORT=<another port> $0" >&2
  exit 1
fi
work=$(mktemp -d)
log=$work/sample.log
pid=
stop() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    echo "== stopped the sample (pid $pid)" >&2
  fi
  jobs -p | xargs -r kill 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# waits until a condition holds, at most $1 seconds; fails naming $2 otherwise
within() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if (( SECONDS >= deadline )); then
      echo "== gave up after ${seconds} s waiting for $what; the sample's log:" >&2
      cat "$log" >&2
      exit 1
    fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null && [[ $what != "the sample to exit" ]]; then
      echo "== the sample exited while waiting for $what; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
}
listening() { grep -q "Listening on" "$log"; }
all_started() { [[ $(grep -c "sample: started" "$log") -ge 6 ]]; }
exited() { ! kill -0 "$pid" 2>/dev/null; }

# in a directory of its own, so the demo's database, audit trail and checkpoints are thrown away after it
(cd "$work" && exec java -Dquarkus.http.port="$port" -jar "$jar" > "$log" 2>&1) &
pid=$!
within 60 "the sample to listen on port $port" listening
echo "== sample running as pid $pid on port $port; 4 reports (3 s) and 2 exports (2 MiB, 3 s) in flight"
for i in 1 2 3 4; do
  curl -s --max-time 60 -o /dev/null -w "report $i: HTTP %{http_code} after %{time_total}s\n" \
    "localhost:$port/report?ms=3000" &
done
for i in 1 2; do
  curl -s --max-time 60 -o /dev/null -w "export $i: HTTP %{http_code}, %{size_download} bytes after %{time_total}s\n" \
    "localhost:$port/export?kb=2048&ms=3000" &
done
within 30 "the 6 requests to start" all_started
echo "== kill -TERM $pid"
kill -TERM "$pid"
within 5 "readiness to go DOWN" grep -q FLUX-0001 "$log"
echo "== readiness right after the signal: $(curl -s --max-time 5 -o /dev/null -w 'HTTP %{http_code}' "localhost:$port/q/health/ready")"
within 90 "the sample to exit" exited
code=0
wait "$pid" || code=$?
pid=
wait   # the curl clients, each bounded by --max-time
echo "== sample exited with code $code; its log from the signal on:"
sed -n '/FLUX-0001/,$p' "$log" | sed -E 's/^[0-9-]+ ([0-9:,]+) +([A-Z]+) +\[[^]]*\] \([^)]*\) /\1 /'
