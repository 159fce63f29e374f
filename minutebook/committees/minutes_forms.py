"""Forms for the minutes of a meeting: attendance, declarations, minutes text, motions and
votes, approval, and corrections of extracted records. Server-validated and accessible."""

from __future__ import annotations

from django import forms

from minutebook.committees.forms import _Accessible
from minutebook.records.models import AgendaItem, Attendance, Meeting, Person
from minutebook.records.proceedings import Declaration, Motion, Vote

STATUS_CHOICES = [
    ("", "Not recorded"),
    (Attendance.Status.PRESENT, "Present"),
    (Attendance.Status.APOLOGIES, "Apologies"),
    (Attendance.Status.ABSENT, "Absent"),
]


class AttendanceForm(forms.Form):
    """One row per person: ``status_<id>``, ``substitute_<id>`` and ``note_<id>``."""

    def __init__(self, *args, rows: list[tuple[Person, str, Attendance | None]], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for person, role, current in rows:
            pid = person.pk
            self.fields[f"status_{pid}"] = forms.ChoiceField(
                label=f"Attendance of {person.name}",
                choices=STATUS_CHOICES,
                required=False,
                initial=current.status if current else "",
            )
            self.fields[f"substitute_{pid}"] = forms.CharField(
                label=f"Substituted by (for {person.name})",
                required=False,
                max_length=200,
                initial=current.substituted_by.name if current and current.substituted_by else "",
                widget=forms.TextInput(attrs={"list": "committee-people", "autocomplete": "off"}),
            )
            self.fields[f"note_{pid}"] = forms.CharField(
                label=f"Note on {person.name}'s attendance",
                required=False,
                max_length=300,
                initial=current.note if current else "",
            )
            self.rows.append(
                {
                    "person": person,
                    "role": role,
                    "status": self[f"status_{pid}"],
                    "substitute": self[f"substitute_{pid}"],
                    "note": self[f"note_{pid}"],
                }
            )

    def clean(self) -> dict:
        data = super().clean()
        for row in self.rows:
            pid = row["person"].pk
            if data.get(f"substitute_{pid}") and data.get(f"status_{pid}") == "present":
                self.add_error(
                    f"substitute_{pid}",
                    f"{row['person'].name} is marked present, so nobody substituted for them.",
                )
        return data


class AttendeeForm(_Accessible, forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, help_text="An existing person of exactly this name is reused."
    )
    capacity = forms.ChoiceField(
        label="Attending as",
        choices=[
            (Attendance.Capacity.OFFICER, "Officer"),
            (Attendance.Capacity.GUEST, "Guest or witness"),
            (Attendance.Capacity.SUBSTITUTE, "Substitute member"),
            (Attendance.Capacity.MEMBER, "Member"),
        ],
    )
    role = forms.CharField(
        label="Role",
        max_length=300,
        required=False,
        help_text="e.g. 'Director of Children's Services'.",
    )
    status = forms.ChoiceField(
        label="Attendance", choices=STATUS_CHOICES[1:], initial=Attendance.Status.PRESENT
    )


class DeclarationForm(_Accessible, forms.Form):
    person = forms.ModelChoiceField(Person.objects.none(), label="Member")
    kind = forms.ChoiceField(label="Kind of interest", choices=Declaration.Kind.choices)
    nature = forms.CharField(
        label="Nature of the interest",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="As declared, e.g. 'Governor of a school named in the report'. Published.",
    )
    left_room = forms.BooleanField(
        label="Left the room and took no part in the item", required=False
    )

    def __init__(self, *args, people: list[Person], **kwargs) -> None:
        self.people = people
        super().__init__(*args, **kwargs)

    def prepare(self) -> None:
        self.fields["person"].queryset = Person.objects.filter(
            pk__in=[p.pk for p in self.people]
        ).order_by("name")
        self.fields["person"].help_text = "Members at the meeting (record the attendance first)."


class MinutesForm(_Accessible, forms.Form):
    """The contract's fields: ``minutes_html`` and ``status`` (draft or published)."""

    minutes_html = forms.CharField(
        label="Minutes",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "minutes-source"}),
        help_text="Paragraphs separated by a blank line, or HTML. Bold, italic, lists and "
        "headings are kept; anything else is removed when saved.",
    )
    decision_text = forms.CharField(
        label="Decision",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The resolution as agreed ('RESOLVED that ...'), kept apart from the discussion.",
    )
    status = forms.ChoiceField(
        label="Save as",
        choices=[
            ("draft", "Draft (only clerks see it)"),
            ("published", "Published, not yet approved"),
        ],
        initial="draft",
        widget=forms.RadioSelect,
    )


