from django.urls import path

from minutebook.website import views

app_name = "website"
urlpatterns = [
    path("", views.home, name="home"),
    path("bodies/<slug:body_slug>/", views.body, name="body"),
    path("bodies/<slug:body_slug>/<slug:committee_slug>/", views.committee, name="committee"),
    path("meetings/", views.meetings, name="meetings"),
    path("committees/", views.committees, name="committees"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("items/<int:pk>/", views.item, name="item"),
    path("people/", views.people, name="people"),
    path("people/<slug:slug>/", views.person, name="person"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("questions/", views.questions, name="questions"),
]
