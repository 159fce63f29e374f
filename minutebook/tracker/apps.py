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
        from minutebook.tracker.linking import relink_body

        # The one write path (records.writes) recomputes follow-up links through this.
        writes.register_relinker("tracker", relink_body)
