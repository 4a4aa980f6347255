#!/usr/bin/env python3
"""Times trafilatura on the article-extraction-benchmark, for comparison with
`dyad eval extract DIR`. Not run in CI.

Usage: python3 bench/trafilatura_extract.py ../shared/corpora/article-extraction-benchmark

Like the dyad command, it times decompression, decoding and extraction only, one page after
another on one thread, and scores with the benchmark's metric (tokens are \\w+ runs, 4-token
shingles counted as a multiset, per-page TP/FP/FN normalised to sum 1, precision and recall
averaged over pages, F1 the harmonic mean of the averages). Needs `pip install trafilatura`
(and `lxml_html_clean` with recent lxml).
"""

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def score_page(truth, predicted):
    t, p = shingles(truth), shingles(predicted)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/article-extraction-benchmark")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf8"))
    keys = sorted(truth)
    raw = {k: (folder / "html" / f"{k}.html.gz").read_bytes() for k in keys}
    elapsed = 0.0
    scores = []
    for key in keys:
        start = time.perf_counter()
        html = gzip.decompress(raw[key]).decode("utf8", errors="replace")
        text = trafilatura.extract(html) or ""
        elapsed += time.perf_counter() - start
        scores.append(score_page(truth[key].get("articleBody", ""), text))
    p = [precision(*s) for s in scores if s[0] + s[1] > 0]
    r = [recall(*s) for s in scores if s[0] + s[2] > 0]
    mp, mr = sum(p) / len(p), sum(r) / len(r)
    print(f"trafilatura {trafilatura.__version__}")
    print(f"pages      {len(keys)}")
    print(f"precision  {mp:.4f}")
    print(f"recall     {mr:.4f}")
    print(f"F1         {2 * mp * mr / (mp + mr):.4f}")
    print(f"pages/s    {len(keys) / elapsed:.1f} ({elapsed:.3f} s decoding and extracting, one thread)")


if __name__ == "__main__":
    main()
