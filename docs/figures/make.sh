#!/usr/bin/env bash
# Draws the docs' figures from the measurements the docs themselves hold, so a picture can never disagree with its
# table: phases.svg from the JFR recording printed in docs/observability.md, propagation.svg from the pod-deletion
# rehearsal tables in docs/proof.md. Needs python3 (standard library only). Run from anywhere:
#   docs/figures/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v python3 >/dev/null || { echo "make.sh needs python3" >&2; exit 1; }
python3 "$here/figures.py" "$here/.."
