from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TrackerConfig(AppConfig):
    name = "minutebook.tracker"
    label = "tracker"

    def ready(self) -> None:
        from minutebook.tracker.permissions import grant_clerks

        post_migrate.connect(grant_clerks, sender=self, dispatch_uid="tracker-grant-clerks")
