#!/usr/bin/env bash
# DRAINING's duration with open long-lived responses next to the same run without them: the quarkus-sample
# (packaged) gets SIGTERM while SLOW slow requests are in flight, once with STREAMS event streams, SESSIONS WebSocket
# sessions and POLLS long polls open as well, once with the slow requests alone; RUNS times each, alternating. Prints
# a markdown table: DRAINING's duration (from the report line), SIGTERM to exit, and how every client ended. Then,
# OFF_RUNS times, the run with them open and their ending turned off (flux.shutdown.drain.long-lived.enabled=false:
# they are ordinary in-flight work, as before the library ended them), for comparison.
#
#   drain-duration.sh      fails if any client did not end as expected (stream cut, no 1001, poll not 503, slow
#                          request not 200) or an instance did not exit with code 0
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

RUNS=${RUNS:-3}
STREAMS=${STREAMS:-100}
SESSIONS=${SESSIONS:-50}
POLLS=${POLLS:-20}
SLOW=${SLOW:-10}
SLOW_MS=${SLOW_MS:-3000}
OFF_RUNS=${OFF_RUNS:-1}

backend_build with
log "load average $(load_average), code $(code_version)"

count() { grep -c "$2" "$WORK/$1.log" || true; }

# run_once NAME STREAMS SESSIONS POLLS [FLAGS...]: one instance, its clients, SIGTERM; appends a row to
# $WORK/table. Fails on a client that did not end as expected, unless FLAGS turn the ending off.
run_once() {
    local name=$1 streams=$2 sessions=$3 polls=$4 port rc t0 t1 draining result
    shift 4
    local flags=("$@")
    start_listening "$name" "${flags[@]}"
    port=$LISTENING_PORT
    java "$HERE/LongLivedLoad.java" "http://127.0.0.1:$port" "$streams" "$sessions" "$polls" "$SLOW" "$SLOW_MS" \
        >"$WORK/$name.client" 2>&1 &
    PID[client]=$!
    wait_until 120 "$name: streams and sessions open" grep -q OPEN "$WORK/$name.client"
    started() { (($(count "$name" "sample: started report") >= SLOW && $(count "$name" "sample: started poll") >= $1)); }
    wait_until 60 "$name: slow requests and polls started" started "$polls"
    t0=$(date +%s%N)
    stop_instance "$name"
    rc=$EXIT_CODE
    t1=$(date +%s%N)
    wait_until 120 "$name: clients done" eval "! alive ${PID[client]}"
    wait "${PID[client]}" || true
    unset "PID[client]"
    result=$(grep -o "RESULT.*" "$WORK/$name.client" || echo "RESULT none")
    draining=$(grep -o "FLUX-0010 DRAINING *[0-9.]*m\?s *[A-Z-]*" "$WORK/$name.log" | awk '{ print $3, $4 }' | sed 's/ *$//')
    printf '| %s | %d | %d | %d | %d | %s | %d ms | %s | %s |\n' "$name" "$streams" "$sessions" "$polls" "$SLOW" \
        "$draining" "$(((t1 - t0) / 1000000))" "$rc" "${result#RESULT }" >>"$WORK/table"
    ((${#flags[@]} > 0)) && return
    [[ $rc == 0 && $result == *"failures=0"* ]] || fail "$name: exit code $rc, clients: $result; see $WORK"
}

for run in $(seq 1 "$RUNS"); do
    run_once "open-$run" "$STREAMS" "$SESSIONS" "$POLLS"
    run_once "none-$run" 0 0 0
done

for run in $(seq 1 "$OFF_RUNS"); do
    run_once "ending-off-$run" "$STREAMS" "$SESSIONS" "$POLLS" -Dflux.shutdown.drain.long-lived.enabled=false
done

echo "| run | SSE streams | WebSocket sessions | long polls | slow requests (${SLOW_MS} ms) | DRAINING | SIGTERM to exit | exit code | clients |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$WORK/table"
grep -h "FLUX-0010 DRAINING" "$WORK"/open-1.log | sed 's/^.*FLUX-0010/report of open-1: FLUX-0010/' >&2
