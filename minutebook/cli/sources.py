"""Expand the paths a user typed (files, directories, globs, '-') into sources to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator

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
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(SKIP_SUFFIXES):
                        yield os.path.join(root, name)
        elif any(ch in path for ch in "*?[") and not os.path.exists(path):
            matches = sorted(glob.glob(path, recursive=True))
            yield from matches or [path]
        else:
            yield path
