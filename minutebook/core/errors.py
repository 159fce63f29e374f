"""Errors that name the source and the reason in one line, for users at a terminal."""

from __future__ import annotations


class SourceError(Exception):
    """A source could not be read; ``str()`` is the one-line message shown to users."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
