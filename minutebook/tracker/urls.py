"""Tracker URLs, mounted at /commitments/ by the project."""

from django.urls import path

from minutebook.tracker import views

app_name = "tracker"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("commitments.csv", views.tracker_csv, name="csv"),
    path("links/<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/add-link/", views.add_link, name="add_link"),
]
