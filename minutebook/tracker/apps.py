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
        from minutebook.records import writes
        from minutebook.tracker.incremental import mark_stale
        from minutebook.tracker.linking import relink_changed

        # The one write path (records.writes) recomputes follow-up links through this, and
        # tells the linker which items it must prepare again (every re-derived item).
        writes.register_relinker("tracker", relink_changed)
        writes.register_indexer("tracker-linker", mark_stale)
