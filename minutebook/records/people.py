"""Find or create people by name: the one place the record decides who is who.

People are matched by exact name; merging namesakes (or telling them apart) is a clerk's
decision, not the importer's. Importers, the extractor's records and the back office all
come here, so the rule cannot drift between them.
"""

from __future__ import annotations

from collections.abc import Iterable

from minutebook.records.models import Person, unique_slugs


def people_named(names: Iterable[str | None]) -> dict[str, Person]:
    """Name -> Person for every (non-empty) name, creating the missing people in
    first-seen order: one query to find them and one to create the rest."""
    wanted = list(dict.fromkeys(n for n in names if n))
    found: dict[str, Person] = {}
    if not wanted:
        return found
    for person in Person.objects.filter(name__in=wanted).order_by("pk"):
        found.setdefault(person.name, person)
    missing = [n for n in wanted if n not in found]
    if missing:
        for person in Person.objects.bulk_create(
            Person(name=n, slug=slug)
            for n, slug in zip(missing, unique_slugs(Person, missing), strict=True)
        ):
            found[person.name] = person
    return found


def get_or_create_person(name: str) -> Person:
    """The person called ``name`` (the oldest, if namesakes were split), created if new."""
    name = name.strip()
    if not name:
        raise ValueError("a person needs a name")
    return people_named([name])[name]
