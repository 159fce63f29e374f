"""The search form: what the query string may say, validated before it reaches a backend."""

from __future__ import annotations

import threading

from django import forms
from django.db import connection

from minutebook.core.numbers import whole_number
from minutebook.records import visibility
from minutebook.records.models import Body, Committee, Person
from minutebook.search.models import SearchEntry
from minutebook.search.widgets import (
    QuickDateInput,
    QuickHiddenInput,
    QuickSelect,
    QuickTextInput,
)

SORTS = [("relevance", "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first")]


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Committee) -> str:
        return f"{obj.name} ({obj.body.name})"


#: The body and committee options last built in this process, with the fingerprint of the
#: tables they were built from. Every search page shows both lists; building them costs
#: two ORM queries and an object per committee (about 1.2 ms of a 8 ms page), and they
#: change only when a council or committee is added, renamed or removed.
_options: dict[str, tuple] = {}
_options_lock = threading.Lock()


def _fingerprint() -> tuple:
    """What changes whenever an option of either list can: each table's row count and
    newest ``updated_at`` (an indexed column every save sets), in one statement of four
    index look-ups that SQLite and PostgreSQL answer alike."""
    quote = connection.ops.quote_name
    parts = []
    for model in (Body, Committee):
        table = quote(model._meta.db_table)
        column = quote(model._meta.get_field("updated_at").column)
        parts += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX({column}) FROM {table})"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return (connection.alias, connection.settings_dict["NAME"], *cursor.fetchone())


def filter_options() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The body and committee options of the search form, as ``(value, label)`` pairs in
    the order and wording the form's fields would give them, rebuilt only when the
    tables' fingerprint changed since this process last built them."""
    key = _fingerprint()
    with _options_lock:
        if _options.get("key") == key:
            return _options["bodies"], _options["committees"]
    bodies = [("", "Any body")] + [
        (slug, name) for slug, name in Body.objects.order_by("name").values_list("slug", "name")
    ]
    committees = [("", "Any committee")] + [
        (str(pk), f"{name} ({body})")
        for pk, name, body in Committee.objects.order_by("body__name", "name").values_list(
            "pk", "name", "body__name"
        )
    ]
    with _options_lock:
        _options.update(key=key, bodies=bodies, committees=committees)
    return bodies, committees


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the minutes", required=False, max_length=300, widget=QuickTextInput
    )
    body = forms.ModelChoiceField(
        queryset=Body.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any body",
        widget=QuickSelect,
    )
    committee = CommitteeChoiceField(
        queryset=Committee.objects.select_related("body"),
        required=False,
        empty_label="Any committee",
        widget=QuickSelect,
    )
    person = forms.CharField(
        label="Person",
        required=False,
        max_length=200,
        help_text="Only records by or about them.",
        widget=QuickTextInput,
    )
    type = forms.ChoiceField(
        label="Record type",
        choices=[("", "Any type"), *SearchEntry.Kind.choices],
        required=False,
        widget=QuickSelect,
    )
    date_from = forms.DateField(
        label="From", required=False, widget=QuickDateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=QuickDateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label="Order", choices=SORTS, required=False, widget=QuickSelect)
    page = forms.CharField(required=False, widget=QuickHiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The fields still validate against their querysets; only the options shown come
        # from the kept lists (the widgets are this form's own copies).
        bodies, committees = filter_options()
        self.fields["body"].widget.choices = bodies
        self.fields["committee"].widget.choices = committees

    def clean_page(self) -> int:
        """A page number; anything else (a stale or hand-edited link) means the first page."""
        text = self.cleaned_data.get("page") or ""
        return min(whole_number(text, maximum=10**9) or 1, 10_000)

    def clean_person(self) -> Person | None:
        """A name (any case), a unique part of one, or a page slug -> the one Person meant."""
        text = " ".join(self.cleaned_data.get("person", "").split())
        if not text:
            return None
        person = (
            visibility.people().filter(slug=text).first()
            or visibility.people().filter(name__iexact=text).first()
        )
        if person is not None:
            return person
        candidates = list(visibility.people().filter(name__icontains=text).order_by("name")[:6])
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            names = ", ".join(p.name for p in candidates[:5])
            raise forms.ValidationError(
                f"Several people match “{text}”: {names}. Give the full name."
            )
        raise forms.ValidationError(f"No one called “{text}” appears in the record.")

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must not be before the start date.")
        return data
