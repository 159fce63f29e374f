from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "minutebook.alerts"
    label = "alerts"
    verbose_name = "E-mail alerts"

    def ready(self) -> None:
        """Offer the digests to the background workers, when that app is installed."""
        try:
            from minutebook.jobs import queue
        except ImportError:  # the cron command `minutebook alerts send` still works
            return
        from minutebook.alerts import tasks

        queue.register(
            "alerts.send",
            tasks.send_alerts,
            cron=tasks.CRON,
            description="E-mail the alert digests that are due; purge unconfirmed addresses.",
        )
