"""The search form: what the query string may say, validated before it reaches a backend."""

from __future__ import annotations

from django import forms

from minutebook.core.numbers import whole_number
from minutebook.records.models import Body, Committee, Person
from minutebook.search.models import SearchEntry
from minutebook.search.widgets import QuickSelect

SORTS = [("relevance", "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first")]


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Committee) -> str:
        return f"{obj.name} ({obj.body.name})"


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the minutes", required=False, max_length=300)
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
    )
    type = forms.ChoiceField(
        label="Record type",
        choices=[("", "Any type"), *SearchEntry.Kind.choices],
        required=False,
        widget=QuickSelect,
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label="Order", choices=SORTS, required=False, widget=QuickSelect)
    page = forms.CharField(required=False, widget=forms.HiddenInput)

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
            Person.objects.filter(slug=text).first()
            or Person.objects.filter(name__iexact=text).first()
        )
        if person is not None:
            return person
        candidates = list(Person.objects.filter(name__icontains=text).order_by("name")[:6])
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
