"""Subscribe, confirm (double opt-in) and unsubscribe, with no account.

What to follow comes from the query string of the page that links here (``?person=slug``,
``?committee=id``, ``?q=words``, ``?commitment=id``). The address is stored unconfirmed
and a confirmation link is mailed; nothing else is sent until it is confirmed.
Unsubscribing deletes the subscription; ``unsubscribe`` accepts the RFC 8058 one-click
POST from mail programs (no cookie, no CSRF token: the signed link is the authority).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from minutebook.alerts import tokens
from minutebook.alerts.forms import SubscribeForm
from minutebook.alerts.mail import send_confirmation
from minutebook.alerts.models import Subscription
from minutebook.records import visibility

#: Subscription requests one client may make an hour (each sends a mail to someone).
HOURLY_LIMIT = 20
#: Unconfirmed subscriptions one address may have at once.
PENDING_PER_ADDRESS = 5


def _target(request: HttpRequest) -> dict:
    """The fields of the thing to follow, from the query string; 404 if it is not there."""
    params = {**request.GET.dict(), **request.POST.dict()}  # the form repeats them, hidden
    if slug := params.get("person", ""):
        # Not someone the record names only in private items: this page would print the name.
        person = visibility.people().filter(slug=slug).first()
        if person:
            return {"kind": Subscription.Kind.PERSON, "person": person}
    elif (key := params.get("committee", "")).isdigit():
        committee = visibility.committees().select_related("body").filter(pk=int(key)).first()
        if committee:
            return {"kind": Subscription.Kind.COMMITTEE, "committee": committee}
    elif query := " ".join(params.get("q", "").split())[:200]:
        return {"kind": Subscription.Kind.SEARCH, "query": query}
    elif (key := params.get("commitment", "")).isdigit():
        commitment = visibility.commitments().filter(pk=int(key)).first()
        if commitment:
            return {
                "kind": Subscription.Kind.COMMITMENT,
                **Subscription.commitment_of(commitment),
            }
    raise Http404("Nothing to follow: the link names no person, committee, search or commitment.")


def _over_limit(request: HttpRequest) -> bool:
    window = int(time.time() // 3600)
    key = f"alerts-subscribe:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, timeout=3700)
    try:
        return cache.incr(key) > HOURLY_LIMIT
    except ValueError:
        return False


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    target = _target(request)
    preview = Subscription(**target)
    form = SubscribeForm(request.POST or None)
    hidden = {
        k: request.GET.get(k) or request.POST.get(k)
        for k in ("person", "committee", "q", "commitment")
    }
    context = {
        "form": form,
        "subject": preview.subject,
        "hidden": {k: v for k, v in hidden.items() if v},
    }
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip()
        pending = Subscription.objects.filter(email__iexact=email, confirmed_at__isnull=True)
        if _over_limit(request) or pending.count() >= PENDING_PER_ADDRESS:
            context["refused"] = (
                "Too many alert requests from here or for this address. Please try again later."
            )
            return render(request, "alerts/subscribe.html", context, status=429)
        subscription = Subscription.objects.create(
            email=email, frequency=form.cleaned_data["frequency"], **target
        )
        send_confirmation(subscription, base_url=base_url(request))
        return redirect("alerts:check_inbox")
    return render(request, "alerts/subscribe.html", context, status=400 if form.errors else 200)


def check_inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/check_inbox.html", {"hours": tokens.CONFIRM_DAYS * 24})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button (so a mail scanner that opens links confirms nothing); POST confirms."""
    subscription = tokens.read_confirm(token)
    if subscription is None:
        return render(request, "alerts/bad_link.html", {"what": "confirmation"}, status=404)
    if request.method == "POST":
        if subscription.confirmed_at is None:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
        return render(
            request,
            "alerts/confirmed.html",
            {
                "subscription": subscription,
                "unsubscribe_token": tokens.unsubscribe_token(subscription),
            },
        )
    return render(request, "alerts/confirm.html", {"subscription": subscription, "token": token})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with one button. POST (the button, or a mail program's RFC 8058 one-click
    request): delete the subscription and its address at once."""
    subscription = tokens.read_unsubscribe(token)
    if request.method == "POST":
        subject = subscription.subject if subscription else ""
        if subscription is not None:
            subscription.delete()
        return render(request, "alerts/unsubscribed.html", {"subject": subject})
    if subscription is None:
        return render(request, "alerts/unsubscribed.html", {"subject": ""})
    return render(
        request, "alerts/unsubscribe.html", {"subscription": subscription, "token": token}
    )


def site_url() -> str:
    """The site's address for links in mail sent outside a request (the cron command)."""
    return settings.SITE_URL.rstrip("/")
