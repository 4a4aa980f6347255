#!/usr/bin/env python3
"""Compares dyad's per-sentence tone compound with Python's vaderSentiment.

Usage: bench/tone_vader.py SENTENCES OURS
SENTENCES has one sentence a line; OURS has dyad's compound for each line. Prints the Pearson
correlation, the share of sentences whose sign (positive, negative, zero at |x| < 0.05) agrees,
and the mean absolute difference.
"""
import math
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def sign(x):
    return 0 if abs(x) < 0.05 else (1 if x > 0 else -1)


def main():
    sentences = open(sys.argv[1], encoding="utf-8").read().splitlines()
    ours = [float(x) for x in open(sys.argv[2]).read().split()]
    assert len(sentences) == len(ours), (len(sentences), len(ours))
    analyzer = SentimentIntensityAnalyzer()
    theirs = [analyzer.polarity_scores(s)["compound"] for s in sentences]
    n = len(ours)
    ma, mb = sum(ours) / n, sum(theirs) / n
    cov = sum((a - ma) * (b - mb) for a, b in zip(ours, theirs))
    va = sum((a - ma) ** 2 for a in ours)
    vb = sum((b - mb) ** 2 for b in theirs)
    r = cov / math.sqrt(va * vb) if va > 0 and vb > 0 else float("nan")
    agree = sum(sign(a) == sign(b) for a, b in zip(ours, theirs)) / n
    mad = sum(abs(a - b) for a, b in zip(ours, theirs)) / n
    exact = sum(abs(a - b) < 0.001 for a, b in zip(ours, theirs)) / n
    print(f"sentences {n}")
    print(f"pearson r {r:.4f}")
    print(f"sign agreement {agree:.4f}")
    print(f"mean abs diff {mad:.4f}")
    print(f"equal within 0.001 {exact:.4f}")


if __name__ == "__main__":
    main()
