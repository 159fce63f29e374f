from django.contrib import admin
from django.urls import include, path

from minutebook.api.main import api

#: A missing page looks like the site, with its navigation (website/404.html).
handler404 = "minutebook.website.views.not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("open-data/", include("minutebook.exports.urls")),
    path("feeds/", include("minutebook.feeds.urls")),
    path("alerts/", include("minutebook.alerts.urls")),
    path("search/", include("minutebook.search.urls")),
    path("commitments/", include("minutebook.tracker.urls")),
    path("", include("minutebook.questions.urls")),
    path("", include("minutebook.committees.urls")),
    path("", include("minutebook.jobs.urls")),
    path("", include("minutebook.website.urls")),
]
