"""Signed links for confirming and unsubscribing: no account, no password, no guessing.

A token is the subscription's id and nonce signed with the site's secret key (Django's
``signing``), one salt per purpose, so a confirm link cannot unsubscribe and neither can be
forged or altered. Confirm links expire; unsubscribe links work as long as the
subscription exists (an old digest's link must still unsubscribe).
"""

from __future__ import annotations

from django.core import signing

from minutebook.alerts.models import Subscription

CONFIRM_DAYS = 2


def make(subscription: Subscription, purpose: str) -> str:
    return signing.dumps([subscription.pk, subscription.nonce], salt=f"minutebook.alerts.{purpose}")


def read(token: str, purpose: str, *, max_age: int | None = None) -> Subscription | None:
    """The subscription a token names, or None if it is forged, expired, or gone."""
    try:
        pk, nonce = signing.loads(token, salt=f"minutebook.alerts.{purpose}", max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Subscription.objects.filter(pk=pk, nonce=nonce).first()


def confirm_token(subscription: Subscription) -> str:
    return make(subscription, "confirm")


def unsubscribe_token(subscription: Subscription) -> str:
    return make(subscription, "unsubscribe")


def read_confirm(token: str) -> Subscription | None:
    return read(token, "confirm", max_age=CONFIRM_DAYS * 86400)


def read_unsubscribe(token: str) -> Subscription | None:
    return read(token, "unsubscribe")
