from django.contrib import admin

from minutebook.jobs.models import ModernGovSite
from minutebook.jobs.schedules import sync_site_schedule


@admin.register(ModernGovSite)
class ModernGovSiteAdmin(admin.ModelAdmin):
    list_display = ("__str__", "url", "enabled", "state", "last_success", "failures")
    list_filter = ("state", "enabled")
    readonly_fields = (
        "state",
        "last_started",
        "last_finished",
        "last_success",
        "last_summary",
        "last_error",
        "failures",
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_site_schedule(obj)
