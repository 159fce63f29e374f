from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "minutebook.records"
    label = "records"
    verbose_name = "Meeting record"
