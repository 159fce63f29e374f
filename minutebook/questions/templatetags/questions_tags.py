"""``{% load questions_tags %}{% meeting_questions meeting %}``: the meeting page section."""

from __future__ import annotations

from django import template

from minutebook.questions.public import meeting_questions_context

register = template.Library()


@register.inclusion_tag("questions/_meeting_questions.html")
def meeting_questions(meeting):
    return meeting_questions_context(meeting)
