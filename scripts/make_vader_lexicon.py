#!/usr/bin/env python3
"""Writes data/tone/ from the VADER sentiment package (vaderSentiment on PyPI, MIT licence).

Usage: python3 -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment==3.3.2
       /tmp/vader/bin/python scripts/make_vader_lexicon.py

Writes three files: lexicon.tsv (word, mean valence: the raw annotator ratings are left out),
boosters.tsv (intensifiers and dampeners with their scalar) and negations.txt (one word a line).
"""
import os
import sys

from vaderSentiment import vaderSentiment as vader

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "tone")


def main():
    os.makedirs(OUT, exist_ok=True)
    lexicon_path = os.path.join(os.path.dirname(vader.__file__), "vader_lexicon.txt")
    rows = []
    with open(lexicon_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0]:
                continue
            rows.append((parts[0], float(parts[1])))
    with open(os.path.join(OUT, "lexicon.tsv"), "w", encoding="utf-8") as f:
        for word, valence in rows:
            f.write(f"{word}\t{valence:g}\n")
    with open(os.path.join(OUT, "boosters.tsv"), "w", encoding="utf-8") as f:
        for word, scalar in sorted(vader.BOOSTER_DICT.items()):
            f.write(f"{word}\t{scalar:g}\n")
    with open(os.path.join(OUT, "negations.txt"), "w", encoding="utf-8") as f:
        for word in sorted(set(vader.NEGATE)):
            f.write(f"{word}\n")
    print(f"{len(rows)} lexicon entries, {len(vader.BOOSTER_DICT)} boosters, "
          f"{len(set(vader.NEGATE))} negations", file=sys.stderr)


if __name__ == "__main__":
    main()
