"""The committee system's back office, under /backoffice/ beside the questions' screens."""

from django.urls import path

from minutebook.committees import files, minutes_views, views

app_name = "committees"
urlpatterns = [
    path("backoffice/committees/", views.committee_list, name="list"),
    path("backoffice/committees/new/", views.committee_new, name="committee_new"),
    path("backoffice/committees/<int:pk>/", views.committee_detail, name="committee"),
    path("backoffice/committees/<int:pk>/edit/", views.committee_edit, name="committee_edit"),
    path("backoffice/committees/<int:pk>/members/new/", views.member_new, name="member_new"),
    path("backoffice/memberships/<int:pk>/end/", views.member_end, name="member_end"),
    path("backoffice/committees/<int:pk>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("backoffice/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("backoffice/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("backoffice/meetings/<int:pk>/items/new/", views.item_new, name="item_new"),
    path("backoffice/meetings/<int:pk>/publish/", views.publish, name="publish"),
    path("backoffice/items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("backoffice/items/<int:pk>/move/", views.item_move, name="item_move"),
    path("backoffice/items/<int:pk>/papers/new/", views.paper_new, name="paper_new"),
    path("backoffice/papers/<int:pk>/remove/", views.paper_remove, name="paper_remove"),
    # Minutes: attendance, declarations, minutes per item, motions and votes, approval,
    # corrections of extracted records (minutes_views).
    path(
        "backoffice/meetings/<int:pk>/attendance/",
        minutes_views.attendance,
        name="attendance",
    ),
    path(
        "backoffice/meetings/<int:pk>/attendance/add/",
        minutes_views.attendee_new,
        name="attendee_new",
    ),
    path(
        "backoffice/attendance/<int:pk>/remove/",
        minutes_views.attendee_remove,
        name="attendee_remove",
    ),
    path(
        "backoffice/items/<int:pk>/declarations/new/",
        minutes_views.declaration_new,
        name="declaration_new",
    ),
    path(
        "backoffice/declarations/<int:pk>/remove/",
        minutes_views.declaration_remove,
        name="declaration_remove",
    ),
    path("backoffice/items/<int:pk>/minutes/", minutes_views.item_minutes, name="item_minutes"),
    path(
        "backoffice/items/<int:pk>/minutes/discard/",
        minutes_views.discard_minutes,
        name="discard_minutes",
    ),
    path(
        "backoffice/meetings/<int:pk>/minutes/publish/",
        minutes_views.publish_minutes,
        name="publish_minutes",
    ),
    path("backoffice/items/<int:pk>/motions/new/", minutes_views.motion_edit, name="motion_new"),
    path(
        "backoffice/items/<int:pk>/motions/<int:motion_pk>/",
        minutes_views.motion_edit,
        name="motion_edit",
    ),
    path(
        "backoffice/items/<int:pk>/motions/<int:motion_pk>/remove/",
        minutes_views.motion_remove,
        name="motion_remove",
    ),
    path(
        "backoffice/items/<int:pk>/approve-minutes/",
        minutes_views.approve_minutes,
        name="approve_minutes",
    ),
    path(
        "backoffice/items/<int:pk>/records/<str:kind>/add/",
        minutes_views.record_correct,
        name="record_add",
    ),
    path(
        "backoffice/items/<int:pk>/records/<str:kind>/<int:row>/correct/",
        minutes_views.record_correct,
        name="record_correct",
    ),
    path(
        "backoffice/items/<int:pk>/records/<str:kind>/<int:row>/<str:action>/",
        minutes_views.record_decide,
        name="record_decide",
    ),
    path(
        "backoffice/corrections/<int:pk>/undo/",
        minutes_views.correction_undo,
        name="correction_undo",
    ),
    # Public: papers and agenda packs, sent by a view with safe headers.
    path("papers/<int:pk>/<str:filename>", files.paper, name="paper"),
    path("meetings/<int:pk>/agenda-pack.pdf", files.agenda_pack, name="agenda_pack"),
]
