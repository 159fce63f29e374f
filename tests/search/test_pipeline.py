"""The real pipeline: import the seed pages with the extractor, and search what it found."""

from __future__ import annotations

import pytest
from django.db import transaction

from minutebook.cli.importing import import_paths
from minutebook.core.readers import Hints
from minutebook.records.extracted import extract_and_store
from minutebook.records.models import AgendaItem, Question
from minutebook.search.models import SearchEntry
from tests.search.conftest import search

pytestmark = pytest.mark.django_db(transaction=True)

HINTS = Hints(body="Islington Council", committee="Children's Services Scrutiny Committee")


def test_imported_and_extracted_records_are_searchable_and_stay_in_step(seed_paths):
    import_paths([str(p) for p in seed_paths], HINTS)
    items = AgendaItem.objects.count()
    assert SearchEntry.objects.filter(kind="item").count() == items == 2
    # Every extracted question is indexed, findable by words of its answer.
    questions = list(Question.objects.exclude(answer=None).exclude(answer=""))
    assert questions, "the extractor found no answered questions in the seeds"
    for q in questions[:5]:
        words = " ".join(w for w in q.answer.split()[:8] if w.isalpha())
        hits = search(words, kinds=("question",), per_page=50).hits
        assert any(h.entry.object_id == q.pk for h in hits), words
    before = sorted(SearchEntry.objects.values_list("kind", "object_id"))
    # Importing the same pages again changes nothing, in the records or the index.
    import_paths([str(p) for p in seed_paths], HINTS)
    assert sorted(SearchEntry.objects.values_list("kind", "object_id")) == before
    # Re-extraction replaces the records and their index rows together.
    item = AgendaItem.objects.get(title="Executive Member Update and Questions")
    with transaction.atomic():
        extract_and_store(item, meeting_date=item.meeting.date)
    after = SearchEntry.objects.filter(item=item)
    assert after.filter(kind="question").count() == item.questions.count()
    assert (
        not SearchEntry.objects.filter(kind="question")
        .exclude(object_id__in=Question.objects.values("pk"))
        .exists()
    )
    assert search("diocese").total >= 1
