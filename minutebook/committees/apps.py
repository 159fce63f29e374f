"""The committee system's back office: committees, members, meetings, agendas, papers,
publication (PRODUCT.md C11). Models live in ``records``; this app is the clerks' screens
and the rules they follow."""

from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "minutebook.committees"
    label = "committees"
    verbose_name = "Committee system"
