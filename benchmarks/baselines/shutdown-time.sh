#!/usr/bin/env bash
# Idle SIGTERM-to-exit time of quarkus-sample with flux-shutdown (readiness-delay=0s) and of the same sources built
# without the library's jar: each run starts a fresh instance, waits for readiness, serves one request, stays idle
# for IDLE_SECONDS, then gets a real SIGTERM; the time is from the instant the signal is sent to the instant the
# process has exited (bash's `wait` on its child). Runs alternate (with, without, then without, with, ...).
# Prints a markdown table: min, median and max of each, every run's time, exit codes and load averages.
#
#   benchmarks/baselines/shutdown-time.sh            10 runs of each (REPEATS), both variants built first
#   BUILD=if-missing benchmarks/baselines/shutdown-time.sh   reuse the packaged jars if they exist
set -euo pipefail
BUILD=${BUILD:-always}
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

REPEATS=${REPEATS:-10}
IDLE_SECONDS=${IDLE_SECONDS:-2}            # idle time between the one request and SIGTERM
WITH_FLAGS=${WITH_FLAGS:--Dflux.shutdown.readiness-delay=0s}

# time_shutdown VARIANT: starts one instance, SIGTERM when idle; appends "ms exit-code load" to $WORK/VARIANT.
time_shutdown() {
    local variant=$1 port rc load flags=()
    [[ $variant == with ]] && read -ra flags <<<"$WITH_FLAGS"
    free_port port
    BACKEND_VARIANT=$variant start_instance "$variant" "$port" "${flags[@]}"
    wait_until "$READY_BOUND" "readiness of the instance $variant flux-shutdown" ready "$port"
    curl -fs -o /dev/null --max-time 10 "http://127.0.0.1:$port$FAST_PATH" || fail "$variant: $FAST_PATH failed"
    sleep "$IDLE_SECONDS"
    load=$(load_average)
    sigterm_exit "$variant"
    local ms=$EXIT_MS
    rc=$EXIT_RC
    # the library's own account of its phases (FLUX-0012), from this run's log; "-" without the library
    local phases
    # ("FLUX-0012 [label]Shutdown complete in 88ms (...)" or "... in 1.5s (...)"), in milliseconds
    phases=$(grep -o 'FLUX-0012 .*Shutdown [a-z]* in [0-9.]*m\?s ' "$WORK/$variant.log" | tail -1 \
        | awk '{ d = $(NF); if (d ~ /ms$/) print d + 0; else print d * 1000 }') || true
    [[ $variant == with ]] || phases=-
    log "$(printf '%-7s SIGTERM -> exit %8.1f ms, exit code %s, phases %s ms, load %s' "$variant" "$ms" "$rc" \
        "${phases:-?}" "$load")"
    echo "$ms $rc ${phases:-?} $load" >>"$WORK/$variant"
}

install_tools curl bc
backend_build with
backend_build without
log "backend: $BACKEND_LABEL; work dir $WORK"
load_start=$(load_average)
for i in $(seq 1 "$REPEATS"); do
    if ((i % 2)); then order="with without"; else order="without with"; fi
    for variant in $order; do time_shutdown "$variant"; done
done

echo
echo "Idle SIGTERM-to-exit time, $REPEATS runs of each, alternating; backend: $BACKEND_LABEL, code $(code_version)"
echo "$(java -version 2>&1 | head -1); $(nproc) cores; with flux-shutdown: \`$WITH_FLAGS\`; each run: a fresh" \
    "instance, readiness UP, one request to $FAST_PATH, ${IDLE_SECONDS}s idle, then SIGTERM"
echo "load average (1, 5, 15 min) at the start: $load_start; at the end: $(load_average)"
echo
echo "| build | runs | min ms | median ms | max ms | exit codes | every run, ms (in order) | of which the library's phases (FLUX-0012), ms | 1-min load average at the runs |"
echo "|---|---|---|---|---|---|---|---|---|"
for variant in with without; do
    times=$(cut -d' ' -f1 "$WORK/$variant")
    # shellcheck disable=SC2086 # word lists
    printf '| %s flux-shutdown | %d | %.1f | %.1f | %.1f | %s | %s | %s | %s |\n' "$variant" "$REPEATS" "$(min $times)" \
        "$(median $times)" "$(max $times)" "$(cut -d' ' -f2 "$WORK/$variant" | sort | uniq -c | awk '{ printf "%s%s × %s", sep, $2, $1; sep = ", " }')" \
        "$(printf '%.0f ' $times | sed 's/ $//')" "$(cut -d' ' -f3 "$WORK/$variant" | paste -sd' ')" \
        "$(min $(cut -d' ' -f4 "$WORK/$variant"))–$(max $(cut -d' ' -f4 "$WORK/$variant"))"
done
