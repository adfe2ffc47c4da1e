# shellcheck shell=bash
# What the benchmark scripts share: the backend under test (built with and without the library's jar), starting
# and stopping its JVMs by pid, bounded waits, and the clean-up of everything a script started. Sourced by
# benchmarks/rolling-restart/run.sh and benchmarks/baselines/*.sh, after `set -euo pipefail`; it changes to the
# repository root and makes $WORK, a temporary directory removed on exit (kept on failure or with KEEP_WORK=1).

# ==== The backend under test: switch it here ======================================================================
# BACKEND_LABEL names it in the output. backend_build builds the variant named by $1 (with: the service as users
# build it, with the library; without: the same sources without the library's jar), unless it is already built and
# BUILD=if-missing. backend_start PORT FLAGS... must `exec` one JVM serving on 127.0.0.1:PORT with the extra -D
# flags FLAGS (the flux.shutdown.* settings), of the variant named by $BACKEND_VARIANT (default: with); the scripts
# run it in the background and signal that JVM.
BACKEND_LABEL="quarkus-sample (packaged quarkus-run.jar, Quarkus 3.33.2)"
HEALTH_PATH="/q/health/ready"
FAST_PATH="/hello"
SLOW_PATH="/report?ms=200"
declare -A BACKEND_JAR=(
    [with]=quarkus-sample/target/quarkus-app/quarkus-run.jar
    # -Dwithout-flux-shutdown: see the profile of that name in quarkus-sample/pom.xml
    [without]=quarkus-sample/target/without-flux-shutdown/quarkus-app/quarkus-run.jar
)
backend_build() {
    local variant=${1:-with}
    [[ $BUILD == if-missing && -f ${BACKEND_JAR[$variant]} ]] && return
    log "building quarkus-sample $variant flux-shutdown"
    if [[ $variant == with ]]; then
        ./mvnw -B -q package -pl quarkus-sample -am -DskipTests
    else
        ./mvnw -B -q package -pl quarkus-sample -am -Dwithout-flux-shutdown
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
        -jar "${BACKEND_JAR[${BACKEND_VARIANT:-with}]}"
}
# The Weld SE test app (Jersey on Grizzly) serves the same purpose (with the library only); to measure it instead:
#   HEALTH_PATH=/health/ready FAST_PATH=/hello SLOW_PATH=/slow?ms=200, build with
#   ./mvnw -B -q package -pl tck-tests -am -DskipTests and start
#   java ... -Dtck.http.port=PORT -cp "tck-tests/target/classes:$(cat tck-tests/target/app-classpath.txt)" \
#       dev.flux.shutdown.tck.app.Main
# ==================================================================================================================

BUILD=${BUILD:-if-missing}                 # if-missing: build a variant only if its jar is absent; always: build
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
READY_BOUND=${READY_BOUND:-120}            # bounds of every wait, in seconds
EXIT_BOUND=${EXIT_BOUND:-90}
KEEP_WORK=${KEEP_WORK:-0}                  # 1: keep the logs (always kept on failure)

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/flux-bench.XXXXXX")
declare -A PID=()   # name -> pid of every process the script started and has not seen end

log() { printf '%s %s\n' "$(date +%T.%3N)" "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

alive() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ $state != Z* ]]
}

# Stops what the script started, by pid: TERM, a bounded wait, then KILL.
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

