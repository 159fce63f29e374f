"""The search contract, on whichever database the tests run (SQLite FTS5 or PostgreSQL).

Run on PostgreSQL with ``scripts/with-postgres .venv/bin/pytest tests/search``; the same
assertions hold, which is what "same results contract" means.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection, transaction

from minutebook.core.items import DocumentRef
from minutebook.records.models import AgendaItem, Person
from minutebook.search.backends import get_backend
from minutebook.search.indexing import rebuild
from minutebook.search.models import SearchEntry
from minutebook.search.query import parse
from tests.search.conftest import search, source_item

pytestmark = pytest.mark.django_db(transaction=True)


def titles(page) -> list[str]:
    return [h.entry.item.title for h in page.hits]


def test_backend_matches_the_database():
    expected = {"sqlite": "sqlite-fts5", "postgresql": "postgresql"}[connection.vendor]
    assert get_backend().name == expected


def test_title_match_ranks_above_passing_mention(store):
    store(
        source_item("Library services review", "The committee reviewed the library service."),
        source_item(
            "Budget monitoring",
            "The report covered highways, waste, parks, adult care and, briefly, the library.",
        ),
        source_item("Highways maintenance", "Potholes on the A20 were discussed."),
    )
    page = search("library")
    assert page.total == 2
    assert titles(page) == ["Library services review", "Budget monitoring"]
    assert page.hits[0].score > page.hits[1].score
    assert "Highways maintenance" not in titles(search("library"))


def test_snippets_highlight_matches_and_escape_html(store):
    store(
        source_item(
            "Schools <script>alert(1)</script>",
            "Members asked about <b>school</b> transport & the cost of school buses.",
        )
    )
    page = search("school")
    hit = page.hits[0]
    assert "<mark>" in hit.snippet and "</mark>" in hit.snippet
    assert "<script>" not in hit.snippet and "<script>" not in hit.heading
    assert "<b>" not in hit.snippet
    assert "&lt;script&gt;" in hit.heading


def test_stemming_phrases_prefixes_and_exclusions(store):
    store(
        source_item("Pause Project", "The Pause Project works with women in care proceedings."),
        source_item("Project board", "The board agreed to pause the capital project."),
        source_item("Safeguarding", "Safeguarding adults and children was discussed."),
    )
    assert titles(search('"Pause Project"')) == ["Pause Project"]
    assert set(titles(search("pause project"))) == {"Pause Project", "Project board"}
    assert titles(search("pause project -board")) == ["Pause Project"]
    assert titles(search("safeguard*")) == ["Safeguarding"]
    assert titles(search("safeguarding*")) == ["Safeguarding"]
    assert set(titles(search("agree"))) == {"Project board"}  # "agreed" stems to "agree"


def test_every_word_is_required_unless_any_word(store):
    store(
        source_item("Libraries", "Opening hours of libraries."),
        source_item("Parks", "Opening hours of parks."),
    )
    assert titles(search("libraries parks")) == []
    page = search("libraries parks", any_word=True)
    assert set(titles(page)) == {"Libraries", "Parks"}


def test_filters_body_committee_dates_and_type(store):
    a, b, c = store(
        source_item("Flood risk", "Flooding in Tonbridge.", committee="Flood Committee"),
        source_item(
            "Flood plan",
            "Flooding plan adopted.",
            committee="Cabinet",
            date=dt.date(2022, 3, 1),
            documents=(DocumentRef(title="Flood plan appendix", text="flooding maps"),),
        ),
        source_item(
            "Flood grants",
            "Flooding grants.",
            body="Other Council",
            committee="Cabinet",
            date=dt.date(2019, 1, 5),
        ),
    )
    everything = search("flooding")
    assert everything.total == 4  # three items and one document
    assert set(titles(search("flooding", committee_id=a.meeting.committee_id))) == {"Flood risk"}
    assert set(titles(search("flooding", body_id=c.meeting.committee.body_id))) == {"Flood grants"}
    in_2022 = search("flooding", date_from=dt.date(2022, 1, 1), date_to=dt.date(2022, 12, 31))
    assert sorted(h.entry.kind for h in in_2022.hits) == ["document", "item"]
    docs = search("flooding", kinds=("document",))
    assert [(h.entry.kind, h.entry.heading) for h in docs.hits] == [
        ("document", "Flood plan appendix")
    ]
    assert docs.hits[0].url.endswith(f"/items/{b.pk}/#document-{docs.hits[0].entry.object_id}")
    newest = search("flooding", order="newest", kinds=("item",))
    assert [h.entry.date for h in newest.hits][:2] == [dt.date(2024, 5, 1), dt.date(2022, 3, 1)]


def test_extracted_records_are_searchable_by_person_and_type(store, extracted):
    (item,) = store(source_item("Executive Member update", "Minutes text about county lines."))
    extracted(
        item,
        {
            "statements": [
                {
                    "text": "Mary Clement said that county lines work continued.",
                    "kind": "statement",
                    "speaker": {"label": "Mary Clement", "name": "Mary Clement", "role": ""},
                }
            ],
            "questions": [
                {
                    "question": "why exclusions had risen",
                    "asker": {"label": "A member of the public", "name": None, "role": ""},
                    "responder": {"label": "Joe Caluori", "name": "Joe Caluori", "role": ""},
                    "answer": "exclusions were monitored termly",
                }
            ],
            "commitments": [
                {
                    "actor": {"label": "Mary Clement", "name": "Mary Clement", "role": ""},
                    "action": "seek further information from the diocese",
                    "due": None,
                    "text": "Mary Clement would seek further information from the diocese.",
                }
            ],
            "decisions": [{"text": "RESOLVED that the update be noted.", "kind": "resolved"}],
            "people": [{"name": "Mary Clement", "role": ""}, {"name": "Joe Caluori", "role": ""}],
        },
    )
    mary = Person.objects.get(name="Mary Clement")
    joe = Person.objects.get(name="Joe Caluori")
    kinds = {h.entry.kind for h in search("diocese").hits}
    assert kinds == {"commitment"}
    assert [h.entry.kind for h in search("exclusions").hits] == ["question"]
    assert [h.entry.kind for h in search("exclusions", person_id=joe.pk).hits] == ["question"]
    assert search("exclusions", person_id=mary.pk).total == 0
    by_mary = {h.entry.kind for h in search("county lines", person_id=mary.pk).hits}
    assert by_mary == {"statement", "item"}  # her statement, and the item that names her
    assert search("noted", kinds=("decision",)).total == 1
    hit = search("diocese").hits[0]
    assert hit.url == f"/items/{item.pk}/#commitment-{hit.entry.object_id}"


def test_pagination_counts_and_pages(store):
    store(*[source_item(f"Item {n}", f"Allotments report number {n}.") for n in range(45)])
    first = search("allotments", per_page=20)
    assert (first.total, first.pages, len(first.hits)) == (45, 3, 20)
    last = search("allotments", per_page=20, page=3)
    assert len(last.hits) == 5
    seen = {h.entry.pk for p in (1, 2, 3) for h in search("allotments", page=p).hits}
    assert len(seen) == 45


def test_index_follows_reimport_and_rollback(store):
    (item,) = store(source_item("Waste contract", "The contract with Veolia was extended."))
    assert search("veolia").total == 1
    store(source_item("Waste contract", "The contract with Biffa was awarded."))
    assert search("veolia").total == 0 and search("biffa").total == 1
    assert AgendaItem.objects.count() == 1

    with pytest.raises(RuntimeError), transaction.atomic():
        store(source_item("Waste contract", "The contract with Serco was awarded."))
        assert search("serco").total == 1  # visible inside the transaction
        raise RuntimeError("import failed half way")
    assert search("serco").total == 0 and search("biffa").total == 1


def test_deleting_an_item_removes_its_entries(store):
    (item,) = store(source_item("Street lighting", "LED street lighting was rolled out."))
    item.meeting.delete()
    assert search("lighting").total == 0
    assert not SearchEntry.objects.exists()


def test_rebuild_reproduces_the_incremental_index(store):
    store(
        source_item("Street lighting", "LED street lighting was rolled out."),
        source_item("Lighting budget", "Lighting energy costs rose by a third."),
    )
    before = [(h.entry.kind, h.entry.object_id) for h in search("lighting").hits]
    written = rebuild()
    assert written == SearchEntry.objects.count() == 2
    assert [(h.entry.kind, h.entry.object_id) for h in search("lighting").hits] == before


def test_empty_query_finds_nothing(store):
    store(source_item("Anything", "Some text."))
    assert search("").total == 0 and search("!!!").total == 0


def test_counting_stops_at_the_cap(store, monkeypatch):
    from minutebook.search.backends import base

    monkeypatch.setattr(base, "COUNT_CAP", 5)
    store(*[source_item(f"Item {n}", f"Cemetery report {n}.") for n in range(8)])
    page = search("cemetery", per_page=3)
    assert page.more and page.total == 6  # "more than 5"
    assert page.pages == 2 and len(page.hits) == 3
    assert not search("cemetery", per_page=3, kinds=("document",)).more


def test_filter_tokens_are_not_searchable_words_and_partial_years_are_exact(store):
    (item,) = store(source_item("Grit bins", "Grit bins were refilled.", date=dt.date(2022, 3, 1)))
    committee = item.meeting.committee_id
    assert search(f"c{committee}").total == 0 and search("kitem").total == 0
    assert search("y2022").total == 0
    assert search("grit", date_from=dt.date(2022, 3, 1), date_to=dt.date(2022, 3, 1)).total == 1
    assert search("grit", date_from=dt.date(2022, 2, 1), date_to=dt.date(2022, 2, 28)).total == 0
    assert search("grit", date_from=dt.date(2022, 3, 2)).total == 0
    assert search("grit", date_to=dt.date(2022, 3, 1)).total == 1
    assert search("grit", committee_id=committee, kinds=("item", "statement")).total == 1


def test_prefixes_match_stemmed_words(store):
    store(
        source_item("Education", "Education services and libraries were reviewed."),
        source_item("Roads", "Potholes were repaired."),
    )
    for prefix in ("educat*", "educ*", "librar*", "librarie*", "servic*"):
        assert titles(search(prefix)) == ["Education"], prefix


def test_prefix_searches_mark_every_word_under_the_prefix(store):
    """SQLite makes a prefix search's marks from an index of the page's rows alone
    (sqlite_fts5.Fts5Matches._page_marks); they are the words under the prefix, in the
    heading and in the snippet, on every row of the page, as PostgreSQL marks them."""
    store(
        source_item(
            "Flooding review",
            "Flooded gullies, then flood wardens; the floors stayed dry.",
            date=dt.date(2024, 3, 1),
        ),
        source_item(
            "Drainage", "Flood defences held. Roads were gritted.", date=dt.date(2024, 2, 1)
        ),
        source_item("Roads", "Potholes were repaired.", date=dt.date(2024, 1, 1)),
    )

    def marked(html) -> list[str]:
        return [w.lower() for w in re.findall(r"<mark>(\w+)</mark>", str(html))]

    for text in ("flood*", "flood* -pothole", "flood* gritted", "floode*"):
        page = search(text, any_word=text.endswith("gritted"))
        hits = {h.entry.item.title: h for h in page.hits}
        assert set(hits) == {"Flooding review", "Drainage"}, text
        assert marked(hits["Flooding review"].heading) == ["flooding"], text
        # 'flood*' is read as 'floo*' too (query.prefix_forms): 'floors' is under it
        assert marked(hits["Flooding review"].snippet) == ["flooded", "flood", "floors"], text
        assert marked(hits["Drainage"].heading) == [], text
        gritted = ["gritted"] if text.endswith("gritted") else []
        assert marked(hits["Drainage"].snippet) == ["flood", *gritted], text


def test_both_backends_split_words_at_punctuation_and_stem_alike(store):
    """FTS5's tokenizer splits at every punctuation mark; PostgreSQL indexes the same words
    (migrations/0007), so neither finds records the other misses."""
    store(
        source_item("Deprivation of liberty", "Liberty Protection Safeguards.2.It was noted."),
        source_item("Newsletter", "Residents asked for an e-mail newsletter, generously funded."),
    )
    assert titles(search("safeguards")) == ["Deprivation of liberty"]
    assert titles(search("mail")) == ["Newsletter"]
    assert titles(search("generous")) == ["Newsletter"]


WORD_CASES = [
    # (search, options, titles expected in best-match order: heading tier first, each
    # newest first)
    ("flood*", {}, ["Flooding", "Flood defences", "Drainage"]),
    ("flood* -defences", {}, ["Flooding", "Drainage"]),
    ("-flood* drain*", {}, []),
    ("drain* flood*", {}, ["Drainage"]),
    ('"flood defences" flood*', {}, ["Flood defences"]),
    ("the flood*", {}, ["Flooding", "Flood defences", "Drainage"]),  # a stop word drops out
    ("flood* OR roads", {}, []),  # every word required; OR is no operator
    ("zzyzx*", {}, []),  # a prefix no word of the index starts with
    ("flood* zzyzx*", {}, []),
    ('"defences held"', {}, ["Flood defences"]),
    ('"held defences"', {}, []),  # the words, not the phrase
    ('flood* -"flooded gullies"', {}, ["Flooding", "Flood defences"]),
    ('flood* -"gullies flooded"', {}, ["Flooding", "Flood defences", "Drainage"]),
    ('"the defences"', {}, ["Flood defences"]),
    ('"residents reported" gullies', {}, []),
    ('"residents reported" gullies', {"any_word": True}, ["Drainage", "Flooding"]),
    ('"residents reported" flood*', {"order": "oldest"}, ["Flooding"]),
]


@pytest.mark.parametrize("text, options, expected", WORD_CASES)
def test_prefixes_and_phrases_with_exclusions_and_stop_words(store, text, options, expected):
    """The same answers in the same order on both backends, whether PostgreSQL reads a
    prefix as the index's words under it (search_word) or as a prefix, and a phrase's
    positions before or after sorting by date."""
    store(
        source_item("Drainage", "Flooded gullies were cleared.", date=dt.date(2024, 3, 1)),
        source_item("Flooding", "Residents reported floods.", date=dt.date(2024, 2, 1)),
        source_item("Flood defences", "The defences held.", date=dt.date(2024, 1, 1)),
        source_item("Roads", "Potholes were repaired.", date=dt.date(2024, 4, 1)),
    )
    assert titles(search(text, **options)) == expected


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize("server_side_binding", [False, True])
def test_postgres_estimates_with_the_first_statement_or_after_it(
    store, monkeypatch, server_side_binding
):
    """The planner's estimates are sent with the search's first statement, or, where the
    connection binds parameters on the server (one statement a query), after it: the same
    answers, and each stream's estimate read from the plan."""
    from minutebook.search.backends import SearchRequest, postgres

    monkeypatch.setitem(
        connection.settings_dict.setdefault("OPTIONS", {}),
        "server_side_binding",
        server_side_binding,
    )
    store(
        source_item("Budget 2024", "The budget was agreed.", date=dt.date(2024, 3, 1)),
        source_item("Parks", "The budget for parks was noted.", date=dt.date(2024, 2, 1)),
        source_item("Roads", "Potholes were repaired.", date=dt.date(2024, 1, 1)),
    )
    assert titles(search("budget -potholes")) == ["Budget 2024", "Parks"]
    assert titles(search("budget", committee_id=-1)) == []
    with transaction.atomic(), connection.cursor() as cursor:
        matches = postgres.PostgresMatches(cursor, SearchRequest(query=parse("budget")))
        assert set(matches.estimates) == {None, "heading", "rest"}
        # read from the plan (an unexpected plan gives inf: every stream read in windows)
        assert all(0 < n < float("inf") for n in matches.estimates.values())


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize("limit", [200, 1, 0])
def test_postgres_prefix_read_as_words_or_as_a_prefix_alike(store, monkeypatch, limit):
    """Past PREFIX_WORDS words a prefix is read as a prefix again: the same matches."""
    from minutebook.search.backends import postgres

    monkeypatch.setattr(postgres, "PREFIX_WORDS", limit)
    store(
        source_item(
            "Flooding", "Flooded gullies, floods and flood wardens.", date=dt.date(2024, 2, 1)
        ),
        source_item("Drainage", "Floor repairs.", date=dt.date(2024, 3, 1)),
    )
    with connection.cursor() as cursor:
        prefixes = postgres.read_prefixes(cursor, parse("flood*"))
    # 'flood*' is read as 'floo':* (query.prefix_forms), two words: 'flood' and 'floor'
    assert ("flood" in prefixes.words) == (limit >= 2)
    assert titles(search("flood*")) == ["Flooding", "Drainage"]
    assert titles(search("gull*")) == ["Flooding"]
    assert titles(search("repair* -gull*")) == ["Drainage"]
    assert titles(search("flood* -repair*")) == ["Flooding"]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgres_word_list_holds_every_indexed_word(store):
    """search_word (migrations/0008) follows inserts and updates of entries, so reading a
    prefix as its words never misses one."""
    store(source_item("Libraries", "Opening hours of libraries."))
    store(source_item("Libraries", "Mobile library timetable and volunteers."))  # re-import
    SearchEntry.objects.filter(heading="Libraries").update(heading="Library services")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_searchentry e, unnest(tsvector_to_array(e.tsv)) w "
            "WHERE w NOT LIKE '~%%' AND w NOT IN (SELECT word FROM search_word)"
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT count(*) FROM search_word WHERE word IN ('volunt', 'servic')")
        assert cursor.fetchone()[0] == 2
    assert [h.entry.heading for h in search("servic*").hits] == ["Library services"]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize("word", ["educ", "o'neil", "back\\slash", "naïve", "two words", "'"])
