"""Template helpers for papers and exempt items."""

from __future__ import annotations

from django import template
from django.urls import reverse

from minutebook.committees.files import paper_filename
from minutebook.committees.public import exemption_text
from minutebook.core.papers import LABELS

register = template.Library()


@register.filter
def paper_url(document) -> str:
    return reverse("committees:paper", args=[document.pk, paper_filename(document)])


@register.filter
def paper_label(document) -> str:
    """'PDF, 240 KB' for an uploaded paper."""
    kind = LABELS.get(document.content_type, "file")
    size = document.size or 0
    amount = f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"
    return f"{kind}, {amount}"


@register.filter
def exemption(item) -> str:
    return exemption_text(item)
