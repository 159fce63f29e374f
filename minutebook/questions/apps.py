"""Public questions before a deadline, and the clerks' queue to answer them (C7, C9)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class QuestionsConfig(AppConfig):
    name = "minutebook.questions"
    label = "questions"

    def ready(self) -> None:
        from minutebook.questions.roles import ensure_roles

        # After auth has created permissions for every app (it migrates first).
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="questions-ensure-roles")
