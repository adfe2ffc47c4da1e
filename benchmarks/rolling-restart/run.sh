#!/usr/bin/env bash
# Proof under load: rolling restarts behind HAProxy lose no request with flux-shutdown, and the extension costs
# (almost) nothing. See README.md beside this file.
#
#   run.sh             full proof: baseline (flux.shutdown.enabled=false), then the extension on; 10 restarts each
#   run.sh --short     the extension on only, 2 restarts, for CI (about 2 minutes; RUNS="baseline extension" for both)
#   run.sh --overhead  one instance at a time, no HAProxy: the service with the library vs without its jar,
#                      alternating runs, throughput ratio of every pair and their spread (markdown table)
#
# Exits non-zero if, with the extension on, any request failed (non-2xx or socket error), any restart did not
# complete, or an instance did not exit with code 0. The baseline's numbers are printed, never judged.
# Everything binds to 127.0.0.1; every wait is bounded; every process started here is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# The backend (switch it in benchmarks/lib/harness.sh), process helpers, $WORK and the clean-up on exit.
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

# Knobs (environment). Load: modest, the machine is shared.
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SLOW_EVERY=${SLOW_EVERY:-10}               # one request in SLOW_EVERY goes to SLOW_PATH
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}            # a response slower than this counts as a wrk timeout error
READINESS_DELAY=${READINESS_DELAY:-1s}     # > HAProxy's fall x inter (1 x 200ms) plus a check's round trip
EXTENSION_FLAGS=${EXTENSION_FLAGS:-}       # more -D flags for the extension-on run
HAPROXY_CHECK=${HAPROXY_CHECK:-inter 200ms fall 1 rise 2}  # the health check's timing, for both runs
HAPROXY_RETRIES=${HAPROXY_RETRIES:-0}      # the same in both runs; 0: the load balancer retries nothing
HAPROXY_REDISPATCH=${HAPROXY_REDISPATCH:-0}  # 1: a retry may go to the other server (option redispatch)
# HAProxy's server side: http-server-close (a new backend connection per request, as many proxies do) or
# http-keep-alive (HAProxy's default: backend connections reused). Client side: keep-alive either way.
HAPROXY_HTTP_MODE=${HAPROXY_HTTP_MODE:-http-server-close}
ROUNDS=${ROUNDS:-5}                        # each round restarts both instances
WARMUP_SECONDS=${WARMUP_SECONDS:-3}        # load before the first restart
PAUSE_SECONDS=${PAUSE_SECONDS:-1}          # load between one instance back in rotation and the next restart
TAIL_SECONDS=${TAIL_SECONDS:-2}            # load after the last restart
OVERHEAD_BASELINE=${OVERHEAD_BASELINE:-without-jar}  # without-jar: the sample built without the library; disabled
OVERHEAD_PAIRS=${OVERHEAD_PAIRS:-5}
OVERHEAD_WARMUP=${OVERHEAD_WARMUP:-20s}    # once per instance, before the first pair
OVERHEAD_RUN_WARMUP=${OVERHEAD_RUN_WARMUP:-5s}  # before each measured run, unmeasured (0s: none)
OVERHEAD_DURATION=${OVERHEAD_DURATION:-20s}
OVERHEAD_SLOW_EVERY=${OVERHEAD_SLOW_EVERY:-0}  # fast requests only: the per-request cost is most visible
LB_BOUND=${LB_BOUND:-30}                   # seconds; READY_BOUND and EXIT_BOUND: see lib/harness.sh

RUNS=${RUNS:-}                             # which rolling runs, in order; default: both, --short: extension
HAPROXY_LOG_ALL=${HAPROXY_LOG_ALL:-0}      # 1: HAProxy logs every request, not only the abnormal ones

MODE=rolling
case "${1:-}" in
    "") ;;
    --short) ROUNDS=1; RUNS=${RUNS:-extension} ;;
    --overhead) MODE=overhead ;;
    *) echo "usage: $0 [--short | --overhead]" >&2; exit 2 ;;
esac

RUNS=${RUNS:-baseline extension}

