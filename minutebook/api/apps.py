from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "minutebook.api"
    label = "api"
    verbose_name = "Open-data API"
