"""Clerk back office for follow-up links: review, confirm, reject, add.

Every decision records who and when (and Django's admin log keeps the change history), and
automatic relinking never touches a decided or clerk-added row.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from minutebook.tracker.models import FollowUpLink
from minutebook.tracker.permissions import audit, snapshot


@admin.register(FollowUpLink)
class FollowUpLinkAdmin(admin.ModelAdmin):
    list_display = ("short_from", "short_to", "status", "origin", "decision", "score", "body")
    list_filter = ("decision", "origin", "status", "body")
    search_fields = ("from_text", "to_text", "from_item__title", "to_item__title")
    raw_id_fields = ("from_item", "to_item")
    readonly_fields = ("key", "origin", "score", "evidence", "decided_by", "decided_at")
    list_select_related = ("body",)
    actions = ("confirm_links", "reject_links", "clear_decisions")

    @admin.display(description="Commitment")
    def short_from(self, obj: FollowUpLink) -> str:
        return obj.from_text[:90]

    @admin.display(description="Reported back")
    def short_to(self, obj: FollowUpLink) -> str:
        return obj.to_text[:90]

    def save_model(self, request: HttpRequest, obj: FollowUpLink, form, change: bool) -> None:
        """A link added here is the clerk's own; any edit here is a clerk decision."""
        if not change:
            obj.origin = FollowUpLink.Origin.CLERK
            obj.decision = obj.decision or FollowUpLink.Decision.CONFIRMED
            obj.evidence = obj.evidence or [f"added by a clerk ({request.user.get_username()})"]
        elif not obj.decision:
            obj.decision = FollowUpLink.Decision.CONFIRMED
        if not obj.body_id:
            obj.body = obj.from_item.meeting.committee.body
        before = snapshot(FollowUpLink.objects.get(pk=obj.pk)) if change else None
        obj.decided_by = request.user
        obj.decided_at = timezone.now()
        super().save_model(request, obj, form, change)
        audit(request.user, "follow-up link: " + ("edit" if change else "add"), obj, before)

    def _decide(self, request: HttpRequest, queryset: QuerySet, decision: str) -> None:
        decided = decision != ""
        count = 0
        for link in queryset:
            before = snapshot(link)
            link.decision = decision
            link.decided_by = request.user if decided else None
            link.decided_at = timezone.now() if decided else None
            link.save(update_fields=["decision", "decided_by", "decided_at", "updated_at"])
            self.log_change(request, link, f"decision: {decision or 'cleared'}")
            audit(request.user, f"follow-up link: {decision or 'cleared'}", link, before)
            count += 1
        self.message_user(request, f"{count} link(s) updated.", messages.SUCCESS)

    @admin.action(description="Confirm the selected links")
    def confirm_links(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._decide(request, queryset, FollowUpLink.Decision.CONFIRMED)

    @admin.action(description="Reject the selected links (kept hidden, never re-added)")
    def reject_links(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._decide(request, queryset, FollowUpLink.Decision.REJECTED)

    @admin.action(description="Clear the decision (the linker decides again)")
    def clear_decisions(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._decide(request, queryset, FollowUpLink.Decision.NONE)
