#!/usr/bin/env bash
# Benchmark of the streaming map (not run in CI): `dyad code - --format jsonl --jobs N` over
# Reuters-21578 as JSON Lines on standard input (made by bench/reuters_jsonl.py), for the
# first 1,000 stories and for all of them; prints lines in and out, articles/s and peak
# memory (/usr/bin/time -v), then `dyad ingest` of the same JSON Lines file for comparison.
# Usage: bench/stream.sh [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${DYAD_SHARED:-../shared}
JOBS=${1:-$(nproc)}
cargo build --release --locked -q
DYAD=$PWD/target/release/dyad
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/reuters_jsonl.py "$SHARED/corpora/reuters21578" > "$WORK/all.jsonl"
head -1000 "$WORK/all.jsonl" > "$WORK/1000.jsonl"

measure() { # stdin file, command...
    local input=$1
    shift
    /usr/bin/time -v "$@" < "$input" 2> "$WORK/time.txt" > "$WORK/out.jsonl" || true
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/time.txt")
    peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    echo "$secs $peak_kb"
}

for input in 1000 all; do
    lines=$(wc -l < "$WORK/$input.jsonl")
    read -r secs kb < <(measure "$WORK/$input.jsonl" "$DYAD" code - --format jsonl --jobs "$JOBS")
    out=$(wc -l < "$WORK/out.jsonl")
    awk -v l="$lines" -v o="$out" -v s="$secs" -v kb="$kb" -v j="$JOBS" -v name="$input" 'BEGIN {
        printf "code --jobs %d, %s: %d lines in, %d out, %.1f s, %.0f articles/s, peak %.0f MB\n",
            j, name, l, o, s, o / s, kb / 1024 }'
done

lines=$(wc -l < "$WORK/all.jsonl")
read -r secs kb < <(measure /dev/null "$DYAD" ingest "$WORK/all.jsonl" --db "$WORK/a.db" --jobs "$JOBS" --quiet)
awk -v l="$lines" -v s="$secs" -v kb="$kb" -v j="$JOBS" 'BEGIN {
    printf "ingest --jobs %d, all: %d lines, %.1f s, %.0f articles/s, peak %.0f MB\n",
        j, l, s, l / s, kb / 1024 }'
