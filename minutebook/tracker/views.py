"""Tracker pages: the public commitments tracker and CSV, and the clerk's link decisions.

Public pages are plain GET pages that work without JavaScript. Clerk actions (confirm,
reject, add a link) are POSTs from users with the tracker permissions (the clerk role, see
:mod:`.permissions`), CSRF-protected like every Django form, recorded with who decided and
when, and audited; automatic relinking never overwrites them.
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from minutebook.core.numbers import whole_number
from minutebook.records import visibility
from minutebook.records.models import AgendaItem, Commitment, Committee
from minutebook.tracker.models import FollowUpLink
from minutebook.tracker.permissions import audit, can_add, can_decide, snapshot
from minutebook.tracker.queries import (
    CSV_HEADER,
    STATUSES,
    Filters,
    normalise_status,
    row_record,
    rows_for,
    tracker_queryset,
)
from minutebook.website.caching import public_page

PAGE_SIZE = 50
MAX_AGE_DAYS = 100 * 366  # more than any record holds; a timedelta overflows long before 2**63
#: "Age" choices of the filter form: commitments made at least this long ago.
AGES = [("", "Any age"), ("90", "Over 3 months"), ("180", "Over 6 months"),
        ("365", "Over a year"), ("730", "Over two years")]  # fmt: skip

decider_required = user_passes_test(can_decide, login_url="admin:login")
adder_required = user_passes_test(can_add, login_url="admin:login")


def _filters(request: HttpRequest) -> Filters:
    get = request.GET
    age = get.get("age", "")
    return Filters(
        status=normalise_status(get.get("status", "")),
        committee=get.get("committee", "").strip(),
        person=get.get("person", "").strip()[:200],
        min_age_days=whole_number(age, maximum=MAX_AGE_DAYS) or 0,
    )


def _query_string(filters: Filters, **extra: str) -> str:
    params = {
        "status": filters.status,
        "committee": filters.committee,
        "person": filters.person,
        "age": str(filters.min_age_days or ""),
        **extra,
    }
    return urlencode({k: v for k, v in params.items() if v})


@require_safe
@public_page
def tracker(request: HttpRequest) -> HttpResponse:
    """/commitments/: every commitment with its status, filtered, newest first."""
    filters = _filters(request)
    today = timezone.localdate()
    paginator = Paginator(tracker_queryset(filters, today), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    committees = (
        Committee.objects.filter(pk__in=visibility.commitments().values("item__meeting__committee"))
        .select_related("body")
        .order_by("body__name", "name")
    )
    context = {
        "rows": rows_for(page.object_list, today),
        "page": page,
        "filters": filters,
        "statuses": STATUSES,
        "ages": AGES,
        "committees": committees,
        "query": _query_string(filters),
        "csv_url": reverse("tracker:csv") + ("?" + q if (q := _query_string(filters)) else ""),
        "is_clerk": can_add(request.user),
    }
    return render(request, "tracker/tracker.html", context)


@require_safe
def tracker_csv(request: HttpRequest) -> HttpResponse:
    """The tracker as CSV (the committee's action log), same filters as the page."""
    filters = _filters(request)
    today = timezone.localdate()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="commitments.csv"'
    writer = csv.DictWriter(response, fieldnames=CSV_HEADER, lineterminator="\r\n")
    writer.writeheader()
    base = request.build_absolute_uri("/").rstrip("/")
    qs = tracker_queryset(filters, today)
    for start in range(0, qs.count(), 2000):
        for row in rows_for(qs[start : start + 2000], today):
            writer.writerow(row_record(row, base))
    return response


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


@require_POST
@decider_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject a link, or clear the decision (back to the linker's judgement)."""
    link = get_object_or_404(FollowUpLink, pk=pk)
    action = request.POST.get("decision", "")
    choices = {"confirm": "confirmed", "reject": "rejected", "clear": ""}
    if action not in choices:
        raise PermissionDenied("Unknown decision.")
    before = snapshot(link)
    link.decision = choices[action]
    link.decided_by = request.user if action != "clear" else None
    link.decided_at = timezone.now() if action != "clear" else None
    link.note = request.POST.get("note", "").strip()[:2000]
    link.save(update_fields=["decision", "decided_by", "decided_at", "note", "updated_at"])
    audit(request.user, f"follow-up link: {action}", link, before)
    return _back(request, link.from_item.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
@adder_required
def add_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A clerk links a commitment to a statement of a later item of the same body.

    Step one names the later item (by its number in the address of its page); step two
    picks the statement from that item's statements and the status it records.
    """
    commitment = get_object_or_404(
        Commitment.objects.select_related("item__meeting__committee__body"), pk=pk
    )
    body = commitment.item.meeting.committee.body
    errors: list[str] = []
    target: AgendaItem | None = None
    raw_item = (request.POST.get("item") or request.GET.get("item") or "").strip()
    if raw_item:
        if (item_id := whole_number(raw_item)) is None:
            errors.append("The item number must be a whole number.")
        else:
            target = (
                AgendaItem.objects.select_related("meeting__committee__body")
                .filter(pk=item_id, meeting__committee__body=body)
                .first()
            )
            if target is None:
                errors.append(f"No agenda item {raw_item} in {body.name}.")
            elif target.pk == commitment.item_id:
                errors.append("A follow-up must be in a different item.")
                target = None
            elif _before(target, commitment.item):
                errors.append("That item's meeting is before the commitment was made.")
                target = None
    statements = list(target.statements.all()) if target else []
    if request.method == "POST" and target is not None and not errors:
        chosen = request.POST.get("statement", "")
        text = next((s.text for s in statements if str(s.pk) == chosen), "")
        status = request.POST.get("status", "")
        if not text:
            errors.append("Choose the statement that reports back.")
        elif status not in FollowUpLink.Status.values:
            errors.append("Choose a status.")
        else:
            existing = FollowUpLink.objects.filter(
                from_item=commitment.item, from_text=commitment.text, to_item=target, to_text=text
            ).first()
            link, _ = FollowUpLink.objects.update_or_create(
                from_item=commitment.item,
                from_text=commitment.text,
                to_item=target,
                to_text=text,
                defaults={
                    "body": body,
                    "status": status,
                    "origin": FollowUpLink.Origin.CLERK,
                    "decision": FollowUpLink.Decision.CONFIRMED,
                    "decided_by": request.user,
                    "decided_at": timezone.now(),
                    "note": request.POST.get("note", "").strip()[:2000],
                    "evidence": [f"added by a clerk ({request.user.get_username()})"],
                },
            )
            before = snapshot(existing) if existing else None
            audit(request.user, "follow-up link: add", link, before)
            return HttpResponseRedirect(commitment.item.get_absolute_url())
    return render(
        request,
        "tracker/add_link.html",
        {
            "commitment": commitment,
            "target": target,
            "statements": statements,
            "errors": errors,
            "link_statuses": FollowUpLink.Status.choices,
        },
        status=400 if errors and request.method == "POST" else 200,
    )


def _before(later: AgendaItem, earlier: AgendaItem) -> bool:
    """Is ``later`` from a meeting dated before ``earlier``'s? Unknown dates do not block."""
    a, b = later.meeting.date, earlier.meeting.date
    return bool(a and b and a < b)