# The load balancer: identical for both runs. Health checks on the readiness endpoint (by default every 200ms;
# one failed check takes a server out, two good ones put it back). Keep-alive to the clients, HAPROXY_HTTP_MODE
# to the servers, HAPROXY_RETRIES connection retries, redispatch only if HAPROXY_REDISPATCH=1. Only abnormal
# requests are logged (option dontlog-normal), unless HAPROXY_LOG_ALL=1.
write_haproxy_config() {
    cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 2048
    log stdout format raw local0

defaults
    mode http
    log global
    option httplog
    $( ((HAPROXY_LOG_ALL)) || echo "option dontlog-normal")
    option $HAPROXY_HTTP_MODE
    retries $HAPROXY_RETRIES
    $( ((HAPROXY_REDISPATCH)) && echo "option redispatch" || echo "no option redispatch")
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    timeout http-keep-alive 10s
    timeout check 1s

$(haproxy_routes "$HAPROXY_CHECK")
EOF
}

# run_load NAME URL DURATION SLOW_EVERY: starts wrk in the background; its output goes to $WORK/NAME.wrk.
WRK_CMD=()
run_load() {
    local name=$1 url=$2 duration=$3 slow_every=$4
    WRK_CMD=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout "$WRK_TIMEOUT" --latency
        -s "$HERE/mix.lua" "$url" -- "$FAST_PATH" "$SLOW_PATH" "$slow_every")
    "${WRK_CMD[@]}" >"$WORK/$name.wrk" 2>&1 &
    PID[wrk]=$!
}

# rolling NAME FLAGS...: two instances behind HAProxy under load, each restarted ROUNDS times with SIGTERM.
# Appends one line to $WORK/table; sets RUN_OK to 1 if no request failed and every restart went well, else 0.
RUN_OK=0
rolling() {
    local name=$1
    shift
    local flags=("$@") round inst rc t0 t1 t2 t3 restarts=0 bad_exits=0 exits=""
    log "== $name: ${flags[*]}"
    start_instance "$name-a" "$PORT_A" "${flags[@]}"
    start_instance "$name-b" "$PORT_B" "${flags[@]}"
    wait_until "$READY_BOUND" "readiness of $name-a" ready "$PORT_A"
    wait_until "$READY_BOUND" "readiness of $name-b" ready "$PORT_B"
    haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/$name.haproxy.log" 2>&1 &
    PID[haproxy]=$!
    wait_until "$LB_BOUND" "HAProxy sees a UP" lb_up a
    wait_until "$LB_BOUND" "HAProxy sees b UP" lb_up b
    # wrk's own duration only bounds it: it is stopped two seconds after the last restart
    local bound=$((WARMUP_SECONDS + ROUNDS * 2 * (EXIT_BOUND + READY_BOUND + LB_BOUND + PAUSE_SECONDS) + TAIL_SECONDS + 60))
    run_load "$name" "http://127.0.0.1:$FRONT_PORT" "${bound}s" "$SLOW_EVERY"
    log "load: ${WRK_CMD[*]}"
    sleep "$WARMUP_SECONDS"
    for round in $(seq 1 "$ROUNDS"); do
        for inst in a b; do
            local port_var="PORT_${inst^^}"
            alive "${PID[wrk]}" || fail "$name: wrk ended before restart $((restarts + 1)); see $WORK/$name.wrk"
            t0=$(date +%s%N)
            stop_instance "$name-$inst"
            rc=$EXIT_CODE
            t1=$(date +%s%N)
            start_instance "$name-$inst" "${!port_var}" "${flags[@]}"
            wait_until "$READY_BOUND" "readiness of $name-$inst" ready "${!port_var}"
            t2=$(date +%s%N)
            wait_until "$LB_BOUND" "HAProxy sees $inst UP again" lb_up "$inst"
            t3=$(date +%s%N)
            restarts=$((restarts + 1))
            exits+="$rc "
            [[ $rc == 0 ]] || bad_exits=$((bad_exits + 1))
            log "restart $restarts ($inst, round $round): SIGTERM->exit $(((t1 - t0) / 1000000))ms (code $rc)," \
                "start->ready $(((t2 - t1) / 1000000))ms, ready->in rotation $(((t3 - t2) / 1000000))ms"
            sleep "$PAUSE_SECONDS"
        done
    done
    sleep "$TAIL_SECONDS"
    finish_load 1
    stop_instance "$name-a"
    stop_instance "$name-b"
    stop_haproxy

    local requests non2xx connect read write timeout duration p99 statuses
    load_result "$WORK/$name.wrk" "$name"
    printf '%-22s %8s %9s %8s %7s %5s %6s %8s %9.1f %9.1f  %-16s %s\n' "$name" "$restarts" "$requests" "$non2xx" \
        "$connect" "$read" "$write" "$timeout" "$(bc -l <<<"$requests * 1000000 / $duration")" \
        "$(bc -l <<<"$p99 / 1000")" "$statuses" "$exits" >>"$WORK/table"
    # httplog fields: client, [date], frontend, backend/server, timers, status, bytes, -, -, termination state.
    # (One "front/<NOSRV> 400 CR--" is wrk's: a connection closed before it sent a request.)
    log "requests HAProxy logged as abnormal, by server, status and termination state:"
    awk '$6 ~ /^[0-9]+$/ && $4 !~ /^stats/ { print "   ", $4, $6, $10 }' "$WORK/$name.haproxy.log" | sort | uniq -c \
        | sort -rn | head -10
    local errors=$((non2xx + connect + read + write + timeout))
    RUN_OK=0
    if ((restarts == ROUNDS * 2 && requests > 0 && errors == 0 && bad_exits == 0)); then RUN_OK=1; fi
}

