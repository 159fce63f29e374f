from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "minutebook.tracker"
    label = "tracker"
    #: What the back-office roles need here (minutebook.records.roles sets them up).
    roles = {
        "clerk": [
            "tracker.view_followuplink",
            "tracker.change_followuplink",
            "tracker.add_followuplink",
        ],
        "admin": ["tracker"],
    }

    def ready(self) -> None:
        from django.db.models.signals import post_save, pre_delete

        from minutebook.records import writes
        from minutebook.records.models import Person
        from minutebook.tracker.incremental import mark_stale, person_changed
        from minutebook.tracker.linking import relink_changed

        # The one write path (records.writes) recomputes follow-up links through this, and
        # tells the linker which items it must prepare again (every re-derived item).
        writes.register_relinker("tracker", relink_changed)
        writes.register_indexer("tracker-linker", mark_stale)
        # A renamed or deleted person changes what the linker reads of items no write
        # re-extracted: those are prepared again too.
        post_save.connect(person_changed, sender=Person, dispatch_uid="tracker-person-saved")
        pre_delete.connect(person_changed, sender=Person, dispatch_uid="tracker-person-deleted")
