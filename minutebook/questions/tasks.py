"""The retention purge as a background task (registered with minutebook.jobs if installed).

Without it the purge ran only if an operator set up cron for ``minutebook questions purge``;
on the workers' schedule it runs every day by itself, as the alert digests do.
"""

from __future__ import annotations

#: Daily at 03:17: the period is counted in months, so once a day is prompt enough.
CRON = "17 3 * * *"


def purge_addresses() -> dict:
    """What ``minutebook questions purge`` does, with the configured retention period."""
    from minutebook.questions.retention import purge

    result = purge(actor="task:questions.purge")
    return {
        "cutoff": result.cutoff.isoformat(),
        "questions": result.questions,
        "audit_entries": result.audit_entries,
    }
