"""The search form: what the query string may say, validated before it reaches a backend."""

from __future__ import annotations

from django import forms

from minutebook.records.models import Body, Committee
from minutebook.search.models import SearchEntry

SORTS = [("relevance", "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first")]


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Committee) -> str:
        return f"{obj.name} ({obj.body.name})"


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the minutes", required=False, max_length=300)
    body = forms.ModelChoiceField(
        queryset=Body.objects.all(), to_field_name="slug", required=False, empty_label="Any body"
    )
    committee = CommitteeChoiceField(
        queryset=Committee.objects.select_related("body"),
        required=False,
        empty_label="Any committee",
    )
    person = forms.SlugField(required=False, widget=forms.HiddenInput)
    type = forms.ChoiceField(
        label="Record type",
        choices=[("", "Any type"), *SearchEntry.Kind.choices],
        required=False,
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label="Order", choices=SORTS, required=False)
    page = forms.IntegerField(
        min_value=1, max_value=10_000, required=False, widget=forms.HiddenInput
    )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must not be before the start date.")
        return data
