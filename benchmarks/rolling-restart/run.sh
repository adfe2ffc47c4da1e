#!/usr/bin/env bash
# Proof under load: rolling restarts behind HAProxy lose no request with flux-shutdown, and the extension costs
# (almost) nothing. See README.md beside this file.
#
#   run.sh             full proof: baseline (flux.shutdown.enabled=false), then the extension on; 10 restarts each
#   run.sh --short     the extension on only, 2 restarts, for CI (about 2 minutes; RUNS="baseline extension" for both)
#   run.sh --overhead  one instance, no HAProxy: extension on vs off, alternating runs, throughput ratio and p99
#
# Exits non-zero if, with the extension on, any request failed (non-2xx or socket error), any restart did not
# complete, or an instance did not exit with code 0. The baseline's numbers are printed, never judged.
# Everything binds to 127.0.0.1; every wait is bounded; every process started here is stopped on exit.
set -euo pipefail

# ==== The backend under test: switch it here ======================================================================
# BACKEND_LABEL names it in the output. backend_build builds it if needed (run from the repository root).
# backend_start PORT FLAGS... must `exec` one JVM serving on 127.0.0.1:PORT with the extra -D flags FLAGS (the
# flux.shutdown.* settings); the harness runs it in the background and signals that JVM.
BACKEND_LABEL="quarkus-sample (packaged quarkus-run.jar, Quarkus 3.33.2)"
HEALTH_PATH="/q/health/ready"
FAST_PATH="/hello"
SLOW_PATH="/report?ms=200"
backend_build() {
    if [[ ! -f quarkus-sample/target/quarkus-app/quarkus-run.jar ]]; then
        ./mvnw -B -q package -pl quarkus-sample -am -DskipTests
    fi
}
backend_start() {
    local port=$1
    shift
    # each instance keeps its own data (the H2 file, the audit file, checkpoints), as two pods would
    local data="$WORK/sample-$port"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    exec java $JAVA_OPTS "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
        -Dsample.data.dir="$data" -Dflux.shutdown.state.dir="$data/flux-state" \
        -jar quarkus-sample/target/quarkus-app/quarkus-run.jar
}
# The Weld SE test app (Jersey on Grizzly) serves the same purpose; to measure it instead:
#   HEALTH_PATH=/health/ready FAST_PATH=/hello SLOW_PATH=/slow?ms=200, build with
#   ./mvnw -B -q package -pl tck-tests -am -DskipTests and start
#   java ... -Dtck.http.port=PORT -cp "tck-tests/target/classes:$(cat tck-tests/target/app-classpath.txt)" \
#       dev.flux.shutdown.tck.app.Main
# ==================================================================================================================

# Knobs (environment). Load: modest, the machine is shared.
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SLOW_EVERY=${SLOW_EVERY:-10}               # one request in SLOW_EVERY goes to SLOW_PATH
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}            # a response slower than this counts as a wrk timeout error
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
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
OVERHEAD_PAIRS=${OVERHEAD_PAIRS:-5}
OVERHEAD_WARMUP=${OVERHEAD_WARMUP:-20s}
OVERHEAD_DURATION=${OVERHEAD_DURATION:-5s}
OVERHEAD_SLOW_EVERY=${OVERHEAD_SLOW_EVERY:-0}  # fast requests only: the per-request cost is most visible
# Bounds of every wait, in seconds.
READY_BOUND=${READY_BOUND:-120}
EXIT_BOUND=${EXIT_BOUND:-90}
LB_BOUND=${LB_BOUND:-30}

RUNS=${RUNS:-}                             # which rolling runs, in order; default: both, --short: extension
KEEP_WORK=${KEEP_WORK:-0}                  # 1: keep the logs and HAProxy config (always kept on failure)
HAPROXY_LOG_ALL=${HAPROXY_LOG_ALL:-0}      # 1: HAProxy logs every request, not only the abnormal ones

MODE=rolling
case "${1:-}" in
    "") ;;
    --short) ROUNDS=1; RUNS=${RUNS:-extension} ;;
    --overhead) MODE=overhead ;;
    *) echo "usage: $0 [--short | --overhead]" >&2; exit 2 ;;
esac

