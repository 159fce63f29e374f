"""Public questions before a deadline, and the clerks' queue to answer them (C7, C9)."""

from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "minutebook.questions"
    label = "questions"
    #: What the back-office roles need here (minutebook.records.roles sets them up).
    roles = {
        "clerk": [
            "questions.view_publicquestion",
            "questions.change_publicquestion",
            "questions.view_auditentry",
        ],
        "admin": ["questions"],
    }

    def ready(self) -> None:
        """Put the daily purge of submitters' addresses on the workers' schedule."""
        try:
            from minutebook.jobs import queue
        except ImportError:  # the cron command `minutebook questions purge` still works
            return
        from minutebook.questions import tasks

        queue.register(
            "questions.purge",
            tasks.purge_addresses,
            cron=tasks.CRON,
            description="Remove submitters' e-mail addresses past their retention period.",
        )