print_table() {
    echo
    echo "Rolling restarts behind HAProxy, backend: $BACKEND_LABEL"
    echo "load: ${WRK_CMD[*]} (stopped after the last restart + ${TAIL_SECONDS}s)"
    echo "HAProxy: checks GET $HEALTH_PATH $HAPROXY_CHECK, option $HAPROXY_HTTP_MODE, retries $HAPROXY_RETRIES," \
        "$( ((HAPROXY_REDISPATCH)) && echo "option redispatch" || echo "no redispatch"); one request in" \
        "$SLOW_EVERY is $SLOW_PATH"
    printf '%-22s %8s %9s %8s %7s %5s %6s %8s %9s %9s  %-16s %s\n' run restarts requests non-2xx connect read \
        write timeout "req/s" "p99 ms" "non-2xx status" "exit codes"
    cat "$WORK/table"
}

# The overhead: the service WITH the library against a baseline (OVERHEAD_BASELINE: without-jar, the same sources
# built without the library's jar; or disabled, the same jar with flux.shutdown.enabled=false). Both instances run
# side by side on their own ports and are warmed up; then runs of the same load go to one of them at a time,
# alternating (base,with then with,base, ...) so that the drift of a shared machine weighs on both alike. Each run
# is OVERHEAD_RUN_WARMUP of unmeasured load, then OVERHEAD_DURATION measured. Prints a markdown table: every pair,
# its ratio with/base and the load average, then min, median and max of the ratios.
overhead() {
    local pair order mode out rps p99 errors load base_label
    local ratios=""
    local -A ports=() rps_runs=() p99_runs=() pair_rps=() pair_p99=() pair_errors=()
    case $OVERHEAD_BASELINE in
        without-jar) base_label="without the jar" ;;
        disabled) base_label="jar, enabled=false" ;;
        *) fail "OVERHEAD_BASELINE='$OVERHEAD_BASELINE': expected without-jar or disabled" ;;
    esac
    free_port "ports[base]"
    free_port "ports[with]"
    if [[ $OVERHEAD_BASELINE == without-jar ]]; then
        BACKEND_VARIANT=without start_instance overhead-base "${ports[base]}"
    else
        start_instance overhead-base "${ports[base]}" -Dflux.shutdown.enabled=false
    fi
    # shellcheck disable=SC2086 # EXTENSION_FLAGS is a list of flags
    start_instance overhead-with "${ports[with]}" $EXTENSION_FLAGS
    wait_until "$READY_BOUND" "readiness of the baseline instance" ready "${ports[base]}"
    wait_until "$READY_BOUND" "readiness of the instance with flux-shutdown" ready "${ports[with]}"
    local load_start
    load_start=$(load_average)
    for mode in base with; do
        run_load "overhead-$mode-warmup" "http://127.0.0.1:${ports[$mode]}" "$OVERHEAD_WARMUP" "$OVERHEAD_SLOW_EVERY"
        finish_load 0
    done
    local rows=""
    for pair in $(seq 1 "$OVERHEAD_PAIRS"); do
        if ((pair % 2)); then order="base with"; else order="with base"; fi
        load=$(load_average)
        for mode in $order; do
            if [[ $OVERHEAD_RUN_WARMUP != 0s ]]; then
                run_load "overhead-$mode-$pair-warmup" "http://127.0.0.1:${ports[$mode]}" "$OVERHEAD_RUN_WARMUP" \
                    "$OVERHEAD_SLOW_EVERY"
                finish_load 0
            fi
            run_load "overhead-$mode-$pair" "http://127.0.0.1:${ports[$mode]}" "$OVERHEAD_DURATION" "$OVERHEAD_SLOW_EVERY"
            finish_load 0
            out="$WORK/overhead-$mode-$pair.wrk"
            grep -q FLUX-LOAD "$out" || { cat "$out"; fail "wrk printed no result"; }
            rps=$(bc -l <<<"$(field "$out" requests) * 1000000 / $(field "$out" duration_us)")
            p99=$(bc -l <<<"$(field "$out" p99_us) / 1000")
            errors=$(($(field "$out" non2xx) + $(field "$out" connect) + $(field "$out" read) \
                + $(field "$out" write) + $(field "$out" timeout)))
            log "$(printf 'pair %d  %-4s  %9.1f req/s  p99 %8.2f ms  failed requests %s' "$pair" "$mode" "$rps" "$p99" "$errors")"
            rps_runs[$mode]+="$rps "
            p99_runs[$mode]+="$p99 "
            pair_rps[$mode]=$rps
            pair_p99[$mode]=$p99
            pair_errors[$mode]=$errors
        done
        local ratio
        ratio=$(bc -l <<<"${pair_rps[with]} / ${pair_rps[base]}")
        ratios+="$ratio "
        rows+=$(printf '| %d | %s | %.1f | %.1f | %.3f | %.2f / %.2f | %s | %s |' "$pair" "$(sed "s/base/baseline/; s/ /, /" <<<"$order")" \
            "${pair_rps[base]}" "${pair_rps[with]}" "$ratio" "${pair_p99[base]}" "${pair_p99[with]}" \
            "$((pair_errors[base] + pair_errors[with]))" "$load")$'\n'
        log "load average after pair $pair: $(load_average)"
    done
    stop_instance overhead-base
    stop_instance overhead-with
    local med_base med_with
    med_base=$(median ${rps_runs[base]})
    med_with=$(median ${rps_runs[with]})
    # shellcheck disable=SC2086 # word lists
    {
        echo
        echo "Throughput with flux-shutdown against the baseline ($base_label), one instance at a time, no load balancer"
        echo "backend: $BACKEND_LABEL, code $(code_version); $(java -version 2>&1 | head -1); $(nproc) cores"
        echo "load: \`${WRK_CMD[*]}\` ($OVERHEAD_PAIRS alternating pairs after a $OVERHEAD_WARMUP warm-up of each" \
            "instance; each run $OVERHEAD_RUN_WARMUP unmeasured, then $OVERHEAD_DURATION measured)"
        echo "load average (1, 5, 15 min) at the start: $load_start; at the end: $(load_average)"
        echo
        echo "| pair | order | baseline req/s | with req/s | with / baseline | p99 ms baseline / with | failed requests | load average at the pair's start |"
        echo "|---|---|---|---|---|---|---|---|"
        printf '%s' "$rows"
        printf '| **all** | | median %.1f | median %.1f | **min %.3f, median %.3f, max %.3f** | median %.2f / %.2f | | |\n' \
            "$med_base" "$med_with" "$(min $ratios)" "$(median $ratios)" "$(max $ratios)" \
            "$(median ${p99_runs[base]})" "$(median ${p99_runs[with]})"
        echo
        printf 'Ratio of the median throughputs: %.3f. A ratio of 0.99 is 1%% fewer requests per second with the library.\n' \
            "$(bc -l <<<"$med_with / $med_base")"
    }
}

