#!/usr/bin/env bash
# Throughput of quarkus-sample with flux-shutdown against the same sources built without the library's jar, one
# instance at a time, no load balancer: `benchmarks/rolling-restart/run.sh --overhead` with the settings of the
# baseline table in docs/proof.md. Both variants are built first (BUILD=if-missing to reuse packaged jars). Prints a
# markdown table: every pair, its ratio, the spread of the ratios, and the load average at each pair.
#
#   benchmarks/baselines/throughput.sh    6 alternating pairs, each run 5 s unmeasured + 20 s measured (~6 minutes)
#
# Every OVERHEAD_* knob of run.sh can be set in the environment (see benchmarks/rolling-restart/README.md).
set -euo pipefail
export BUILD=${BUILD:-always}
export OVERHEAD_BASELINE=${OVERHEAD_BASELINE:-without-jar}
export OVERHEAD_PAIRS=${OVERHEAD_PAIRS:-6}           # even: each order (baseline first, with first) equally often
export OVERHEAD_WARMUP=${OVERHEAD_WARMUP:-20s}
export OVERHEAD_RUN_WARMUP=${OVERHEAD_RUN_WARMUP:-5s}
export OVERHEAD_DURATION=${OVERHEAD_DURATION:-20s}
exec "$(cd "$(dirname "$0")" && pwd)/../rolling-restart/run.sh" --overhead
