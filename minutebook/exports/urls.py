from django.urls import path

from minutebook.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.open_data, name="open_data"),
    path("<slug:fmt>/<str:name>", views.download, name="download"),
]
