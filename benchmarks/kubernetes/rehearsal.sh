#!/usr/bin/env bash
# A rehearsal of a Kubernetes pod deletion in a surge rollout, on loopback, the way Kubernetes does it (not the way a
# load balancer with health checks does it, as benchmarks/rolling-restart/ does):
# - HAProxy stands for kube-proxy: NO health checks; its servers are switched through its runtime API socket only;
# - a surge instance starts; once its readiness endpoint answers 200, the old instance is deleted: SIGTERM at once
#   (no preStop hook), SIGKILL if it still runs after the grace period (terminationGracePeriodSeconds);
# - the endpoint change reaches the proxy after the propagation delay D, independent of readiness: at deletion + D
#   the old instance is put into maintenance (no new connections) and the surge instance made ready;
# - wrk with keep-alive connections and one slow request in ten runs throughout.
# Each D runs twice: baseline (flux.shutdown.enabled=false) and the library (readiness-delay=auto), both with
# KUBERNETES_SERVICE_HOST set as in a pod (auto = 5 s) and FLUX_SHUTDOWN_GRACE_PERIOD as deploy/kubernetes passes it.
#
#   rehearsal.sh           D = 0.5 s, 2 s, 6 s and 10 s, baseline and library (about 5 minutes)
#   rehearsal.sh --short   the library only, D = 2 s and 6 s, for CI (about 1 to 2 minutes)
#
# Prints a markdown table (delay, mode, requests, non-2xx, socket errors, exit code). Exits non-zero if any run of
# the library whose D is within readiness-delay + drain.timeout lost a request (non-2xx or socket error), did not
# exit with code 0 before the grace period, or warned that its bounds do not fit the grace period (FLUX-085x).
# The baseline's numbers, and the library's beyond that bound, are printed, never judged.
# Everything binds to 127.0.0.1; every wait is bounded; every process started here is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# The backend (benchmarks/lib/harness.sh), process helpers, $WORK and the clean-up on exit.
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

DELAYS=${DELAYS:-0.5 2 6 10}               # propagation delays, in seconds (one may repeat: DELAYS="6 6 6")
MODES=${MODES:-baseline library}
# terminationGracePeriodSeconds, by default deploy/kubernetes/deployment.yaml's (the harness runs from the root)
GRACE=${GRACE:-$(awk '$1 == "terminationGracePeriodSeconds:" { print $2; exit }' deploy/kubernetes/deployment.yaml)}
READINESS_DELAY=${READINESS_DELAY:-auto}   # the library's; auto = 5s with KUBERNETES_SERVICE_HOST set
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-30s}
QUIET_PERIOD=${QUIET_PERIOD:-auto}         # the library's drain.quiet-period; auto = 2s with KUBERNETES_SERVICE_HOST set
LIBRARY_FLAGS=${LIBRARY_FLAGS:-}           # more -D flags for the library's runs
# tcp: kube-proxy (layer 4: an established connection stays with its pod until one side closes it);
# http: an ingress (layer 7, HAProxy's default keep-alive to the servers)
PROXY_MODE=${PROXY_MODE:-tcp}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SLOW_EVERY=${SLOW_EVERY:-10}               # one request in SLOW_EVERY goes to SLOW_PATH
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}        # load on the old instance alone before the surge instance starts
TAIL_SECONDS=${TAIL_SECONDS:-2}            # load on the surge instance after the old one has gone

case "${1:-}" in
    "") ;;
    --short) MODES=library; DELAYS=${SHORT_DELAYS:-2 6} ;;
    *) echo "usage: $0 [--short]" >&2; exit 2 ;;
esac
[[ $PROXY_MODE == tcp || $PROXY_MODE == http ]] || fail "PROXY_MODE='$PROXY_MODE': expected tcp or http"
[[ $GRACE =~ ^[0-9]+$ ]] || fail "GRACE='$GRACE': expected whole seconds"

# As in a pod: readiness-delay=auto means 5 s; the grace period as deploy/kubernetes passes it to the application.
export KUBERNETES_SERVICE_HOST=${KUBERNETES_SERVICE_HOST:-10.96.0.1}
export FLUX_SHUTDOWN_GRACE_PERIOD=$GRACE

# seconds DURATION: a duration of the library's simple forms (500ms, 30s, 2m) in seconds, for the verdict.
seconds() {
    case $1 in
        auto) echo 5 ;;
        *ms) bc -l <<<"${1%ms} / 1000" ;;
        *s) echo "${1%s}" ;;
        *m) echo $((${1%m} * 60)) ;;
        *) echo "$1" ;;
    esac
}
JUDGED_UP_TO=$(bc -l <<<"$(seconds "$READINESS_DELAY") + $(seconds "$DRAIN_TIMEOUT")")