def test_postgres_named_words_are_taken_as_they_are(word):
    """A word read from search_word reaches the tsquery unchanged (no parsing, stemming or
    quoting mistakes), whatever characters it holds."""
    from minutebook.search.backends.postgres import quote_lexeme

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_to_tsvector(ARRAY[%s]) @@ %s::tsquery, "
            "array_to_tsvector(ARRAY[%s || 'x']) @@ %s::tsquery",
            [word, quote_lexeme(word), word, quote_lexeme(word)],
        )
        assert cursor.fetchone() == (True, False)


def test_snippets_and_headings_mark_the_stemmed_words_alike(store):
    """PostgreSQL marks a page's hits from their stored text (search/snippets.py), FTS5
    with snippet() and highlight(): the same words, those whose stem was searched for."""
    store(
        source_item(
            "Policies on policing",
            "The police asked about the policy. Policies were noted; policymakers absent.",
        )
    )

    def marked(html) -> list[str]:
        return [w for m in re.findall("<mark>(.*?)</mark>", str(html)) for w in m.split()]

    hit = search("policy").hits[0]
    assert marked(hit.heading) == ["Policies"]
    assert marked(hit.snippet) == ["policy", "Policies"]
    hit = search('"police asked"').hits[0]
    assert marked(hit.snippet) == ["police", "asked"]  # FTS5 marks a phrase as one
