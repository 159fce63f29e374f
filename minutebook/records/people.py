"""Find or create people by name: the one place the record decides who is who.

People are matched by exact name; merging namesakes (or telling them apart) is a clerk's
decision, not the importer's. Importers, the extractor's records and the back office all
come here, so the rule cannot drift between them.
"""

from __future__ import annotations

from collections.abc import Iterable

from minutebook.records import retry
from minutebook.records.models import Person, unique_slugs


def people_named(names: Iterable[str | None]) -> dict[str, Person]:
    """Name -> Person for every (non-empty) name, creating the missing people in
    first-seen order: one query to find them and one to create the rest (looked for again
    when another writer created one of them meanwhile, :func:`retry.created_unless_taken`)."""
    wanted = list(dict.fromkeys(n for n in names if n))
    found: dict[str, Person] = {}
    for attempt in range(1, retry.LOOKS + 1):
        looking = [n for n in wanted if n not in found]
        if not looking:
            break
        for person in Person.objects.filter(name__in=looking).order_by("pk"):
            found.setdefault(person.name, person)
        missing = [n for n in wanted if n not in found]
        if not missing:
            break
        slugs = unique_slugs(Person, missing)
        # A writer that committed one of these people after the look-up made its slug
        # "taken", so ours would have a suffix and the name two people: look again first.
        # (One committed after this check took the slug too, and the insert collides.)
        if attempt < retry.LOOKS and Person.objects.filter(name__in=missing).exists():
            continue
        created = retry.created_unless_taken(
            lambda missing=missing, slugs=slugs: Person.objects.bulk_create(
                Person(name=n, slug=slug) for n, slug in zip(missing, slugs, strict=True)
            ),
            last=attempt == retry.LOOKS,
        )
        if created is not None:
            found.update((person.name, person) for person in created)
            break
    return found


def get_or_create_person(name: str) -> Person:
    """The person called ``name`` (the oldest, if namesakes were split), created if new."""
    name = name.strip()
    if not name:
        raise ValueError("a person needs a name")
    return people_named([name])[name]
