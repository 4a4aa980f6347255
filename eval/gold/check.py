#!/usr/bin/env python3
"""Checks dyad-gold/1 files (see ../shared/spec/gold-format.md) against their documents.

Usage: python3 eval/gold/check.py [--shared DIR] [FILE.json ...]
(default: every *.json next to this script; DIR defaults to $DYAD_SHARED, else ../shared
relative to the repository root).

For each file: the JSON parses, `format` is `dyad-gold/1`, the document exists (for a JSON
Lines file, the record with that `_id`/`id`), every event and forbidden `evidence` occurs in
exactly one sentence (sentences split roughly, as described in `sentences`), every quote
`contains`, actor / location `mention` and count `contains` occurs in the text, CAMEO roots are
01..20, countries are three characters, ids are unique and every `r` twin has its base.
Matching is case-insensitive after normalising quote marks, dashes and white space, as the
scorer does. Exit status 1 when any file has an error; warnings do not fail.

Standard library only; cheap (reads 15 small files).
"""

import json
import os
import re
import sys

STATUSES = {"asserted", "negated", "planned", "hypothetical"}
ROOTS = {f"{i:02d}" for i in range(1, 21)}
TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "OTHER"}
# Abbreviations after which a full stop does not end a sentence.
ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "prof",
          "sen", "rep", "gov", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "he", "hon", "rev", "jr", "sr", "inc", "ltd",
          "co", "corp", "e.g", "i.e", "etc", "u.s", "u.k", "u.n"}


def norm(s):
    """Lower case, straight quotes, plain hyphens, single spaces (length may change)."""
    s = s.replace("\ufeff", "")
    for a in "\u2018\u2019\u201a\u201b\u2032`\u00b4":
        s = s.replace(a, "'")
    for a in "\u201c\u201d\u201e\u201f\u2033":
        s = s.replace(a, '"')
    for a in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        s = s.replace(a, "-")
    s = re.sub(r"\s+", " ", s)
    return s.lower().strip()


def sentences(text):
    """Rough sentence split: line breaks always end a sentence (a title or heading is its own
    sentence); inside a line, split after . ? ! (plus closing quotes/brackets) before white
    space and an upper-case letter, digit or opening quote, and after a lower-case letter's
    full stop glued to a capital ("need.And"), except after abbreviations (Mr., U.S., single
    capitals)."""
    out = []
    for line in text.replace("\r", "").split("\n"):
        line = line.strip()
        if not line:
            continue
        start = 0
        pat = re.compile(r"[.?!]+(?:\[\d+\])*[\"'\u201d\u2019)\]]*(?:\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|(?<=[a-z][.])(?=[A-Z][a-z]))")
        for m in pat.finditer(line):
            before = line[start:m.start()]
            word = re.findall(r"[A-Za-z.]+$", before)
            w = word[0].lower() if word else ""
            if w in ABBREV or re.fullmatch(r"([a-z]\.)*[a-z]", w) and len(w) <= 3 and w != "":
                # "Mr.", "U.S.", an initial "J." : not a sentence end
                if line[m.start()] == ".":
                    continue
            out.append(line[start:m.end()].strip())
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append(rest)
    return out


def load_document(shared, doc):
    """Returns (text, description) or raises ValueError."""
    if isinstance(doc, str):
        path, rec_id = doc, None
    elif isinstance(doc, dict):
        path = doc.get("file") or doc.get("corpus_path")
        rec_id = doc.get("id")
        if not path:
            raise ValueError("document object has neither file nor corpus_path")
    else:
        raise ValueError("document must be a string or an object")
    full = os.path.join(shared, path)
    if not os.path.isfile(full):
        raise ValueError(f"document {full} does not exist")
    with open(full, encoding="utf-8-sig") as f:
        raw = f.read()
    if rec_id is None:
        return raw, path
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        o = json.loads(line)
        if str(o.get("_id", o.get("id"))) == str(rec_id):
            title = o.get("title")
            text = o.get("text", "")
            return ((title.strip() + "\n\n") if title else "") + text, f"{path}#{rec_id}"
    raise ValueError(f"no record with id {rec_id} in {full}")


