from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "minutebook.exports"
    label = "exports"
    verbose_name = "Bulk exports"
