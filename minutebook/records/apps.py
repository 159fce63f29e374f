from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RecordsConfig(AppConfig):
    name = "minutebook.records"
    label = "records"
    verbose_name = "Meeting record"
    #: What the back-office roles may do to the record (see minutebook.records.roles).
    roles = {
        "clerk": [
            "records.view_committee",
            "records.change_committee",
            "records.view_meeting",
            "records.add_meeting",
            "records.change_meeting",
            "records.view_agendaitem",
            "records.add_agendaitem",
            "records.change_agendaitem",
            "records.delete_agendaitem",
            "records.view_document",
            "records.add_document",
            "records.change_document",
            "records.delete_document",
            "records.view_membership",
            "records.add_membership",
            "records.change_membership",
            "records.delete_membership",
            "records.view_person",
            "records.add_person",
        ],
        "admin": [
            "records",
            "auth.view_user",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.view_group",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
        ],
    }

    def ready(self) -> None:
        from minutebook.records.roles import ensure_roles

        # Runs after each app's post_migrate, once its permissions exist; add-only.
        post_migrate.connect(ensure_roles, dispatch_uid="records-ensure-roles")
