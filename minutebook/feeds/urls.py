from django.urls import path

from minutebook.feeds import atom, views

app_name = "feeds"

FEEDS = {
    "minutes": atom.MinutesFeed(),
    "answers": atom.AnswersFeed(),
    "commitments": atom.CommitmentsFeed(),
    "votes": atom.VotesFeed(),
}

urlpatterns = [
    path("meetings.ics", views.meetings_calendar, name="calendar"),
    path(
        "meetings/bodies/<slug:key>.ics",
        views.meetings_calendar,
        {"scope": "body"},
        name="body_calendar",
    ),
    path(
        "meetings/committees/<int:key>.ics",
        views.meetings_calendar,
        {"scope": "committee"},
        name="committee_calendar",
    ),
]
for kind, feed in FEEDS.items():
    urlpatterns += [
        path(f"{kind}.atom", feed, name=kind),
        path(f"{kind}/bodies/<slug:key>.atom", feed, {"scope": "body"}, name=f"{kind}_body"),
        path(
            f"{kind}/committees/<str:key>.atom",
            feed,
            {"scope": "committee"},
            name=f"{kind}_committee",
        ),
        path(f"{kind}/people/<slug:key>.atom", feed, {"scope": "person"}, name=f"{kind}_person"),
    ]
