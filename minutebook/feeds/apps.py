from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "minutebook.feeds"
    label = "feeds"
    verbose_name = "Calendars and feeds"
