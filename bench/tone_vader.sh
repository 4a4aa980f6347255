#!/usr/bin/env bash
# Tone check: dyad's per-sentence compound against Python's vaderSentiment on the first 500
# sentences (of 8 words or more) of BBC politics articles, split by dyad. Not run in CI.
#
# Usage: bench/tone_vader.sh [../shared/corpora/bbc-news/politics]
# Needs: a release build and `pip install vaderSentiment==3.3.2` (a venv: VENV=/tmp/vader).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/corpora/bbc-news/politics}
PY=${VENV:-/tmp/vader}/bin/python
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cargo build --release --quiet --example tone_sentences
target/release/dyad code $(ls "$DIR"/*.txt | head -80) --format jsonl > "$TMP/coded.jsonl"
python3 -c '
import json, sys
n = 0
for line in sys.stdin:
    d = json.loads(line)
    t = d["text"]
    for s in d["sentences"]:
        text = t[s["start"]:s["end"]].replace("\n", " ")
        if len(text.split()) >= 8:
            print(text)
            n += 1
            if n == 500:
                sys.exit(0)
' < "$TMP/coded.jsonl" > "$TMP/sentences.txt"
target/release/examples/tone_sentences < "$TMP/sentences.txt" > "$TMP/ours.txt"
"$PY" bench/tone_vader.py "$TMP/sentences.txt" "$TMP/ours.txt"
