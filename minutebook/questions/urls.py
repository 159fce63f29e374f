from django.urls import path  # noqa: F401

app_name = "questions"
urlpatterns: list = []
