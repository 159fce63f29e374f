"""Public pages (ask, confirmation, published answers) and the clerks' back office."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_POST

from minutebook.questions import audit, intake, loginlimit, rules
from minutebook.questions.forms import (
    AnswerForm,
    AskQuestionForm,
    DecisionForm,
    RateLimitedLoginForm,
)
from minutebook.questions.linking import suggest_minutes_item
from minutebook.questions.models import AuditEntry, PublicQuestion
from minutebook.questions.permissions import (
    can_moderate,
    is_admin,
    is_back_office_user,
    managed_committees,
    moderatable_meetings,
)
from minutebook.questions.public import meeting_questions_context
from minutebook.records.models import Meeting

SESSION_REFERENCES = "questions_submitted"

# --- Public ------------------------------------------------------------------------------


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("committee__body"), pk=pk)


def ask(request: HttpRequest, pk: int) -> HttpResponse:
    """The question form. Refusals are shown on the form with their reason, never dropped."""
    meeting = _meeting(pk)
    context = meeting_questions_context(meeting)
    if not context["takes_questions"]:
        return render(request, "questions/closed.html", context, status=404)
    refusal = ""
    status = 200
    if request.method == "POST":
        if not loginlimit.form_allowed(request):
            return render(request, "questions/rate_limited.html", context, status=429)
        form = AskQuestionForm(request.POST)
        now = timezone.now()
        if form.is_bot():
            refusal = "Your question could not be accepted. Please leave the last field empty."
            status = 400
        elif late := _refusal_reason(meeting, now):
            # Lateness first: no point asking a resident to fix fields of a closed form.
            context["refusal"] = late
            return render(request, "questions/closed.html", context, status=400)
        elif form.is_valid():
            sub = intake.Submission(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                text=form.cleaned_data["text"],
                publish_name=form.cleaned_data["publish_name"],
                submitted_at=now,
            )
            try:
                question = intake.submit(meeting, sub)
            except rules.Refused as exc:
                refusal = exc.reason
                status = 409 if exc.code == "duplicate" else 400
            else:
                sent = intake.acknowledge(question)
                refs = request.session.get(SESSION_REFERENCES, [])
                request.session[SESSION_REFERENCES] = [*refs[-9:], question.reference]
                request.session["questions_ack_sent"] = sent
                return redirect("questions:submitted", reference=question.reference)
        else:
            status = 400
    else:
        form = AskQuestionForm()
    if not context["questions_open"] and not refusal and request.method != "POST":
        return render(request, "questions/closed.html", context)
    context.update({"form": form, "refusal": refusal})
    return render(request, "questions/ask.html", context, status=status)


def _refusal_reason(meeting: Meeting, now) -> str:
    """Why the deadline refuses a question sent ``now``, or "" when it is in time."""
    try:
        rules.check_deadline(meeting.question_deadline, now)
    except rules.Refused as exc:
        return exc.reason
    return ""


def submitted(request: HttpRequest, reference: str) -> HttpResponse:
    """Confirmation, shown only to the browser that sent the question (no enumeration)."""
    if reference not in request.session.get(SESSION_REFERENCES, []):
        raise Http404("No such submission in this session")
    question = get_object_or_404(
        PublicQuestion.objects.select_related("meeting__committee"), reference=reference
    )
    return render(
        request,
        "questions/submitted.html",
        {
            "question": question,
            "meeting": question.meeting,
            "ack_sent": request.session.get("questions_ack_sent", True),
        },
    )


def meeting_questions(request: HttpRequest, pk: int) -> HttpResponse:
    """Answered questions for one meeting, and the way to ask one while it is open."""
    meeting = _meeting(pk)
    return render(request, "questions/meeting.html", meeting_questions_context(meeting))


# --- Back office -------------------------------------------------------------------------


class BackOfficeLoginView(LoginView):
    template_name = "questions/backoffice/login.html"
    authentication_form = RateLimitedLoginForm
    redirect_authenticated_user = False
    next_page = reverse_lazy("questions:dashboard")


def back_office(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log-in required; signed-in people without a clerk or admin role get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("questions:login"))
        if not is_back_office_user(request.user):
            raise PermissionDenied("Your account does not have a clerk or admin role.")
        return view(request, *args, **kwargs)

    return wrapper


def _moderated_question(request: HttpRequest, pk: int) -> PublicQuestion:
    question = get_object_or_404(
        PublicQuestion.objects.select_related("meeting__committee__body"), pk=pk
    )
    if not can_moderate(request.user, question.meeting):
        raise PermissionDenied("You are not assigned to this committee.")
    return question


@back_office
def dashboard(request: HttpRequest) -> HttpResponse:
    status = PublicQuestion.Status
    meetings = (
        moderatable_meetings(request.user)
        .filter(
            Q(question_deadline__isnull=False)
            | Exists(PublicQuestion.objects.filter(meeting=OuterRef("pk")))
        )
        .annotate(
            pending=Count("public_questions", filter=Q(public_questions__status=status.PENDING)),
            accepted=Count("public_questions", filter=Q(public_questions__status=status.ACCEPTED)),
            refused=Count("public_questions", filter=Q(public_questions__status=status.REFUSED)),
            total=Count("public_questions"),
        )
        .order_by("-question_deadline", "-date", "id")
    )
    page = Paginator(meetings, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "questions/backoffice/dashboard.html",
        {
            "page": page,
            "admin": is_admin(request.user),
            # Where a clerk starts after signing in: their committees, then the questions.
            "committees": managed_committees(request.user).order_by("body__name", "name")[:50],
        },
    )


@back_office
def queue(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    if not can_moderate(request.user, meeting):
        raise PermissionDenied("You are not assigned to this committee.")
    questions = meeting.public_questions.select_related("responder", "minutes_item")
    wanted = request.GET.get("status", "")
    if wanted in PublicQuestion.Status.values:
        questions = questions.filter(status=wanted)
    context = meeting_questions_context(meeting)
    context.update(
        {
            "questions": questions,
            "statuses": PublicQuestion.Status.choices,
            "wanted": wanted,
        }
    )
    return render(request, "questions/backoffice/queue.html", context)


@back_office
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = _moderated_question(request, pk)
    return _detail(request, question)


def _detail(
    request: HttpRequest,
    question: PublicQuestion,
    decision_form: DecisionForm | None = None,
    answer_form: AnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "questions/backoffice/question.html",
        {
            "question": question,
            "meeting": question.meeting,
            "decision_form": decision_form
            or DecisionForm(
                initial={
                    "decision": {"accepted": "accept", "rejected": "reject"}.get(question.status),
                    "reason": question.reason,
                }
            ),
            "answer_form": answer_form or _answer_form(question),
            "history": audit.entries_for(question)[:50],
            "deadline_words": rules.deadline_in_words(question.meeting.question_deadline)
            if question.meeting.question_deadline
            else "",
        },
        status=status,
    )


def _answer_form(question: PublicQuestion) -> AnswerForm:
    """The answer form, starting from the likely minutes item when none is linked yet."""
    initial = {}
    if question.minutes_item_id is None:
        suggestion = suggest_minutes_item(question)
        if suggestion is not None:
            initial["minutes_item"] = suggestion.pk
    form = AnswerForm(instance=question, initial=initial)
    if initial:
        form.fields[
            "minutes_item"
        ].help_text = "Suggested from the minutes; check it before saving."
        form.wire_descriptions()
    return form


def _change(
    request: HttpRequest, question: PublicQuestion, action: str, apply: Callable[[], None]
) -> bool:
    """Apply a change and audit it in one transaction. False if it would break a rule."""
    before = audit.snapshot(question)
    try:
        with transaction.atomic():
            apply()
            question.save()
            audit.record(request.user, action, question, before, audit.snapshot(question))
    except IntegrityError:
        question.refresh_from_db()
        messages.error(
            request,
            "This would duplicate another question from the same address for this meeting.",
        )
        return False
    return True


def _report_mail(request: HttpRequest, sent: bool, what: str) -> None:
    if sent:
        messages.info(request, f"The submitter has been e-mailed {what}.")
    else:
        messages.warning(request, f"Could not e-mail the submitter {what}; please contact them.")


@require_POST
@back_office
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    question = _moderated_question(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, question, decision_form=form, status=400)
    accept = form.cleaned_data["decision"] == "accept"
    was_rejected = question.status == PublicQuestion.Status.REJECTED

    def apply() -> None:
        if accept:
            question.status = PublicQuestion.Status.ACCEPTED
            question.reason = form.cleaned_data["reason"].strip()
        else:
            question.status = PublicQuestion.Status.REJECTED
            question.reason = form.cleaned_data["reason"].strip()
            question.published_at = None

    if _change(request, question, "accept" if accept else "reject", apply):
        messages.success(request, f"{question.reference} {question.get_status_display().lower()}.")
        if not accept and not was_rejected:
            _report_mail(request, intake.notify_rejected(question), "the reason")
    return redirect("questions:question", pk=question.pk)


@require_POST
@back_office
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = _moderated_question(request, pk)
    before = audit.snapshot(question)
    form = AnswerForm(request.POST, instance=question)
    if not form.is_valid():
        question.refresh_from_db()
        return _detail(request, question, answer_form=form, status=400)
    with transaction.atomic():
        updated = form.save(commit=False)
        if updated.answer and not updated.answered_at:
            updated.answered_at = timezone.now()
        if not updated.answer:
            updated.answered_at = None
            updated.published_at = None
        updated.save()
        audit.record(request.user, "answer", updated, before, audit.snapshot(updated))
    messages.success(request, f"Answer details for {question.reference} saved.")
    return redirect("questions:question", pk=question.pk)


@require_POST
@back_office
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    question = _moderated_question(request, pk)
    unpublish = request.POST.get("action") == "unpublish"
    if not unpublish:
        if question.status != PublicQuestion.Status.ACCEPTED:
            messages.error(request, "Only an accepted question can be published.")
            return redirect("questions:question", pk=question.pk)
        if not question.answer.strip():
            messages.error(request, "Record the answer before publishing.")
            return redirect("questions:question", pk=question.pk)

    def apply() -> None:
        question.published_at = None if unpublish else timezone.now()

    if _change(request, question, "unpublish" if unpublish else "publish", apply):
        messages.success(
            request, f"{question.reference} {'withdrawn' if unpublish else 'published'}."
        )
        if not unpublish:
            page = reverse("questions:meeting", args=[question.meeting_id])
            url = request.build_absolute_uri(f"{page}#question-{question.reference}")
            _report_mail(request, intake.notify_published(question, url), "the link")
    return redirect("questions:question", pk=question.pk)


@back_office
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit trail. Admins see everything; clerks see their committees' changes."""
    entries = AuditEntry.objects.select_related("user")
    if not is_admin(request.user):
        entries = entries.filter(committee__in=managed_committees(request.user))
    model = request.GET.get("model", "")
    object_id = request.GET.get("object_id", "")
    if model:
        entries = entries.filter(model=model)
    if object_id:
        entries = entries.filter(object_id=object_id)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "questions/backoffice/audit.html",
        {"page": page, "model": model, "object_id": object_id},
    )
