"""Mounted at the site root: public paths live under /meetings/<id>/questions/, the back
office under /backoffice/. /questions/ itself belongs to the website's archive."""

from django.contrib.auth.views import LogoutView
from django.urls import path

from minutebook.questions import views

app_name = "questions"
urlpatterns = [
    path("meetings/<int:pk>/questions/", views.meeting_questions, name="meeting"),
    path("meetings/<int:pk>/questions/ask/", views.ask, name="ask"),
    path("meetings/questions/submitted/<str:reference>/", views.submitted, name="submitted"),
    path("backoffice/login/", views.BackOfficeLoginView.as_view(), name="login"),
    path("backoffice/logout/", LogoutView.as_view(next_page="questions:login"), name="logout"),
    path("backoffice/", views.dashboard, name="dashboard"),
    path("backoffice/meetings/<int:pk>/questions/", views.queue, name="queue"),
    path("backoffice/questions/<int:pk>/", views.question_detail, name="question"),
    path("backoffice/questions/<int:pk>/decide/", views.decide, name="decide"),
    path("backoffice/questions/<int:pk>/answer/", views.answer, name="answer"),
    path("backoffice/questions/<int:pk>/publish/", views.publish, name="publish"),
    path("backoffice/audit/", views.audit_log, name="audit"),
]