RUNS=${RUNS:-baseline extension}
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/flux-rolling.XXXXXX")
declare -A PID=()   # name -> pid of every process this script started and has not seen end

log() { printf '%s %s\n' "$(date +%T.%3N)" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

alive() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ $state != Z* ]]
}

# Stops what this script started, by pid: TERM, a bounded wait, then KILL.
cleanup() {
    local rc=$? name
    trap - EXIT INT TERM
    for name in "${!PID[@]}"; do kill -TERM "${PID[$name]}" 2>/dev/null || true; done
    for _ in $(seq 1 100); do
        local any=0
        for name in "${!PID[@]}"; do alive "${PID[$name]}" && any=1; done
        ((any)) || break
        sleep 0.1
    done
    for name in "${!PID[@]}"; do kill -KILL "${PID[$name]}" 2>/dev/null || true; done
    if ((rc != 0 || KEEP_WORK)); then
        echo "logs kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

install_tools() {
    local missing=()
    command -v haproxy >/dev/null || missing+=(haproxy)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    ((${#missing[@]} == 0)) && return
    log "installing ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo -n)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# free_port VAR: sets VAR to a port on 127.0.0.1 that nothing listens on and this script has not handed out.
TAKEN=" "
free_port() {
    local -n result=$1
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 30000))
        [[ $TAKEN == *" $p "* ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            TAKEN+="$p "
            result=$p
            return
        fi
    done
    fail "no free port found"
}

# wait_until SECONDS WHAT COMMAND...: polls COMMAND every 100ms until it succeeds, or fails the run.
wait_until() {
    local bound=$1 what=$2 deadline
    shift 2
    deadline=$((SECONDS + bound))
    until "$@"; do
        ((SECONDS < deadline)) || fail "$what: not within ${bound}s"
        sleep 0.1
    done
}

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1$HEALTH_PATH"; }

# start_instance NAME PORT FLAGS...: starts a backend JVM, appending its output to $WORK/NAME.log.
start_instance() {
    local name=$1 port=$2
    shift 2
    echo "---- start $(date +%T.%3N) ----" >>"$WORK/$name.log"
    backend_start "$port" "$@" >>"$WORK/$name.log" 2>&1 &
    PID[$name]=$!
}

# stop_instance NAME: SIGTERM, waits for the exit; sets EXIT_CODE to the JVM's exit code.
EXIT_CODE=0
stop_instance() {
    local name=$1 pid=${PID[$1]}
    kill -TERM "$pid"
    wait_until "$EXIT_BOUND" "exit of $name after SIGTERM" eval "! alive $pid"
    EXIT_CODE=0
    wait "$pid" || EXIT_CODE=$?
    unset "PID[$name]"
}

haproxy_state() {
    curl -fs --max-time 2 "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v s="$1" '$1 == "app" && $2 == s { print $18 }'
}
lb_up() { [[ $(haproxy_state "$1") == UP ]]; }

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

frontend front
    bind 127.0.0.1:$FRONT_PORT
    default_backend app

backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri $HEALTH_PATH
    http-check expect status 200
    default-server $HAPROXY_CHECK
    server a 127.0.0.1:$PORT_A check
    server b 127.0.0.1:$PORT_B check

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
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

# Ends the load early (wrk prints its results on SIGINT) or waits for its duration; bounded either way.
finish_load() {
    local interrupt=$1 pid=${PID[wrk]}
    ((interrupt)) && kill -INT "$pid"
    wait_until "$EXIT_BOUND" "end of wrk" eval "! alive $pid"
    wait "$pid" || true
    unset "PID[wrk]"
}

# field FILE KEY: a value from the FLUX-LOAD line that mix.lua prints.
field() { grep -o "FLUX-LOAD .*" "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

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
    kill -TERM "${PID[haproxy]}"
    wait_until "$EXIT_BOUND" "exit of HAProxy" eval "! alive ${PID[haproxy]}"
    unset "PID[haproxy]"

    local wrk_out="$WORK/$name.wrk"
    grep -q "FLUX-LOAD" "$wrk_out" || { cat "$wrk_out"; fail "$name: wrk printed no result"; }
    local requests non2xx connect read write timeout duration p99 statuses
    requests=$(field "$wrk_out" requests)
    non2xx=$(field "$wrk_out" non2xx)
    connect=$(field "$wrk_out" connect)
    read=$(field "$wrk_out" read)
    write=$(field "$wrk_out" write)
    timeout=$(field "$wrk_out" timeout)
    duration=$(field "$wrk_out" duration_us)
    p99=$(field "$wrk_out" p99_us)
    statuses=$(field "$wrk_out" statuses)
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

# The overhead: two instances side by side on their own ports, extension off and on, both warmed up; then short
# runs of the same load against one of them at a time, alternating (off,on then on,off, ...), so that the drift of
# a shared machine weighs on both alike. Reports each run, then the medians and the ratio of the median throughput.
overhead() {
    local pair order mode port out rps p99 errors
    local ratios=""
    local -A ports=() rps_runs=() p99_runs=() pair_rps=()
    free_port "ports[off]"
    free_port "ports[on]"
    start_instance overhead-off "${ports[off]}" -Dflux.shutdown.enabled=false
    start_instance overhead-on "${ports[on]}" -Dflux.shutdown.enabled=true
    wait_until "$READY_BOUND" "readiness of the off instance" ready "${ports[off]}"
    wait_until "$READY_BOUND" "readiness of the on instance" ready "${ports[on]}"
    for mode in off on; do
        run_load "overhead-$mode-warmup" "http://127.0.0.1:${ports[$mode]}" "$OVERHEAD_WARMUP" "$OVERHEAD_SLOW_EVERY"
        finish_load 0
    done
    for pair in $(seq 1 "$OVERHEAD_PAIRS"); do
        if ((pair % 2)); then order="off on"; else order="on off"; fi
        for mode in $order; do
            port=${ports[$mode]}
            run_load "overhead-$mode-$pair" "http://127.0.0.1:$port" "$OVERHEAD_DURATION" "$OVERHEAD_SLOW_EVERY"
            finish_load 0
            out="$WORK/overhead-$mode-$pair.wrk"
            grep -q FLUX-LOAD "$out" || { cat "$out"; fail "wrk printed no result"; }
            rps=$(bc -l <<<"$(field "$out" requests) * 1000000 / $(field "$out" duration_us)")
            p99=$(bc -l <<<"$(field "$out" p99_us) / 1000")
            errors=$(($(field "$out" non2xx) + $(field "$out" connect) + $(field "$out" read) \
                + $(field "$out" write) + $(field "$out" timeout)))
            printf 'pair %d  %-3s  %9.1f req/s  p99 %8.2f ms  failed requests %s\n' "$pair" "$mode" "$rps" "$p99" "$errors"
            rps_runs[$mode]+="$rps "
            p99_runs[$mode]+="$p99 "
            pair_rps[$mode]=$rps
        done
        ratios+="$(bc -l <<<"${pair_rps[on]} / ${pair_rps[off]}") "
    done
    stop_instance overhead-off
    stop_instance overhead-on
    local med_off med_on
    med_off=$(median ${rps_runs[off]})
    med_on=$(median ${rps_runs[on]})
    echo
    echo "Overhead, one instance at a time, no load balancer, backend: $BACKEND_LABEL"
    echo "load: ${WRK_CMD[*]} (against each instance in turn, $OVERHEAD_PAIRS pairs, after a $OVERHEAD_WARMUP warm-up each)"
    printf 'median throughput: off %.1f req/s, on %.1f req/s; ratio on/off %.3f\n' "$med_off" "$med_on" \
        "$(bc -l <<<"$med_on / $med_off")"
    printf 'ratio on/off within each pair: %s(min %.3f, max %.3f: the noise of this machine)\n' \
        "$(printf '%.3f ' $ratios)" "$(printf '%s\n' $ratios | sort -g | head -1)" "$(printf '%s\n' $ratios | sort -g | tail -1)"
    printf 'median p99: off %.2f ms, on %.2f ms\n' "$(median ${p99_runs[off]})" "$(median ${p99_runs[on]})"
}

# median NUMBERS...: the median (the mean of the middle two for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

install_tools
backend_build
log "backend: $BACKEND_LABEL; work dir $WORK"
if [[ $MODE == overhead ]]; then
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