install_tools haproxy wrk curl bc
backend_build with
log "backend: $BACKEND_LABEL; work dir $WORK"
if [[ $MODE == overhead ]]; then
    [[ $OVERHEAD_BASELINE == without-jar ]] && backend_build without
    overhead
    exit 0
fi

free_port FRONT_PORT
free_port STATS_PORT
free_port PORT_A
free_port PORT_B
write_haproxy_config
: >"$WORK/table"
EXTENSION_OK=0
for run in $RUNS; do
    case $run in
        baseline) rolling baseline-off -Dflux.shutdown.enabled=false ;;
        extension)
            # shellcheck disable=SC2086 # EXTENSION_FLAGS is a list of flags
            rolling extension-on -Dflux.shutdown.enabled=true "-Dflux.shutdown.readiness-delay=$READINESS_DELAY" \
                $EXTENSION_FLAGS
            EXTENSION_OK=$RUN_OK ;;
        *) fail "unknown run '$run' in RUNS (baseline, extension)" ;;
    esac
done
print_table
[[ " $RUNS " == *" extension "* ]] || exit 0
if ((EXTENSION_OK == 0)); then
    KEEP_WORK=1
    fail "with the extension on, requests failed or a restart went wrong (see the table and the logs)"
fi
log "PASS: with the extension on, $((ROUNDS * 2)) restarts under load, no failed request"
