"""Django admin for the record and clerk accounts, with every change audited.

Admins manage bodies, committees, meetings, items and people here (C9). The records app
has no admin module of its own, so the models are registered here unless someone else
already has. Every save and delete writes an AuditEntry with before/after snapshots.
The admin log-in uses the same rate-limited form as the back office.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import models
from django.http import HttpResponse

from minutebook.core.sanitize import sanitize_html
from minutebook.questions import audit
from minutebook.questions.forms import RateLimitedLoginForm
from minutebook.questions.models import AuditEntry, ClerkAssignment, PublicQuestion
from minutebook.records import models as records
from minutebook.records import writes


class RateLimitedAdminLoginForm(RateLimitedLoginForm):
    """Admin log-in: staff only, as Django's admin form, plus the failure limit."""

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not user.is_staff:
            from django import forms

            raise forms.ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


admin.site.login_form = RateLimitedAdminLoginForm
admin.site.site_header = "minutebook administration"


class AuditedAdmin(admin.ModelAdmin):
    """Records who changed what, with the object before and after, for every change."""

    # A web address typed without a scheme means https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change) -> None:
        before = None
        if change and obj.pk is not None:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = audit.snapshot(old)
        request._audit_before = before
        self.persist(obj)

    def persist(self, obj) -> None:
        """Write ``obj``; record types with derived data go through records.writes."""
        obj.save()

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        obj = form.instance
        before = getattr(request, "_audit_before", None)
        audit.record(request.user, "change" if change else "add", obj, before, audit.snapshot(obj))

    def save_formset(self, request, form, formset, change) -> None:
        """Inline rows (e.g. a clerk's committee assignments) are audited one by one."""
        befores = {}
        for f in formset.initial_forms:
            if f.instance.pk is not None:
                old = type(f.instance)._default_manager.filter(pk=f.instance.pk).first()
                befores[id(f.instance)] = (audit.snapshot(old), f.instance.pk)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            audit.record(request.user, "add", obj, None, audit.snapshot(obj))
        for obj, _fields in formset.changed_objects:
            before, _ = befores.get(id(obj), (None, obj.pk))
            audit.record(request.user, "change", obj, before, audit.snapshot(obj))
        for obj in formset.deleted_objects:
            before, pk = befores.get(id(obj), (None, obj.pk))
            audit.record(request.user, "delete", obj, before, None, object_id=pk)

    def delete_model(self, request, obj) -> None:
        before, pk = audit.snapshot(obj), obj.pk
        super().delete_model(request, obj)
        audit.record(request.user, "delete", obj, before, None, object_id=pk)

    def delete_queryset(self, request, queryset) -> None:
        doomed = [(obj, audit.snapshot(obj), obj.pk) for obj in queryset]
        super().delete_queryset(request, queryset)
        for obj, before, pk in doomed:
            audit.record(request.user, "delete", obj, before, None, object_id=pk)


def _register(model, admin_class=AuditedAdmin, **options) -> None:
    if not admin.site.is_registered(model):
        admin.site.register(model, type(f"{model.__name__}Admin", (admin_class,), options))


_register(records.Body, search_fields=["name"], prepopulated_fields={"slug": ["name"]})
_register(
    records.Committee,
    list_display=["name", "body", "is_active"],
    list_filter=["body", "is_active"],
    search_fields=["name"],
)
_register(
    records.Meeting,
    list_display=["__str__", "date", "status", "question_deadline"],
    list_filter=["status", "committee__body"],
    search_fields=["committee__name", "venue"],
    date_hierarchy="date",
    raw_id_fields=["committee", "moved_to"],
    # Publication happens in the back office (/backoffice/meetings/<id>/), which checks the
    # deadline, records who published and builds the agenda pack.
    readonly_fields=[
        "agenda_status",
        "agenda_published_at",
        "agenda_published_by",
        "agenda_late_reason",
        "agenda_updated_at",
        "agenda_pack",
    ],
)


class AgendaItemAdmin(AuditedAdmin):
    """Items and their minutes. HTML typed here is sanitised as imported HTML is, and the
    item is stored, extracted, indexed and relinked by the one write path, so it is
    searchable at once."""

    list_display = ["title", "meeting", "number"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "lead"]
    readonly_fields = [
        "key",
        "content_sha256",
        "extractor_version",
        "source_uri",
        "source_sha256",
        "imported_at",
    ]

    def save_model(self, request, obj, form, change) -> None:
        obj.minutes_html = sanitize_html(obj.minutes_html) if obj.minutes_html else ""
        super().save_model(request, obj, form, change)

    def persist(self, obj) -> None:
        writes.save_item(obj)

    def delete_model(self, request, obj) -> None:
        before, pk = audit.snapshot(obj), obj.pk
        writes.delete_item(obj)
        audit.record(request.user, "delete", obj, before, None, object_id=pk)


if not admin.site.is_registered(records.AgendaItem):
    admin.site.register(records.AgendaItem, AgendaItemAdmin)
_register(records.Person, search_fields=["name"], prepopulated_fields={"slug": ["name"]})
_register(
    records.Membership,
    list_display=["person", "body", "committee", "role"],
    raw_id_fields=["person", "body", "committee"],
)


class DocumentAdmin(AuditedAdmin):
    """Documents; a change re-indexes the item (records.writes). Uploaded papers are
    managed in the back office, where their type and text are checked."""

    search_fields = ["title"]
    raw_id_fields = ["meeting", "item"]
    readonly_fields = ["file", "content_type", "size", "original_name", "source_sha256"]

    def persist(self, obj) -> None:
        writes.save_document(obj)


if not admin.site.is_registered(records.Document):
    admin.site.register(records.Document, DocumentAdmin)


@admin.register(PublicQuestion)
class PublicQuestionAdmin(AuditedAdmin):
    list_display = ["reference", "meeting", "status", "channel", "submitted_at", "published_at"]
    list_filter = ["status", "channel"]
    search_fields = ["reference", "name", "email", "text"]
    raw_id_fields = ["meeting", "responder", "minutes_item"]
    readonly_fields = ["reference", "submitted_at", "message_id", "created_at"]


@admin.register(ClerkAssignment)
class ClerkAssignmentAdmin(AuditedAdmin):
    list_display = ["user", "committee"]
    raw_id_fields = ["committee"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the trail cannot be edited or deleted through the admin."""

    list_display = ["at", "actor", "action", "model", "object_id", "object_repr"]
    list_filter = ["action", "model"]
    search_fields = ["actor", "object_repr", "object_id"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ClerkAssignmentInline(admin.TabularInline):
    model = ClerkAssignment
    extra = 1
    raw_id_fields = ["committee"]
    verbose_name = "committee this clerk moderates"
    verbose_name_plural = "committees this clerk moderates"


class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    """Clerk accounts: Django's user admin, audited (password hashes never copied).

    Give an account the 'clerk' group and one or more committees below; 'admin' group
    members (with staff status, to reach this admin) manage everything.
    """

    inlines = [ClerkAssignmentInline]

    def user_change_password(self, request, id, form_url="") -> HttpResponse:
        user = self.get_object(request, unquote(id))
        before = audit.snapshot(user)
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302 and user is not None:
            user.refresh_from_db()
            audit.record(request.user, "change password", user, before, audit.snapshot(user))
        return response


class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    pass


for _model, _admin in ((User, AuditedUserAdmin), (Group, AuditedGroupAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _admin)