class MotionForm(_Accessible, forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=Motion.Kind.choices, initial="motion")
    amends = forms.ModelChoiceField(
        Motion.objects.none(),
        label="Amends",
        required=False,
        help_text="For an amendment: the motion it amends.",
    )
    text = forms.CharField(label="Motion", widget=forms.Textarea(attrs={"rows": 3}))
    mover = forms.ModelChoiceField(Person.objects.none(), label="Moved by", required=False)
    seconder = forms.ModelChoiceField(Person.objects.none(), label="Seconded by", required=False)
    outcome = forms.ChoiceField(label="Outcome", choices=Motion.Outcome.choices)
    votes_for = forms.IntegerField(label="For", min_value=0, required=False)
    votes_against = forms.IntegerField(label="Against", min_value=0, required=False)
    abstentions = forms.IntegerField(label="Abstentions", min_value=0, required=False)

    def __init__(self, *args, item: AgendaItem, people: list[Person], **kwargs) -> None:
        self.item, self.people = item, people
        super().__init__(*args, **kwargs)
        self.vote_rows = []
        for person in people:
            name = f"vote_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"{person.name}'s vote",
                required=False,
                choices=[("", "No vote recorded"), *Vote.Position.choices],
            )
            self.vote_rows.append({"person": person, "field": self[name]})

    def prepare(self) -> None:
        people = Person.objects.filter(pk__in=[p.pk for p in self.people]).order_by("name")
        self.fields["mover"].queryset = people
        self.fields["seconder"].queryset = people
        self.fields["amends"].queryset = self.item.motions.filter(kind=Motion.Kind.MOTION)
        self.fields["amends"].label_from_instance = lambda m: m.text[:80]
        self.fields[
            "votes_for"
        ].help_text = (
            "Counts only, when the vote was not recorded by name; a recorded vote below sets them."
        )

    def votes(self) -> dict[int, str]:
        return {
            person.pk: self.cleaned_data[f"vote_{person.pk}"]
            for person in self.people
            if self.cleaned_data.get(f"vote_{person.pk}")
        }

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == Motion.Kind.AMENDMENT and not data.get("amends"):
            self.add_error("amends", "Say which motion this amends.")
        mover, seconder = data.get("mover"), data.get("seconder")
        if mover and seconder and mover == seconder:
            self.add_error("seconder", "The seconder must be someone other than the mover.")
        return data


class ApprovalForm(_Accessible, forms.Form):
    """At a later meeting: approve an earlier meeting's published minutes."""

    meeting = forms.ModelChoiceField(
        Meeting.objects.none(),
        label="Minutes approved",
        help_text="Published minutes of this committee's earlier meetings.",
    )
    amendments = forms.CharField(
        label="Amendments agreed",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="If approved subject to amendments, say what they were. Make the changes "
        "to the minutes first: the earlier text is kept.",
    )

    def __init__(self, *args, item: AgendaItem, **kwargs) -> None:
        self.item = item
        super().__init__(*args, **kwargs)

    def prepare(self) -> None:
        meeting = self.item.meeting
        earlier = Meeting.objects.filter(
            committee_id=meeting.committee_id,
            minutes_status=Meeting.MinutesStatus.PUBLISHED,
        ).exclude(pk=meeting.pk)
        if meeting.date:
            earlier = earlier.filter(date__lt=meeting.date)
        self.fields["meeting"].queryset = earlier.order_by("-date")
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.date:%A %-d %B %Y}" if m.date else f"Meeting {m.pk}"
        )
