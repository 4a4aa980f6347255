#!/usr/bin/env bash
# Extraction benchmark: dyad and trafilatura on the same pages, one after the other on the
# same core, in one run. Prints both figures and the speed ratio. Not run in CI.
#
# Usage: bench/extract.sh [../shared/corpora/article-extraction-benchmark]
# Needs: a release build (cargo build --release) and `pip install trafilatura lxml_html_clean`.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/corpora/article-extraction-benchmark}
CORE=${CORE:-1}
cargo build --release --quiet
echo "== dyad (core $CORE)"
dyad=$(taskset -c "$CORE" target/release/dyad eval extract "$DIR")
echo "$dyad"
echo "== trafilatura $(python3 -c 'import trafilatura; print(trafilatura.__version__)') (core $CORE)"
traf=$(taskset -c "$CORE" python3 bench/trafilatura_extract.py "$DIR")
echo "$traf"
ours=$(echo "$dyad" | awk '/^pages\/s/ {print $2}')
theirs=$(echo "$traf" | awk '/^pages\/s/ {print $2}')
echo "== speed ratio dyad / trafilatura: $(python3 -c "print(f'{$ours / $theirs:.1f}x')")"
