"""The export rebuild as a background task (registered with minutebook.jobs if installed)."""

from __future__ import annotations

#: Every quarter of an hour: the staleness check is a few aggregate queries, and a rebuild
#: happens only when the data changed.
CRON = "*/15 * * * *"


def build_site_exports() -> dict:
    """What ``minutebook export --site`` does: rebuild the stale downloads."""
    from minutebook.exports.build import rebuild_site_exports

    return {r.format: r.total for r in rebuild_site_exports()}