now_ns() { date +%s%N; }
# sleep_until NS: sleeps until the clock reads NS (date +%s%N), at once if it already has.
sleep_until() {
    local left=$(( $1 - $(now_ns) ))
    ((left > 0)) && sleep "$(bc -l <<<"$left / 1000000000")"
    return 0
}
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

# ready_or_ended NAME PORT: true when the instance is ready; fails the run at once if it has ended.
ready_or_ended() {
    alive "${PID[$1]}" || fail "$1 ended before it was ready; see $WORK/$1.log"
    ready "$2"
}

# api COMMAND: one command on HAProxy's runtime API; fails the run unless HAProxy answers nothing (success).
api() {
    local answer
    answer=$(echo "$*" | socat -t 2 stdio "unix-connect:$WORK/haproxy.sock") || fail "runtime API: '$*' failed"
    [[ -z ${answer//[[:space:]]/} ]] || fail "runtime API: '$*' answered: $answer"
}

write_haproxy_config() {
    local front=$1 old=$2 surge=$3
    cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 2048
    log stdout format raw local0
    stats socket $WORK/haproxy.sock mode 600 level admin

defaults
    mode $PROXY_MODE
    log global
    option ${PROXY_MODE}log
    option dontlog-normal
    retries 0
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    $([[ $PROXY_MODE == http ]] && echo "timeout http-keep-alive 10s")

frontend front
    bind 127.0.0.1:$front
    default_backend be

# no "check": like kube-proxy, HAProxy never looks at readiness; only the runtime API moves the servers
backend be
    balance roundrobin
    server s1 127.0.0.1:$old
    server s2 127.0.0.1:$surge disabled
EOF
}

# rehearse DELAY MODE: one deletion; appends a row to $WORK/table and sets RUN_OK (1: nothing lost, exit 0).
RUN_OK=0
RUN_NO=0
WRK_CMD=()
rehearse() {
    RUN_NO=$((RUN_NO + 1))
    local delay=$1 mode=$2 name="$RUN_NO-d$1-$2"
    local flags=() front old surge
    if [[ $mode == baseline ]]; then
        flags=(-Dflux.shutdown.enabled=false)
    else
        # shellcheck disable=SC2206 # LIBRARY_FLAGS is a list of flags
        flags=("-Dflux.shutdown.readiness-delay=$READINESS_DELAY" "-Dflux.shutdown.drain.timeout=$DRAIN_TIMEOUT"
            "-Dflux.shutdown.drain.quiet-period=$QUIET_PERIOD" $LIBRARY_FLAGS)
    fi
    free_port front
    free_port old
    free_port surge
    log "== D=${delay}s $mode: ${flags[*]}"
    start_instance "$name-old" "$old" "${flags[@]}"
    wait_until "$READY_BOUND" "readiness of $name-old" ready_or_ended "$name-old" "$old"
    write_haproxy_config "$front" "$old" "$surge"
    rm -f "$WORK/haproxy.sock"
    haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/$name.haproxy.log" 2>&1 &
    PID[haproxy]=$!
    wait_until 30 "HAProxy serving" curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$front$FAST_PATH"

    WRK_CMD=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((GRACE + READY_BOUND + 120))s" --timeout "$WRK_TIMEOUT"
        --latency -s "$HERE/../rolling-restart/mix.lua" "http://127.0.0.1:$front" -- "$FAST_PATH" "$SLOW_PATH"
        "$SLOW_EVERY")
    "${WRK_CMD[@]}" >"$WORK/$name.wrk" 2>&1 &
    PID[wrk]=$!
    sleep "$WARMUP_SECONDS"

    # the surge pod: started, ready; then the controller deletes the old pod
    start_instance "$name-surge" "$surge" "${flags[@]}"
    wait_until "$READY_BOUND" "readiness of $name-surge" ready_or_ended "$name-surge" "$surge"
    local deleted pid=${PID[$name-old]} exit_code killed=0 exit_ms=-1
    deleted=$(now_ns)
    kill -TERM "$pid"
    log "deletion: SIGTERM to the old instance (pid $pid)"
    sleep_until $((deleted + $(bc <<<"$delay * 1000000000 / 1")))
    # one endpoint update: the surge instance in, then the old one out, so that the proxy never has no server
    api "set server be/s2 state ready; set server be/s1 state maint"
    log "propagated after $(ms_since "$deleted") ms: old instance out of the proxy, surge instance in"
    # the kubelet: SIGKILL once the grace period has passed
    local grace_end=$((deleted + GRACE * 1000000000))
    while alive "$pid" && (($(now_ns) < grace_end)); do sleep 0.1; done
    if alive "$pid"; then
        kill -KILL "$pid"
        killed=1
        log "grace period over: SIGKILL"
    fi
    wait_until "$EXIT_BOUND" "end of the old instance" eval "! alive $pid"
    exit_code=0
    wait "$pid" || exit_code=$?
    unset "PID[$name-old]"
    ((killed)) || exit_ms=$(ms_since "$deleted")
    log "old instance ended $exit_ms ms after SIGTERM (-1: killed), exit code $exit_code"

    sleep "$TAIL_SECONDS"
    finish_load 1
    stop_instance "$name-surge"
    stop_haproxy

    # shellcheck disable=SC2034 # duration and p99: set by load_result, not shown here
    local requests non2xx connect read write timeout duration p99 statuses
    load_result "$WORK/$name.wrk" "$name"
    local errors=$((non2xx + connect + read + write + timeout)) judged=0 verdict="not judged" warned=""
    [[ $mode == library ]] && (($(bc <<<"$delay <= $JUDGED_UP_TO"))) && judged=1
    grep -o 'FLUX-085[0-9][^"]*' "$WORK/$name-old.log" | head -1 >"$WORK/$name.warning" || true
    [[ -s "$WORK/$name.warning" ]] && warned=" (warned $(cut -c1-9 "$WORK/$name.warning"))"
    RUN_OK=1
    if ((judged)); then
        if ((errors == 0 && requests > 0 && exit_code == 0)) && [[ -z $warned ]]; then
            verdict="pass"
        else
            verdict="**FAIL**"
            RUN_OK=0
        fi
    fi
    local shown_statuses="" late="-"
    [[ $statuses != - ]] && shown_statuses=" ($statuses)"
    # the old instance's own count of late requests: its DRAINING line, and its summary for refusals after DRAINING
    if [[ $mode == library ]]; then
        late=$(grep -o '[0-9]* served late, [0-9]* refused' "$WORK/$name-old.log" | tail -1 || true)
        late="${late:-none reported}$(grep -o 'REFUSED ([^)]*)' "$WORK/$name-old.log" | tail -1 | sed 's/^/; /' || true)"
    fi
    printf '| %s s | %s | %s | %s%s | %s/%s/%s/%s | %s%s | %s | %s | %s |\n' "$delay" "$mode" "$requests" "$non2xx" \
        "$shown_statuses" "$connect" "$read" "$write" "$timeout" "$exit_code" "$( ((killed)) && echo " (SIGKILL)")" \
        "$( ((exit_ms >= 0)) && echo "$exit_ms ms" || echo "-")" "$late" "$verdict$warned" >>"$WORK/table"
    log "$(tail -1 "$WORK/table")"
    log "the old instance's report:"
    grep -E 'FLUX-0(010|012|201|203) ' "$WORK/$name-old.log" | sed 's/^/    /' >&2 || true
}

install_tools haproxy wrk curl bc socat
backend_build with
log "backend: $BACKEND_LABEL; work dir $WORK"
: >"$WORK/table"
LOAD_START=$(load_average)
FAILED=0
for delay in $DELAYS; do
    for mode in $MODES; do
        case $mode in
            baseline | library) rehearse "$delay" "$mode" ;;
            *) fail "unknown mode '$mode' in MODES (baseline, library)" ;;
        esac
        ((RUN_OK)) || FAILED=1
    done
done

echo
echo "Pod deletion in a surge rollout, replayed on loopback; backend: $BACKEND_LABEL, code $(code_version)"
echo "proxy: HAProxy mode $PROXY_MODE without health checks, driven through its runtime API; grace period ${GRACE}s;" \
    "library: readiness-delay=$READINESS_DELAY, drain.timeout=$DRAIN_TIMEOUT, drain.quiet-period=$QUIET_PERIOD${LIBRARY_FLAGS:+ $LIBRARY_FLAGS}" \
    "(KUBERNETES_SERVICE_HOST set); judged up to D = ${JUDGED_UP_TO}s"
echo "load: \`${WRK_CMD[*]}\`; load average at the start: $LOAD_START, at the end: $(load_average)"
echo
echo "| propagation delay D | mode | requests | non-2xx | socket errors (connect/read/write/timeout) | exit code | SIGTERM to exit | late requests (the old instance's report) | verdict |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$WORK/table"
if ((FAILED)); then
    KEEP_WORK=1
    fail "the library lost requests (or did not exit with 0) within readiness-delay + drain.timeout; see the table and the logs"
fi
log "PASS: no request lost by the library for D up to ${JUDGED_UP_TO}s"
