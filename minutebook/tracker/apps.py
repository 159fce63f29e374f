from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "minutebook.tracker"
    label = "tracker"
