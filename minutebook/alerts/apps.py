from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "minutebook.alerts"
    label = "alerts"
    verbose_name = "E-mail alerts"