def check_file(fname, shared):
    errors, warnings = [], []
    try:
        with open(fname, encoding="utf-8") as f:
            g = json.load(f)
    except Exception as e:  # noqa: BLE001
        return [f"does not parse: {e}"], [], None
    if g.get("format") != "dyad-gold/1":
        errors.append("format is not dyad-gold/1")
    try:
        text, _ = load_document(shared, g.get("document"))
    except Exception as e:  # noqa: BLE001
        return errors + [str(e)], warnings, None
    pub = g.get("published")
    if pub is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(pub)):
        errors.append(f"published {pub!r} is not an ISO date")
    if not g.get("about"):
        warnings.append("no about")
    ntext = norm(text)
    sents = [norm(s) for s in sentences(text)]

    def occurs(phrase):
        return norm(phrase) in ntext

    def in_sentences(phrase):
        p = norm(phrase)
        return [i for i, s in enumerate(sents) if p in s]

    def countries(item, key, where):
        v = item.get(key)
        if v is None:
            return
        vs = v if isinstance(v, list) else [v]
        for c in vs:
            if not (isinstance(c, str) and re.fullmatch(r"[A-Z]{3}|---", c)):
                errors.append(f"{where}: {key} {c!r} is not a 3-letter country")

    def evidence(item, where):
        ev = item.get("evidence")
        if not ev:
            errors.append(f"{where}: no evidence")
            return
        if len(ev) > 90:
            warnings.append(f"{where}: long evidence ({len(ev)} chars)")
        hits = in_sentences(ev)
        if not occurs(ev):
            errors.append(f"{where}: evidence not in text: {ev!r}")
        elif not hits:
            errors.append(f"{where}: evidence crosses a sentence boundary: {ev!r}")
        elif len(hits) > 1:
            errors.append(f"{where}: evidence in {len(hits)} sentences: {ev!r}")

    ids = set()
    events = g.get("events", [])
    for e in events:
        where = f"event {e.get('id')}"
        if e.get("id") in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(e.get("id"))
        evidence(e, where)
        if not isinstance(e.get("required"), bool):
            errors.append(f"{where}: required must be true or false")
        roots = e.get("cameo_roots") or []
        if not roots:
            errors.append(f"{where}: no cameo_roots")
        for r in roots:
            if r not in ROOTS:
                errors.append(f"{where}: {r!r} is not a CAMEO root 01..20")
        countries(e, "source", where)
        countries(e, "target", where)
        countries(e, "location_country", where)
        if isinstance(e.get("location_country"), list):
            errors.append(f"{where}: location_country must be one string")
        if isinstance(e.get("status"), list):
            errors.append(f"{where}: status must be one string")
            e = dict(e, status="asserted")
        if "status" in e and e["status"] not in STATUSES:
            errors.append(f"{where}: status {e['status']!r}")
        if "historical" in e and not isinstance(e["historical"], bool):
            errors.append(f"{where}: historical must be a boolean")
        if "date" in e and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(e["date"])):
            errors.append(f"{where}: date {e['date']!r}")
    for e in events:
        i = e.get("id") or ""
        if i.endswith("r") and i[:-1] in ids:
            base = next(x for x in events if x.get("id") == i[:-1])
            if base.get("evidence") != e.get("evidence"):
                errors.append(f"event {i}: twin evidence differs from {i[:-1]}")
            if e.get("required"):
                warnings.append(f"event {i}: a reciprocal twin is normally optional")
    for e in g.get("forbidden", []):
        where = f"forbidden {e.get('id')}"
        if e.get("id") in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(e.get("id"))
        evidence(e, where)
        for r in e.get("cameo_roots") or []:
            if r not in ROOTS:
                errors.append(f"{where}: {r!r} is not a CAMEO root")
        if "status" in e and e["status"] not in STATUSES:
            errors.append(f"{where}: status {e['status']!r}")
        if not e.get("why"):
            warnings.append(f"{where}: no why")
    # A forbidden item must not catch what a gold event in the same sentence asks for.
    for f in g.get("forbidden", []):
        fs = in_sentences(f.get("evidence", ""))
        for e in events:
            if in_sentences(e.get("evidence", "")) != fs or not fs:
                continue
            froots = set(f.get("cameo_roots") or [])
            if froots and not froots & set(e.get("cameo_roots") or []):
                continue
            if f.get("status") and e.get("status") and f["status"] != e["status"]:
                continue
            if f.get("historical") is not None and e.get("historical") is not None \
                    and f["historical"] != e["historical"]:
                continue
            warnings.append(f"forbidden {f.get('id')} may catch event {e.get('id')} "
                            "(same sentence, compatible roots/status/historical)")
    for q in g.get("quotes", []):
        where = f"quote {q.get('id')}"
        if q.get("id") in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(q.get("id"))
        if not q.get("contains") or not occurs(q["contains"]):
            errors.append(f"{where}: contains not in text: {q.get('contains')!r}")
        sp = q.get("speaker")
        if sp is not None and not occurs(sp):
            warnings.append(f"{where}: speaker {sp!r} does not occur in the text")
        if not isinstance(q.get("required"), bool):
            errors.append(f"{where}: required must be true or false")
    for a in g.get("actors", []):
        where = f"actor {a.get('mention')!r}"
        if not a.get("mention") or not occurs(a["mention"]):
            errors.append(f"{where}: mention not in text")
        countries(a, "country", where)
        for t in a.get("type", []) if isinstance(a.get("type"), list) else [a.get("type")]:
            if t is not None and t not in TYPES:
                errors.append(f"{where}: type {t!r}")
        for k in ("role", "role_not"):
            v = a.get(k)
            for r in (v if isinstance(v, list) else [v] if v else []):
                if not re.fullmatch(r"[A-Z]{3}", r):
                    errors.append(f"{where}: {k} {r!r} is not 3 letters")
        if not isinstance(a.get("required"), bool):
            errors.append(f"{where}: required must be true or false")
    for loc in g.get("locations", []):
        where = f"location {loc.get('mention')!r}"
        if not loc.get("mention") or not occurs(loc["mention"]):
            errors.append(f"{where}: mention not in text")
        countries(loc, "country", where)
        lat, lon = loc.get("lat"), loc.get("lon")
        if not (isinstance(lat, (int, float)) and -90 <= lat <= 90
                and isinstance(lon, (int, float)) and -180 <= lon <= 180):
            errors.append(f"{where}: bad lat/lon")
    for c in g.get("counts", []):
        where = f"count {c.get('contains')!r}"
        if not c.get("contains") or not occurs(c["contains"]):
            errors.append(f"{where}: contains not in text")
    summary = {
        "req": sum(1 for e in events if e.get("required")),
        "opt": sum(1 for e in events if not e.get("required")),
        "forbidden": len(g.get("forbidden", [])),
        "quotes": len(g.get("quotes", [])),
        "req_quotes": sum(1 for q in g.get("quotes", []) if q.get("required")),
        "actors": len(g.get("actors", [])),
        "locations": len(g.get("locations", [])),
        "counts": len(g.get("counts", [])),
    }
    return errors, warnings, summary


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("DYAD_SHARED") or os.path.join(here, "..", "..", "..", "shared")
    files = []
    it = iter(argv)
    for a in it:
        if a == "--shared":
            shared = next(it)
        else:
            files.append(a)
    if not files:
        files = sorted(os.path.join(here, f) for f in os.listdir(here) if f.endswith(".json"))
    bad = 0
    for fname in files:
        errors, warnings, s = check_file(fname, shared)
        name = os.path.relpath(fname)
        if s:
            print(f"{name}: events {s['req']} required + {s['opt']} optional, "
                  f"{s['forbidden']} forbidden, quotes {s['quotes']} ({s['req_quotes']} required), "
                  f"actors {s['actors']}, locations {s['locations']}, counts {s['counts']}")
        else:
            print(f"{name}:")
        for w in warnings:
            print(f"  warning: {w}")
        for e in errors:
            print(f"  ERROR: {e}")
        bad += bool(errors)
    print(f"{len(files)} files, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
