from django.urls import path

from minutebook.jobs import views

app_name = "jobs"
urlpatterns = [
    path("backoffice/jobs/", views.jobs, name="jobs"),
    path("backoffice/syncs/", views.syncs, name="syncs"),
    path("backoffice/syncs/<int:pk>/run/", views.sync_now, name="sync_now"),
]
