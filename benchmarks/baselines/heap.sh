#!/usr/bin/env bash
# The library's live heap in quarkus-sample after 1,000 and after 10,000 requests, and the whole live heap against
# the same sources built without the library's jar: `jcmd PID GC.class_histogram` (a full GC, then the live objects
# by class). The library's share is every class under dev.flux.shutdown. except the sample's own
# (dev.flux.shutdown.sample.), which includes the code ArC generates for the library's beans and any relocated
# package under dev.flux.shutdown.internal. Objects of JDK classes that the library holds (maps, atomics) are not
# in that sum: the whole heap's growth between the two points, with and without the jar, is what shows them.
# Each batch of requests: one in ten to a path that does not exist (404, which the library releases by another
# path than a matched request), the rest to FAST_PATH, over one keep-alive connection (curl's URL ranges).
# Prints markdown tables.
#
#   benchmarks/baselines/heap.sh                     both variants built first, then measured one after the other
#   BUILD=if-missing benchmarks/baselines/heap.sh    reuse the packaged jars if they exist
set -euo pipefail
BUILD=${BUILD:-always}
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/harness.sh
source "$HERE/../lib/harness.sh"

CHECKPOINTS=${CHECKPOINTS:-1000 10000}     # request counts at which the histogram is taken, ascending
MISSING_PATH=${MISSING_PATH:-/no-such-path}
LIBRARY_CLASSES='^dev\.flux\.shutdown\.'
SAMPLE_CLASSES='^dev\.flux\.shutdown\.sample\.'

# send PORT N: N requests, one in ten to MISSING_PATH (404), the rest to FAST_PATH (200); fails on any other status.
send() {
    local port=$1 n=$2 missing fast statuses
    missing=$((n / 10))
    fast=$((n - missing))
    local urls=() expected=""
    ((fast == 0)) || { urls+=("http://127.0.0.1:$port$FAST_PATH?n=[1-$fast]"); expected+="200:$fast "; }
    ((missing == 0)) || { urls+=("http://127.0.0.1:$port$MISSING_PATH?n=[1-$missing]"); expected+="404:$missing "; }
    statuses=$(curl -s --max-time 600 -w '\n%{http_code}\n' "${urls[@]}" | grep -E '^[0-9]{3}$' | sort | uniq -c \
        | awk '{ printf "%s:%s ", $2, $1 }')
    [[ $statuses == "$expected" ]] || fail "expected $expected, got $statuses"
}

# histogram VARIANT PID REQUESTS: the live-object histogram, kept as $WORK/VARIANT-REQUESTS.histo.
histogram() {
    jcmd "$2" GC.class_histogram >"$WORK/$1-$3.histo" || fail "jcmd $2 GC.class_histogram failed"
}

# Columns of a histogram line: rank, instances, bytes, class name (and module).
library_sum() { awk -v lib="$LIBRARY_CLASSES" -v sample="$SAMPLE_CLASSES" \
    '$4 ~ lib && $4 !~ sample { i += $2; b += $3 } END { printf "%d %d", i, b }' "$1"; }
total_sum() { awk '$1 == "Total" { printf "%d %d", $2, $3 }' "$1"; }

measure() {
    local variant=$1 port sent=0 target
    free_port port
    BACKEND_VARIANT=$variant start_instance "$variant" "$port"
    wait_until "$READY_BOUND" "readiness of the instance $variant flux-shutdown" ready "$port"
    for target in $CHECKPOINTS; do
        send "$port" $((target - sent))
        sent=$target
        histogram "$variant" "${PID[$variant]}" "$sent"
        echo "$sent $(load_average)" >>"$WORK/$variant.loads"
        log "$variant: $sent requests, library $(library_sum "$WORK/$variant-$sent.histo"), total $(total_sum "$WORK/$variant-$sent.histo")"
    done
    stop_instance "$variant"
}

install_tools curl bc
command -v jcmd >/dev/null || fail "jcmd (from the JDK) is not on the PATH"
backend_build with
backend_build without
log "backend: $BACKEND_LABEL; work dir $WORK"
load_start=$(load_average)
measure with
measure without

kib() { printf '%.1f' "$(bc -l <<<"$1 / 1024")"; }
first=${CHECKPOINTS%% *}
last=${CHECKPOINTS##* }
echo
echo "Live heap by \`jcmd <pid> GC.class_histogram\`; backend: $BACKEND_LABEL, code $(code_version);" \
    "$(java -version 2>&1 | head -1), JAVA_OPTS=\`$JAVA_OPTS\`"
echo "requests: 9 in 10 to $FAST_PATH, 1 in 10 to $MISSING_PATH (404), one keep-alive connection; load average" \
    "(1, 5, 15 min) at the start: $load_start; at the end: $(load_average)"
echo
echo "| build | requests | library objects | library KiB | whole live heap: objects | whole live heap KiB | load average |"
echo "|---|---|---|---|---|---|---|"
for variant in with without; do
    for target in $CHECKPOINTS; do
        read -r li lb <<<"$(library_sum "$WORK/$variant-$target.histo")"
        read -r ti tb <<<"$(total_sum "$WORK/$variant-$target.histo")"
        printf '| %s flux-shutdown | %s | %s | %s | %s | %s | %s |\n' "$variant" "$target" "$li" "$(kib "$lb")" "$ti" \
            "$(kib "$tb")" "$(awk -v t="$target" '$1 == t { print $2, $3, $4 }' "$WORK/$variant.loads")"
    done
done
echo
TOP=${TOP:-10}
echo "The library's classes with live objects, with flux-shutdown, after $first and after $last requests (the $TOP" \
    "largest after $last, then the rest summed):"
echo
echo "| class | objects after $first | bytes after $first | objects after $last | bytes after $last |"
echo "|---|---|---|---|---|"
awk -v lib="$LIBRARY_CLASSES" -v sample="$SAMPLE_CLASSES" '
    FNR == 1 { file++ }
    $4 ~ lib && $4 !~ sample { n[$4, file] = $2; b[$4, file] = $3; seen[$4] = 1 }
    END { for (c in seen) printf "%d\t%s\t%d\t%d\t%d\n", b[c, 2], c, n[c, 1], b[c, 1], n[c, 2] }' \
    "$WORK/with-$first.histo" "$WORK/with-$last.histo" | sort -t$'\t' -k1,1nr -k2,2 \
    | awk -F'\t' -v top="$TOP" '
        NR <= top { printf "| `%s` | %d | %d | %d | %d |\n", $2, $3, $4, $5, $1; next }
        { classes++; n1 += $3; b1 += $4; n2 += $5; b2 += $1 }
        END { if (classes) printf "| %d other classes | %d | %d | %d | %d |\n", classes, n1, b1, n2, b2 }'
echo
echo "Where the whole live heap differs most between the two builds after $last requests (bytes with minus" \
    "without, by class; the library's classes, the libraries it brings such as Jackson, and what they load):"
echo
echo "| class | objects with | objects without | bytes with − without |"
echo "|---|---|---|---|"
awk '
    FNR == 1 { file++ }
    $1 ~ /^[0-9]+:$/ { n[$4, file] = $2; b[$4, file] = $3; seen[$4] = 1 }
    END { for (c in seen) printf "%d\t%s\t%d\t%d\n", b[c, 1] - b[c, 2], c, n[c, 1], n[c, 2] }' \
    "$WORK/with-$last.histo" "$WORK/without-$last.histo" | sort -t$'\t' -k1,1nr -k2,2 \
    | awk -F'\t' -v top="$TOP" 'NR <= top { printf "| `%s` | %d | %d | %+d |\n", $2, $3, $4, $1 }'
