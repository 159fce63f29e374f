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
