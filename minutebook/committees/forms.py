"""Back-office forms: accessible (hints and errors wired to their fields), server-validated."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings

from minutebook.questions.forms import AccessibleFormMixin
from minutebook.records.models import AgendaItem, Body, Committee, Meeting, Membership, Person


class _Accessible(AccessibleFormMixin):
    """Fields are adjusted in :meth:`prepare` first: wiring the descriptions reads the
    errors, which validates a bound form, so it must come last."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.prepare()
        self.wire_descriptions()

    def prepare(self) -> None:
        """Adjust fields (querysets, requiredness) before anything is validated."""


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CommitteeForm(_Accessible, forms.ModelForm):
    class Meta:
        model = Committee
        fields = [
            "name",
            "description",
            "contact_email",
            "question_days",
            "question_time",
            "agenda_days",
            "is_active",
        ]
        labels = {
            "question_days": "Public questions close (clear working days before)",
            "question_time": "Questions close at",
            "agenda_days": "Agenda published at least (clear working days before)",
            "is_active": "Active (meets and is listed)",
            "contact_email": "Contact e-mail",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "question_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class NewCommitteeForm(CommitteeForm):
    body = forms.ModelChoiceField(Body.objects.all(), label="Council")

    class Meta(CommitteeForm.Meta):
        fields = ["body", *CommitteeForm.Meta.fields]


class MembershipForm(_Accessible, forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="As it should appear publicly, e.g. 'Councillor Joe Caluori'. An existing "
        "person of exactly this name is reused.",
    )
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices)
    start_date = forms.DateField(label="From", required=False, widget=DateInput())
    end_date = forms.DateField(
        label="Until", required=False, widget=DateInput(), help_text="Leave empty if current."
    )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must not be before the start date.")
        return data


class EndMembershipForm(_Accessible, forms.Form):
    end_date = forms.DateField(label="Membership ended on", widget=DateInput())


class MeetingForm(_Accessible, forms.Form):
    """The contract's fields: date (YYYY-MM-DD), start_time (HH:MM), venue."""

    date = forms.DateField(label="Date", widget=DateInput(), input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    start_time = forms.TimeField(
        label="Start time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H:%M:%S"],
    )
    venue = forms.CharField(label="Venue", max_length=500)

    def clean_date(self) -> dt.date:
        day = self.cleaned_data["date"]
        if day.year < 1900 or day.year > 2200:
            raise forms.ValidationError("Enter a date between 1900 and 2200.")
        return day


class EditMeetingForm(MeetingForm):
    status = forms.ChoiceField(
        label="Status",
        choices=[
            (s.value, s.label)
            for s in (
                Meeting.Status.SCHEDULED,
                Meeting.Status.CONFIRMED,
                Meeting.Status.POSTPONED,
                Meeting.Status.CANCELLED,
                Meeting.Status.HELD,
            )
        ],
    )
    status_reason = forms.CharField(
        label="Reason for postponing or cancelling",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown on the public meeting page.",
    )
    moved_to = forms.ModelChoiceField(
        Meeting.objects.none(),
        label="Moved to meeting",
        required=False,
        help_text="For a postponed meeting: the meeting that replaces it.",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        self.meeting = meeting
        super().__init__(*args, **kwargs)

    def prepare(self) -> None:
        meeting = self.meeting
        self.fields["moved_to"].queryset = (
            Meeting.objects.filter(committee_id=meeting.committee_id)
            .exclude(pk=meeting.pk)
            .order_by("-date")
        )
        self.fields["moved_to"].label_from_instance = lambda m: (
            m.date.strftime("%A %-d %B %Y") if m.date else f"Meeting {m.pk}"
        )

    def clean(self) -> dict:
        data = super().clean()
        status = data.get("status")
        if status in ("postponed", "cancelled") and not (data.get("status_reason") or "").strip():
            self.add_error("status_reason", "Give the reason; it is published with the status.")
        return data


class ItemForm(_Accessible, forms.ModelForm):
    """An agenda item; on the 'new item' page also an optional paper (contract field)."""

    paper = forms.FileField(
        label="Report (optional)",
        required=False,
        help_text="PDF, Word (.docx) or OpenDocument (.odt), up to "
        f"{settings.MINUTEBOOK_PAPER_MAX_BYTES // 1_048_576} MB.",
    )
    paper_title = forms.CharField(
        label="Report title", required=False, max_length=500, help_text="Default: the file name."
    )

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "description",
            "lead",
            "lead_role",
            "is_exempt",
            "exemption_paragraph",
            "status",
        ]
        labels = {
            "lead": "Lead member or officer",
            "lead_role": "Their role",
            "is_exempt": "Exempt information (only the title and paragraph are published)",
            "exemption_paragraph": "Exemption paragraph",
            "status": "Status",
        }
        widgets = {
            "title": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, committee: Committee, with_paper: bool = True, **kwargs) -> None:
        self.committee, self.with_paper = committee, with_paper
        super().__init__(*args, **kwargs)

    def prepare(self) -> None:
        committee, with_paper = self.committee, self.with_paper
        self.fields["lead"].queryset = (
            Person.objects.filter(memberships__committee=committee).distinct().order_by("name")
        )
        self.fields["lead"].help_text = "Members and officers of this committee."
        self.fields["exemption_paragraph"].help_text = (
            "Paragraph of the access-to-information schedule, e.g. 3 (financial or business "
            "affairs) in Schedule 12A."
        )
        self.fields["status"].required = False  # the contract posts title/description only
        if not with_paper:
            del self.fields["paper"]
            del self.fields["paper_title"]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("is_exempt") and not data.get("exemption_paragraph"):
            self.add_error("exemption_paragraph", "Say which paragraph makes the item exempt.")
        if not data.get("is_exempt"):
            data["exemption_paragraph"] = None
        return data

    def clean_status(self) -> str:
        return self.cleaned_data.get("status") or AgendaItem.Status.LISTED


class PaperForm(_Accessible, forms.Form):
    paper = forms.FileField(
        label="Report",
        help_text="PDF, Word (.docx) or OpenDocument (.odt), up to "
        f"{settings.MINUTEBOOK_PAPER_MAX_BYTES // 1_048_576} MB.",
    )
    paper_title = forms.CharField(
        label="Report title", required=False, max_length=500, help_text="Default: the file name."
    )


class PublishForm(_Accessible, forms.Form):
    late_reason = forms.CharField(
        label="Reason for publishing late",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The agenda is past its publication deadline. The reason is published and "
        "recorded as a late item.",
    )
