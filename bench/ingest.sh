#!/usr/bin/env bash
# Benchmark of `dyad ingest` (not run in CI): the Reuters-21578 corpus (22 .sgm.gz files,
# 21,578 stories, 18,762 distinct texts) into a fresh database. Prints articles per second,
# peak memory (/usr/bin/time -v), the database size, that a second ingest adds nothing, and
# that an ingest killed with SIGKILL and run again stores exactly the uninterrupted count.
# Usage: bench/ingest.sh [JOBS]   (needs sqlite3 or python3 to count rows)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${DYAD_SHARED:-../shared}
CORPUS=$SHARED/corpora/reuters21578
JOBS=${1:-$(nproc)}
cargo build --release --locked -q
DYAD=$PWD/target/release/dyad
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

count() {
    if command -v sqlite3 > /dev/null; then
        sqlite3 -readonly "$1" "SELECT count(*) FROM articles" 2> /dev/null || echo 0
    else
        python3 -c "import sqlite3,sys; print(sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True).execute('SELECT count(*) FROM articles').fetchone()[0])" "$1" 2> /dev/null || echo 0
    fi
}

echo "== fresh ingest of $CORPUS (--jobs $JOBS)"
# Exit code 1 is expected: one Reuters story (reut2-012, line 25983) has no text at all.
status=0
/usr/bin/time -v "$DYAD" ingest "$CORPUS"/reut2-*.sgm.gz --db "$WORK/a.db" --jobs "$JOBS" \
    2> "$WORK/time.txt" || status=$?
grep -E '^dyad:|failed' "$WORK/time.txt"
grep -E 'User time|System time|Percent of CPU' "$WORK/time.txt"
echo "exit status          $status"
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/time.txt")
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
stored=$(count "$WORK/a.db")
read_total=$(grep -o '[0-9]* articles coded' "$WORK/time.txt" | grep -o '^[0-9]*')
size=$(du -cb "$WORK"/a.db* | tail -1 | cut -f1)
awk -v s="$secs" -v n="$stored" -v c="$read_total" -v kb="$peak_kb" -v b="$size" 'BEGIN {
    printf "stored articles      %d (coded %d)\n", n, c
    printf "wall time            %.2f s\n", s
    printf "articles/s (stored)  %.0f\n", n / s
    printf "peak memory          %.0f MB\n", kb / 1024
    printf "database size        %.1f MB (%.1f KB per article)\n", b / 1e6, b / 1e3 / n
}'

echo "== the same corpus again"
start=$(date +%s.%N)
"$DYAD" ingest "$CORPUS"/reut2-*.sgm.gz --db "$WORK/a.db" --jobs "$JOBS" 2>&1 | grep '^dyad: 22' || true
again=$(count "$WORK/a.db")
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "second ingest        %.2f s\n", b - a }'
echo "stored after         $again (added $((again - stored)))"

echo "== kill -9 during ingest, then run again"
"$DYAD" ingest "$CORPUS"/reut2-*.sgm.gz --db "$WORK/b.db" --jobs "$JOBS" --quiet 2> /dev/null &
pid=$!
while [ "$(count "$WORK/b.db")" -lt $((stored / 2)) ]; do sleep 0.05; done
kill -9 "$pid"
wait "$pid" 2> /dev/null || true
at_kill=$(count "$WORK/b.db")
"$DYAD" ingest "$CORPUS"/reut2-*.sgm.gz --db "$WORK/b.db" --jobs "$JOBS" --quiet 2> /dev/null || true
after=$(count "$WORK/b.db")
echo "killed at            $at_kill stored"
echo "after the rerun      $after stored (uninterrupted: $stored)"
if [ "$after" -ne "$stored" ]; then
    echo "MISMATCH"
    exit 1
fi
echo "same count: ok"
