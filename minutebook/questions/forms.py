"""Forms for residents (ask a question) and clerks (decide, answer, publish, log in)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Q

from minutebook.questions import loginlimit, rules
from minutebook.questions.models import PublicQuestion
from minutebook.records.models import AgendaItem, Person


class AccessibleFormMixin:
    """Point each field at its hint and error text so screen readers announce them."""

    hints: dict[str, str] = {}

    def wire_descriptions(self) -> None:
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            ids = []
            if field.help_text:
                ids.append(f"{name}-hint")
            if self.is_bound and name in self.errors:  # type: ignore[attr-defined]
                ids.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class AskQuestionForm(AccessibleFormMixin, forms.Form):
    """The public form. ``website`` is a honeypot: hidden from people, filled by bots."""

    name = forms.CharField(
        label="Your name",
        max_length=200,
        error_messages={"required": "Enter your name."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Your e-mail address",
        max_length=254,
        help_text="We send your reference here. It is never published.",
        error_messages={
            "required": "Enter your e-mail address, so we can send your reference.",
            "invalid": "Enter an e-mail address in the form name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    text = forms.CharField(
        label="Your question",
        strip=False,
        error_messages={"required": "The question is empty. Please write your question."},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    publish_name = forms.BooleanField(
        label="You may publish my name with my question and its answer",
        required=False,
        help_text="If you leave this unticked, we publish your question as from "
        "'a member of the public'.",
    )
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit = rules.max_length()
        self.fields["text"].help_text = f"Up to {limit} characters."
        self.fields["text"].widget.attrs["maxlength"] = str(limit)
        self.wire_descriptions()

    def clean_text(self) -> str:
        try:
            return rules.check_text(self.cleaned_data.get("text", ""))
        except rules.Refused as refusal:
            raise forms.ValidationError(refusal.reason, code=refusal.code) from refusal

    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())


class DecisionForm(AccessibleFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Accept"), ("reject", "Reject")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose accept or reject."},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when rejecting. The submitter may be told this reason.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.wire_descriptions()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give a reason for rejecting the question.")
        return data


class AnswerForm(AccessibleFormMixin, forms.ModelForm):
    """Assign a responder, record the answer and link the minutes item."""

    class Meta:
        model = PublicQuestion
        fields = ["responder", "responder_label", "answer", "minutes_item"]
        labels = {
            "responder": "Responder (person)",
            "responder_label": "Responder's role or name as it should appear",
            "answer": "Answer",
            "minutes_item": "Minutes item that records this question",
        }
        widgets = {"answer": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        meeting = self.instance.meeting
        people = Person.objects.filter(
            Q(attendances__meeting=meeting) | Q(memberships__committee=meeting.committee_id)
        )
        if self.instance.responder_id:
            people = people | Person.objects.filter(pk=self.instance.responder_id)
        self.fields["responder"].queryset = people.distinct().order_by("name")
        self.fields["responder"].help_text = "Members and attendees of this meeting."
        self.fields["minutes_item"].queryset = AgendaItem.objects.filter(meeting=meeting)
        self.fields["answer"].strip = True
        self.wire_descriptions()


class RateLimitedLoginForm(AuthenticationForm):
    """Django's log-in form, refusing further tries after repeated failures."""

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        blocked = loginlimit.blocked(self.request, username)
        if blocked:
            raise forms.ValidationError(blocked, code="rate_limited")
        try:
            return super().clean()
        except forms.ValidationError:
            loginlimit.note_failure(self.request, username)
            raise

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        loginlimit.clear(self.request, self.cleaned_data.get("username") or "")