# install_tools TOOL...: installs the Debian packages of the same names that are missing.
install_tools() {
    local missing=() tool
    for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    ((${#missing[@]} == 0)) && return
    log "installing ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo -n)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# free_port VAR: sets VAR to a port on 127.0.0.1 that nothing listens on and this script has not handed out. The
# ports lie below Linux's ephemeral range (32768 and up by default), which the load's own client connections use:
# a port there may be free when chosen and taken by an outgoing connection before the server binds it.
TAKEN=" "
free_port() {
    local -n result=$1
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 12000))
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

# start_instance NAME PORT FLAGS...: starts a backend JVM of $BACKEND_VARIANT, appending its output to
# $WORK/NAME.log.
start_instance() {
    local name=$1 port=$2
    shift 2
    echo "---- start $(date +%T.%3N) ----" >>"$WORK/$name.log"
    backend_start "$port" "$@" >>"$WORK/$name.log" 2>&1 &
    PID[$name]=$!
}

# start_listening NAME FLAGS...: starts an instance on a free port and waits until it is ready; sets LISTENING_PORT.
# A port found free may be taken by another process's outgoing connection before the instance binds it (the
# machine is shared): then the instance exits, and another port is tried.
LISTENING_PORT=0
start_listening() {
    local name=$1 attempt
    shift
    for attempt in 1 2 3; do
        free_port LISTENING_PORT
        start_instance "$name" "$LISTENING_PORT" "$@"
        ready_or_gone() { ready "$LISTENING_PORT" || ! alive "${PID[$name]}"; }
        wait_until "$READY_BOUND" "readiness of $name" ready_or_gone
        if alive "${PID[$name]}"; then
            return
        fi
        wait "${PID[$name]}" || true
        unset "PID[$name]"
        log "$name did not start on port $LISTENING_PORT (attempt $attempt); trying another port"
    done
    fail "$name did not start; see $WORK/$name.log"
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

# HAProxy in front of two instances, a on $PORT_A and b on $PORT_B, with its stats page on $STATS_PORT.
# haproxy_routes DEFAULT_SERVER: the frontend on $FRONT_PORT, the backend with health checks on the readiness
# endpoint (DEFAULT_SERVER: the check's timing, e.g. "inter 200ms fall 1 rise 2") and the stats page, as
# haproxy.cfg sections.
haproxy_routes() {
    cat <<EOF
frontend front
    bind 127.0.0.1:$FRONT_PORT
    default_backend app

backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri $HEALTH_PATH
    http-check expect status 200
    default-server $1
    server a 127.0.0.1:$PORT_A check
    server b 127.0.0.1:$PORT_B check

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
EOF
}

# haproxy_state SERVER: the state of server a or b as HAProxy's stats page shows it (UP, DOWN, ...).
haproxy_state() {
    curl -fs --max-time 2 "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v s="$1" '$1 == "app" && $2 == s { print $18 }'
}
lb_up() { [[ $(haproxy_state "$1") == UP ]]; }

# Stops the HAProxy started as PID[haproxy]: SIGTERM and a bounded wait for its exit.
stop_haproxy() {
    kill -TERM "${PID[haproxy]}"
    wait_until "$EXIT_BOUND" "exit of HAProxy" eval "! alive ${PID[haproxy]}"
    unset "PID[haproxy]"
}

# Ends the load started as PID[wrk] early (wrk prints its results on SIGINT) or waits for its duration; bounded
# either way.
finish_load() {
    local interrupt=$1 pid=${PID[wrk]}
    ((interrupt)) && kill -INT "$pid"
    wait_until "$EXIT_BOUND" "end of wrk" eval "! alive $pid"
    wait "$pid" || true
    unset "PID[wrk]"
}

# field FILE KEY: a value from the FLUX-LOAD line that rolling-restart/mix.lua prints.
field() { grep -o "FLUX-LOAD .*" "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# load_result FILE NAME: reads the FLUX-LOAD line of wrk's output FILE (fails the run NAME if there is none) into
# requests, non2xx, connect, read, write, timeout, duration (us), p99 (us) and statuses: declare them local first.
load_result() {
    local out=$1 name=$2
    grep -q "FLUX-LOAD" "$out" || { cat "$out"; fail "$name: wrk printed no result"; }
    # shellcheck disable=SC2034 # the caller's variables
    {
        requests=$(field "$out" requests)
        non2xx=$(field "$out" non2xx)
        connect=$(field "$out" connect)
        read=$(field "$out" read)
        write=$(field "$out" write)
        timeout=$(field "$out" timeout)
        duration=$(field "$out" duration_us)
        p99=$(field "$out" p99_us)
        statuses=$(field "$out" statuses)
    }
}

# median NUMBERS...: the median (the mean of the middle two for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
min() { printf '%s\n' "$@" | sort -g | head -1; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }

# The 1-, 5- and 15-minute load averages, e.g. "0.52 0.40 0.31": the machine is shared, so every measurement
# says how busy it was.
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# What was measured: the commit, and whether the work tree had changes.
code_version() {
    local rev
    rev=$(git rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
    git diff --quiet HEAD 2>/dev/null && echo "$rev" || echo "$rev + uncommitted changes"
}

# sigterm_exit NAME: sends SIGTERM to instance NAME (of start_instance) and waits for it to exit; kills it and fails
# the run if it still runs after EXIT_BOUND seconds. Sets EXIT_MS (SIGTERM to exit, ms) and EXIT_RC (its exit code).
sigterm_exit() {
    local name=$1 pid=${PID[$1]} watchdog t0 t1 rc=0
    (sleep "$EXIT_BOUND" && kill -KILL "$pid" 2>/dev/null) &
    watchdog=$!
    t0=$EPOCHREALTIME
    kill -TERM "$pid"
    wait "$pid" || rc=$?
    t1=$EPOCHREALTIME
    kill "$watchdog" 2>/dev/null || true
    wait "$watchdog" 2>/dev/null || true
    unset "PID[$name]"
    ((rc != 137)) || fail "$name: no exit within ${EXIT_BOUND}s of SIGTERM (see $WORK/$name.log)"
    EXIT_MS=$(bc -l <<<"(${t1/./} - ${t0/./}) / 1000")
    EXIT_RC=$rc
}
