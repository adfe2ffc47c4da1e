#!/usr/bin/env bash
# Proof: an SSE client behind HAProxy keeps receiving events across a SIGTERM of the instance that serves it. Two
# quarkus-sample instances behind HAProxy (health checks on readiness), one EventSource-like client
# (EventSourceClient.java) on /notifications/events; the instance that serves the stream gets SIGTERM. Its stream
# must end cleanly (last event, retry: hint, end of the chunked response), the client must reconnect through HAProxy
# to the other instance and receive its events, and the stopped instance must exit with code 0.
#
#   sse-reconnect.sh        exits non-zero if any of that does not happen
#
# Everything binds to 127.0.0.1; every wait is bounded; every process started here is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

READINESS_DELAY=${READINESS_DELAY:-1s}     # > HAProxy's fall x inter (1 x 200ms): the reconnect goes elsewhere
LB_BOUND=${LB_BOUND:-30}                   # seconds
CLIENT_SECONDS=${CLIENT_SECONDS:-120}      # bound of the client's life
FLAGS=(-Dflux.shutdown.readiness-delay="$READINESS_DELAY" -Dflux.shutdown.drain.sse.last-event=bye
    -Dflux.shutdown.drain.sse.retry=500ms)

install_tools haproxy
backend_build with

start_listening a "${FLAGS[@]}"
# shellcheck disable=SC2034 # PORT_A and PORT_B: read by haproxy_routes (lib/harness.sh)
PORT_A=$LISTENING_PORT
start_listening b "${FLAGS[@]}"
# shellcheck disable=SC2034
PORT_B=$LISTENING_PORT
# HAProxy on two free ports; like an instance, it may lose a port to another process's connection: then retry
for attempt in 1 2 3; do
    free_port FRONT_PORT
    free_port STATS_PORT
    cat >"$WORK/haproxy.cfg" <<CFG
global
    maxconn 256
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    timeout check 1s
$(haproxy_routes "inter 200ms fall 1 rise 2")
CFG
    haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
    PID[haproxy]=$!
    up_or_gone() { lb_up a || ! alive "${PID[haproxy]}"; }
    wait_until "$LB_BOUND" "HAProxy sees a UP" up_or_gone
    alive "${PID[haproxy]}" && break
    wait "${PID[haproxy]}" || true
    unset "PID[haproxy]"
    ((attempt < 3)) || fail "HAProxy did not start; see $WORK/haproxy.log"
    log "HAProxy did not start on port $FRONT_PORT (attempt $attempt); trying other ports"
done
wait_until "$LB_BOUND" "HAProxy sees a UP" lb_up a
wait_until "$LB_BOUND" "HAProxy sees b UP" lb_up b

CLIENT_LOG="$WORK/client.log"
java "$HERE/EventSourceClient.java" "http://127.0.0.1:$FRONT_PORT/notifications/events" "$CLIENT_SECONDS" \
    >"$CLIENT_LOG" 2>&1 &
PID[client]=$!
has() { grep -q "$1" "$CLIENT_LOG"; }
wait_until 60 "the client's first event" has " DATA open "
first_pid=$(grep -m1 " DATA open " "$CLIENT_LOG" | awk '{ print $4 }')
if [[ $first_pid == "${PID[a]}" ]]; then serving=a other=b; else serving=b other=a; fi
other_pid=${PID[$other]}
ticks_before() { [[ $(grep -c " DATA tick .* $first_pid\$" "$CLIENT_LOG") -ge 3 ]]; }
wait_until 30 "three events from $serving" ticks_before
log "the stream is served by $serving (pid $first_pid); SIGTERM to it"

t0=$(date +%s%N)
kill -TERM "$first_pid"
from_other() { grep -q " DATA \(open\|tick\) .* \?$other_pid\$" "$CLIENT_LOG"; }
wait_until 60 "an event from $other (pid $other_pid) through HAProxy" from_other
t1=$(date +%s%N)
wait_until "$EXIT_BOUND" "exit of $serving" eval "! alive $first_pid"
rc=0
wait "$first_pid" || rc=$?
unset "PID[$serving]"

cat "$CLIENT_LOG" | sed 's/^/    client: /' | grep -v " DATA tick" >&2
grep -q " END clean" "$CLIENT_LOG" || fail "the stream of $serving did not end cleanly"
! grep -q " END cut" "$CLIENT_LOG" || fail "the stream was cut, not ended"
grep -q " DATA bye" "$CLIENT_LOG" || fail "no last event"
[[ $rc == 0 ]] || fail "$serving exited with $rc"
grep "FLUX-0010 DRAINING" "$WORK/$serving.log" | sed 's/^.*FLUX-0010/    FLUX-0010/' >&2
log "OK: SIGTERM to $serving -> events from $other after $(((t1 - t0) / 1000000)) ms (readiness-delay" \
    "$READINESS_DELAY, retry 500ms); the stream ended cleanly with the last event; exit code 0"
