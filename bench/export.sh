#!/usr/bin/env bash
# Checks of `dyad export` on a real database (not run in CI): GDELT rows have exactly 61
# columns and mentions 16, every format has as many events as `dyad events` lists, and the
# Parquet folder read by DuckDB or pyarrow (when the Python at $DYAD_PYTHON, else python3, has
# one) counts the same rows. Prints the counts and each export's time.
# Usage: bench/export.sh DB            (an existing database, e.g. from `dyad ingest`)
#        bench/export.sh --bbc         (ingests ../shared/corpora/bbc-news first)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${DYAD_SHARED:-../shared}
PYTHON=${DYAD_PYTHON:-python3}
cargo build --release --locked -q
DYAD=$PWD/target/release/dyad
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=${1:?usage: bench/export.sh DB | --bbc}
if [ "$DB" = --bbc ]; then
    DB=$WORK/bbc.db
    "$DYAD" ingest "$SHARED/corpora/bbc-news" --db "$DB" --quiet || true
fi

events=$(( $("$DYAD" events --db "$DB" --format csv | wc -l) - 1 ))
echo "dyad events: $events"
timed() { # label, command...
    local label=$1 start
    shift
    start=$(date +%s.%N)
    "$@" 2> /dev/null
    awk -v a="$start" -v b="$(date +%s.%N)" -v l="$label" 'BEGIN { printf "%-8s %.2f s\n", l, b - a }'
}
timed gdelt "$DYAD" export --db "$DB" --format gdelt --out "$WORK/gdelt"
timed parquet "$DYAD" export --db "$DB" --format parquet --out "$WORK/parquet"
timed csv "$DYAD" export --db "$DB" --format csv --out "$WORK/events.csv"
timed jsonl "$DYAD" export --db "$DB" --format jsonl --out "$WORK/events.jsonl"
timed plover "$DYAD" export --db "$DB" --format plover --out "$WORK/plover.jsonl"

echo "gdelt events.tsv: $(wc -l < "$WORK/gdelt/events.tsv") rows; columns per row:" \
    "$(awk -F'\t' '{print NF}' "$WORK/gdelt/events.tsv" | sort -u | tr '\n' ' ')"
echo "gdelt mentions.tsv: $(wc -l < "$WORK/gdelt/mentions.tsv") rows; columns per row:" \
    "$(awk -F'\t' '{print NF}' "$WORK/gdelt/mentions.tsv" | sort -u | tr '\n' ' ')"
echo "csv: $(( $(wc -l < "$WORK/events.csv") - 1 )) rows; jsonl: $(wc -l < "$WORK/events.jsonl");" \
    "plover: $(wc -l < "$WORK/plover.jsonl")"
echo "parquet files: $(find "$WORK/parquet" -name '*.parquet' | wc -l)"
"$PYTHON" - "$WORK/parquet" <<'PY' || echo "parquet rows: not read (no DuckDB or pyarrow for $PYTHON)"
import sys
try:
    import duckdb
    rows = duckdb.sql("SELECT count(*) FROM read_parquet('%s/*/*/*.parquet', hive_partitioning=true)"
                      % sys.argv[1]).fetchall()[0][0]
    print("parquet rows (DuckDB %s): %d" % (duckdb.__version__, rows))
except ImportError:
    import pyarrow as pa, pyarrow.dataset as ds
    part = ds.partitioning(pa.schema([("year", pa.int32()), ("month", pa.int32())]), flavor="hive")
    rows = ds.dataset(sys.argv[1], format="parquet", partitioning=part).count_rows()
    print("parquet rows (pyarrow %s): %d" % (pa.__version__, rows))
PY
