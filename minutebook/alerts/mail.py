"""The two e-mails alerts send: the confirmation request and the digest.

Every digest carries RFC 8058 one-click unsubscribe headers: ``List-Unsubscribe`` with the
signed HTTPS link and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``, so a mail
program can unsubscribe with one POST and no page; the same link opens a page with one
button for people reading the mail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from minutebook.alerts import tokens
from minutebook.alerts.models import Subscription

if TYPE_CHECKING:
    from minutebook.alerts.digest import Digest


def confirm_url(subscription: Subscription, base_url: str) -> str:
    return base_url + reverse("alerts:confirm", args=[tokens.confirm_token(subscription)])


def unsubscribe_url(subscription: Subscription, base_url: str) -> str:
    return base_url + reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])


def send_confirmation(subscription: Subscription, *, base_url: str) -> None:
    context = {
        "subscription": subscription,
        "confirm_url": confirm_url(subscription, base_url),
        "hours": tokens.CONFIRM_DAYS * 24,
    }
    message = EmailMultiAlternatives(
        subject=f"Confirm your minutebook alert for {subscription.subject}",
        body=render_to_string("alerts/confirm_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.send()


def send_digest(digest: Digest, *, base_url: str) -> None:
    subscription = digest.subscription
    unsubscribe = unsubscribe_url(subscription, base_url)
    context = {
        "digest": digest,
        "subscription": subscription,
        "base_url": base_url,
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=f"{len(digest.entries)} new for {subscription.subject} – minutebook",
        body=render_to_string("alerts/digest_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"minutebook alerts <alerts.{base_url.split('//')[-1].split('/')[0].split(':')[0]}>",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(render_to_string("alerts/digest_email.html", context), "text/html")
    message.send()
