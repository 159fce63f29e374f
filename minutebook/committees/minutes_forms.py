"""Forms for the minutes of a meeting: attendance, declarations, minutes text, motions and
votes, approval, and corrections of extracted records. Server-validated and accessible."""

from __future__ import annotations

from django import forms

from minutebook.committees.forms import DateInput, _Accessible
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

    def _add_vote_fields(self) -> None:
        """One field per member (added before anything is validated)."""
        self.vote_rows = []
        for person in self.people:
            name = f"vote_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"{person.name}'s vote",
                required=False,
                choices=[("", "No vote recorded"), *Vote.Position.choices],
            )
            self.vote_rows.append({"person": person, "field": self[name]})

    def prepare(self) -> None:
        self._add_vote_fields()
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


class RecordForm(_Accessible, forms.Form):
    """A record as the clerk says it is, one form per kind (see :data:`RECORD_FIELDS`)."""

    note = forms.CharField(
        label="Reason (optional)",
        required=False,
        max_length=500,
        help_text="Kept with the correction in the audit log.",
    )

    def __init__(self, *args, kind: str, **kwargs) -> None:
        self.kind = kind
        super().__init__(*args, **kwargs)

    def prepare(self) -> None:
        fields = dict(RECORD_FIELDS[self.kind]())
        fields.update(self.fields)
        self.fields = fields

    @classmethod
    def initial_from(cls, kind: str, record: dict) -> dict:
        speaker = lambda key: record.get(key) or {}  # noqa: E731
        if kind == "questions":
            return {
                "asker": speaker("asker").get("name") or speaker("asker").get("label") or "",
                "question": record.get("question", ""),
                "responder": speaker("responder").get("name")
                or speaker("responder").get("label")
                or "",
                "answer": record.get("answer") or "",
            }
        if kind == "commitments":
            return {
                "actor": speaker("actor").get("name") or speaker("actor").get("label") or "",
                "action": record.get("action", ""),
                "due": record.get("due"),
                "text": record.get("text", ""),
            }
        if kind == "decisions":
            return {"text": record.get("text", ""), "decision_kind": record.get("kind", "other")}
        if kind == "people":
            return {"name": record.get("name", ""), "role": record.get("role") or ""}
        return {"name": record.get("name", ""), "entity_type": record.get("type", "organisation")}

    def record(self, previous: dict | None = None) -> dict:
        """The cleaned form as a ``minutebook.extraction/1`` record. A speaker keeps the
        words the minutes used (``label``) and role when the clerk kept the same person."""
        data, previous = self.cleaned_data, previous or {}

        def speaker(key: str) -> dict | None:
            name = data[key].strip()
            if not name:
                return None
            old = previous.get(key) or {}
            if name in (old.get("name"), old.get("label")):
                return {
                    "label": old.get("label") or name,
                    "name": old.get("name") or name,
                    "role": old.get("role"),
                }
            return {"label": name, "name": name, "role": None}

        if self.kind == "questions":
            return {
                "asker": speaker("asker"),
                "question": data["question"].strip(),
                "responder": speaker("responder"),
                "answer": data["answer"].strip() or None,
            }
        if self.kind == "commitments":
            return {
                "actor": speaker("actor"),
                "action": data["action"].strip(),
                "due": data["due"].isoformat() if data["due"] else None,
                "text": data["text"].strip(),
            }
        if self.kind == "decisions":
            return {"text": data["text"].strip(), "kind": data["decision_kind"]}
        if self.kind == "people":
            return {"name": data["name"].strip(), "role": data["role"].strip() or None}
        return {"name": data["name"].strip(), "type": data["entity_type"]}


def _text(label: str, help_text: str = "", rows: int = 0, required: bool = True) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(label=label, help_text=help_text, required=required, widget=widget)


RECORD_FIELDS = {
    "questions": lambda: [
        (
            "asker",
            _text(
                "Asked by",
                "Name, or the minutes' words ('A member of the public').",
                required=False,
            ),
        ),
        ("question", _text("Question", "As the minutes word it.", rows=3)),
        ("responder", _text("Answered by", required=False)),
        (
            "answer",
            _text("Answer", "Empty if the minutes record no answer.", rows=3, required=False),
        ),
    ],
    "commitments": lambda: [
        ("actor", _text("Who committed", "A named person, a role, officers or a body.")),
        ("action", _text("What they will do", rows=2)),
        (
            "due",
            forms.DateField(
                label="Due by",
                required=False,
                widget=DateInput(),
                help_text="Only if the minutes give a date.",
            ),
        ),
        ("text", _text("The sentence in the minutes", "The minutes' own words.", rows=3)),
    ],
    "decisions": lambda: [
        ("text", _text("Decision", "The minutes' own words.", rows=3)),
        (
            "decision_kind",
            forms.ChoiceField(
                label="Kind",
                choices=[
                    ("resolved", "Resolved"),
                    ("agreed", "Agreed"),
                    ("noted", "Noted"),
                    ("other", "Other"),
                ],
            ),
        ),
    ],
    "people": lambda: [
        ("name", _text("Name", "Without Mr, Mrs, Cllr and the like; initials as written.")),
        ("role", _text("Role", "As the item gives it.", required=False)),
    ],
    "entities": lambda: [
        ("name", _text("Name", "As the item names it, e.g. 'Pause Project'.")),
        (
            "entity_type",
            forms.ChoiceField(
                label="Type",
                choices=[
                    ("organisation", "Organisation"),
                    ("programme", "Programme or initiative"),
                    ("place", "Place"),
                    ("legislation", "Legislation"),
                    ("other", "Other"),
                ],
            ),
        ),
    ],
}
