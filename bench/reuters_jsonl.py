#!/usr/bin/env python3
"""Writes Reuters-21578 as JSON Lines for the streaming-map benchmark (bench/stream.sh).

One line per story with a body: {"id": NEWID, "title", "published" (YYYY-MM-DD), "source",
"text"}. Reads the corpus's reut2-*.sgm.gz files (Latin-1, as the corpus is); writes to
standard output. The corpus is research-only: the output stays in a temporary folder.
Usage: bench/reuters_jsonl.py ../shared/corpora/reuters21578 > /tmp/reuters.jsonl
"""

import glob
import gzip
import html
import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
STORY = re.compile(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)


def field(tag, story):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), story, re.S)
    return html.unescape(m.group(1)).strip() if m else None


def date(text):
    m = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", text or "")
    if not m or m.group(2) not in MONTHS:
        return None
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1)))


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/reuters21578"
    files = sorted(glob.glob(os.path.join(corpus, "reut2-*.sgm.gz")))
    if not files:
        sys.exit("no reut2-*.sgm.gz under %s" % corpus)
    written = 0
    for path in files:
        with gzip.open(path, "rb") as f:
            sgml = f.read().decode("latin-1")
        for newid, story in STORY.findall(sgml):
            body = field("BODY", story)
            if not body:
                continue
            # The corpus ends each body with a "Reuter" sign-off and a control character.
            body = re.sub(r"\s*Reuter\s*\x03?\s*$", "", body).replace("\x03", "")
            # Paragraphs start with an indented line; lines inside one are joined.
            paragraphs = re.split(r"\n\s{2,}", body)
            body = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
            record = {"id": newid, "title": field("TITLE", story),
                      "published": date(field("DATE", story)),
                      "source": "Reuters", "text": body}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print("%d stories" % written, file=sys.stderr)


if __name__ == "__main__":
    main()
