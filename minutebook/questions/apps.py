from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "minutebook.questions"
    label = "questions"
