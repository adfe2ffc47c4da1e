#!/usr/bin/env bash
# What seeing a shutdown costs: the same code with the observability on and off, alternating in one run (the
# machine is shared with other builds, so only figures taken side by side compare).
#   1. The filter pair's JMH figure (FilterPairBenchmark.filterPair): in a JVM with a JFR recording running (the JDK's
#      default settings, which enable the library's dev.flux.shutdown.* events) and in one without. The request path
#      has no observability code to switch: this shows that a recording costs it nothing measurable.
#   2. The idle SIGTERM-to-exit time of the packaged quarkus-sample (with the library, readiness-delay=0s): "on" has
#      the library's meters in Micrometer (the sample has the Prometheus registry), a JFR recording written at exit and
#      the JSON report (flux.shutdown.report.format=json); "off" has none of them (flux.shutdown.metrics.enabled=false,
#      no recording, the text report).
# Prints two markdown tables. REPEATS (default 6) rounds of each; BUILD=always rebuilds the sample and benchmarks.
#
#   benchmarks/baselines/observability-cost.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

REPEATS=${REPEATS:-6}
IDLE_SECONDS=${IDLE_SECONDS:-2}
BASE_FLAGS=(-Dflux.shutdown.readiness-delay=0s)
JMH_ARGS=(-t 1 -f 1 -wi 10 -w 200ms -i 40 -r 200ms)

install_tools curl bc
backend_build with
if [[ $BUILD == always || ! -f benchmarks/target/benchmarks.jar ]]; then
    log "building the benchmarks"
    ./mvnw -B -q package -pl extension,benchmarks -am -DskipTests
fi

# jmh_run VARIANT: one JMH run of the filter pair; appends "ns error" to $WORK/jmh-VARIANT.
jmh_run() {
    local variant=$1 extra=()
    [[ $variant == on ]] && extra=(-jvmArgsAppend "-XX:StartFlightRecording=filename=$WORK/jmh.jfr")
    # other JMH runs on a shared machine hold /tmp/jmh.lock; they only add noise, which alternation spreads evenly
    java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar "${JMH_ARGS[@]}" "${extra[@]}" -rf csv -rff "$WORK/jmh.csv" \
        'FilterPairBenchmark.filterPair$' >"$WORK/jmh-$variant.log" 2>&1 || fail "JMH $variant failed"
    local line
    line=$(tail -1 "$WORK/jmh.csv" | tr -d '"')
    log "JMH filterPair, observability $variant: $(cut -d, -f5 <<<"$line") ± $(cut -d, -f6 <<<"$line") ns/op"
    echo "$(cut -d, -f5 <<<"$line") $(cut -d, -f6 <<<"$line")" >>"$WORK/jmh-$variant"
}

# time_shutdown VARIANT N: starts one instance, SIGTERM when idle; appends "ms exit-code" to $WORK/exit-VARIANT.
time_shutdown() {
    local variant=$1 n=$2 port rc flags=("${BASE_FLAGS[@]}")
    if [[ $variant == on ]]; then
        flags+=("-XX:StartFlightRecording=dumponexit=true,filename=$WORK/exit-$n.jfr" -Dflux.shutdown.report.format=json)
    else
        flags+=(-Dflux.shutdown.metrics.enabled=false)
    fi
    free_port port
    start_instance "$variant" "$port" "${flags[@]}"
    wait_until "$READY_BOUND" "readiness of the instance, observability $variant" ready "$port"
    curl -fs -o /dev/null --max-time 10 "http://127.0.0.1:$port$FAST_PATH" || fail "$variant: $FAST_PATH failed"
    sleep "$IDLE_SECONDS"
    sigterm_exit "$variant"
    local ms=$EXIT_MS phases
    rc=$EXIT_RC
    # the library's own account of its phases: the JSON report's totalMs, or the text summary (FLUX-0012)
    if [[ $variant == on ]]; then
        phases=$(grep -o '"totalMs":[0-9.]*' "$WORK/on.log" | tail -1 | cut -d: -f2)
    else
        phases=$(grep -o 'FLUX-0012 .*Shutdown [a-z]* in [0-9.]*m\?s' "$WORK/off.log" | tail -1 \
            | awk '{ d = $(NF); if (d ~ /ms$/) print d + 0; else print d * 1000 }')
    fi
    log "$(printf 'observability %-3s SIGTERM -> exit %8.1f ms, exit code %s, phases %s ms, load %s' "$variant" \
        "$ms" "$rc" "${phases:-?}" "$(load_average)")"
    echo "$ms $rc ${phases:-?}" >>"$WORK/exit-$variant"
}

load_start=$(load_average)
for i in $(seq 1 "$REPEATS"); do
    if ((i % 2)); then order="on off"; else order="off on"; fi
    for variant in $order; do jmh_run "$variant"; done
    for variant in $order; do time_shutdown "$variant" "$i"; done
done
grep -q 'FLUX-0800 {' "$WORK/on.log" || fail "the JSON report is missing from the runs with observability on"
grep -q 'FLUX-0802 .*Micrometer' "$WORK/on.log" || fail "the runs with observability on have no meters in Micrometer"
if grep -q 'FLUX-0802 .*Micrometer' "$WORK/off.log"; then fail "the runs with observability off have meters"; fi

echo
echo "Observability on vs off, $REPEATS alternating rounds; code $(code_version); $(java -version 2>&1 | head -1);" \
    "$(nproc) cores; load average (1, 5, 15 min) at the start: $load_start; at the end: $(load_average)"
echo
echo "| JMH \`filterPair\`, 1 thread (${JMH_ARGS[*]}) | runs | min ns/op | median ns/op | max ns/op | every run, ns/op (± error) |"
echo "|---|---|---|---|---|---|"
for variant in off on; do
    values=$(cut -d' ' -f1 "$WORK/jmh-$variant")
    # shellcheck disable=SC2086 # word lists
    printf '| observability %s | %d | %.1f | %.1f | %.1f | %s |\n' "$variant" "$REPEATS" "$(min $values)" \
        "$(median $values)" "$(max $values)" "$(awk '{ printf "%s%.1f ± %.1f", sep, $1, $2; sep = ", " }' "$WORK/jmh-$variant")"
done
echo
echo "| idle SIGTERM-to-exit, quarkus-sample | runs | min ms | median ms | max ms | exit codes | every run, ms | the library's phases (FLUX-0012 / totalMs): median ms | every run, ms |"
echo "|---|---|---|---|---|---|---|---|---|"
for variant in off on; do
    times=$(cut -d' ' -f1 "$WORK/exit-$variant")
    phases=$(cut -d' ' -f3 "$WORK/exit-$variant")
    # shellcheck disable=SC2086 # word lists
    printf '| observability %s | %d | %.1f | %.1f | %.1f | %s | %s | %.0f | %s |\n' "$variant" "$REPEATS" "$(min $times)" \
        "$(median $times)" "$(max $times)" "$(cut -d' ' -f2 "$WORK/exit-$variant" | sort | uniq -c | awk '{ printf "%s%s × %s", sep, $2, $1; sep = ", " }')" \
        "$(printf '%.0f ' $times | sed 's/ $//')" "$(median $phases)" "$(printf '%.0f ' $phases | sed 's/ $//')"
done
