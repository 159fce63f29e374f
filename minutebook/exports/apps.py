from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "minutebook.exports"
    label = "exports"
    verbose_name = "Bulk exports"

    def ready(self) -> None:
        """Offer the rebuild to the background workers, when that app is installed."""
        try:
            from minutebook.jobs import queue
        except ImportError:  # the cron command `minutebook export --site` still works
            return
        from minutebook.exports import tasks

        queue.register(
            "exports.build",
            tasks.build_site_exports,
            cron=tasks.CRON,
            description="Rebuild the site's bulk downloads if the data changed.",
        )
