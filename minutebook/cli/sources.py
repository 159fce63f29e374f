"""Expand the paths a user typed (files, directories, globs, '-') into sources to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator

from minutebook.core.errors import SourceError
from minutebook.core.items import SourceItem
from minutebook.core.readers import Hints, read_source

SKIP_SUFFIXES = (".md", ".json", ".py", ".pyc")


def expand_paths(paths: tuple[str, ...] | list[str]) -> Iterator[str]:
    """Directories are walked in sorted order; a glob the shell did not expand is expanded here.

    Inside directories, README-like files (SOURCE.md) and JSON files (gold answers, manifests)
    are skipped because they are not minutes; named explicitly, every file is tried.
    """
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(SKIP_SUFFIXES):
                        yield os.path.join(root, name)
            # A folder os.walk could not list is yielded, so reading it reports why.
            yield from (exc.filename for exc in unreadable if exc.filename)
        elif any(ch in path for ch in "*?[") and not os.path.exists(path):
            matches = sorted(glob.glob(path, recursive=True))
            yield from matches or [path]
        else:
            yield path


def item_source(path: str, item: SourceItem, count: int) -> str:
    """An item's name in output: the path as typed, plus ``#id`` inside a multi-item file."""
    if count == 1:
        return path
    uri = item.provenance.uri
    suffix = uri.rsplit("#", 1)[1] if "#" in uri else (item.item_key or str(item.order))
    return f"{path}#{suffix}"


def extract_sources(
    paths: tuple[str, ...], hints: Hints, errors: list[str]
) -> Iterator[tuple[SourceItem, dict]]:
    """Read and extract each path in turn: (item, extraction) pairs, with ``source`` set.

    A generator, so a large JSON Lines file is extracted item by item rather than held whole
    in memory. An unreadable path appends its one-line ``SourceError`` text to ``errors`` and
    the others are still read. Readers already apply ``hints.meeting_date`` to the items.
    """
    from minutebook.core.extract import extract

    for path in paths:
        try:
            items = list(read_source(path, hints))
        except SourceError as exc:
            errors.append(str(exc))
            continue
        for item in items:
            source = item_source(path, item, len(items))
            yield item, extract(item, meeting_date=item.meeting_date, source=source)
