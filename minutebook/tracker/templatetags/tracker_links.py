"""Template tags for showing follow-up links on other apps' pages (the agenda-item page)."""

from __future__ import annotations

from django import template

from minutebook.records.models import AgendaItem
from minutebook.tracker.permissions import can_decide
from minutebook.tracker.queries import item_follow_ups

register = template.Library()


@register.inclusion_tag("tracker/_item_links_list.html", takes_context=True)
def item_follow_up_links(context: template.Context, item: AgendaItem) -> dict:
    """ "Followed up in ..." and "follows up ..." for ``item``, with each link's evidence.

    Clerks (users who may decide on links) also get confirm/reject buttons; the page they post from is where
    they come back to.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        **item_follow_ups(item),
        "is_clerk": can_decide(user),
        "here": request.get_full_path() if request else "",
    }
