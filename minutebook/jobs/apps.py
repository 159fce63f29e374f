from django.apps import AppConfig
from django.db.models.signals import post_migrate


class JobsConfig(AppConfig):
    name = "minutebook.jobs"
    label = "jobs"
    verbose_name = "Background work"
    #: Clerks see every council's sync state and last error; admins run and manage them.
    roles = {
        "clerk": ["jobs.view_moderngovsite"],
        "admin": ["jobs", "django_q"],
    }

    def ready(self) -> None:
        from django_q.signals import post_execute

        from minutebook.jobs.queue import back_off, enqueue, register
        from minutebook.jobs.schedules import ensure_schedules
        from minutebook.jobs.tasks import full_relink
        from minutebook.records import writes

        # A clerk's save of a long text queues its extraction here (writes.save_item).
        writes.register_deferrer(
            "jobs",
            lambda item_id, sha: enqueue("extract_item", item_id, sha, label=f"item {item_id}"),
        )

        register(
            "links.full_relink",
            full_relink,
            cron="30 4 * * 0",
            description="Relink every council in full (Sundays 04:30)",
        )
        post_migrate.connect(ensure_schedules, sender=self, dispatch_uid="jobs-schedules")
        post_execute.connect(back_off, dispatch_uid="jobs-back-off")
