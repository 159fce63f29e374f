"""``{% load questions_tags %}{% meeting_questions meeting %}``: the meeting page section."""

from __future__ import annotations

from django import template

from minutebook.questions.public import meeting_questions_context
from minutebook.records.models import Meeting

register = template.Library()


@register.inclusion_tag("questions/_meeting_questions.html")
def meeting_questions(meeting: Meeting) -> dict:
    return meeting_questions_context(meeting)
