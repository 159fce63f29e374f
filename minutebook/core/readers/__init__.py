"""Turn any supported source into :class:`~minutebook.core.items.SourceItem` objects.

Each format lives in its own module with two functions, ``sniff(head, path)`` and
``read(data, uri, hints)``. Formats are recognised by content, not by file extension,
because saved pages and exports arrive with arbitrary names (``page.htm``, ``item (2).txt``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType

from minutebook.core.errors import SourceError
from minutebook.core.items import SourceItem

#: Single documents (a page, a text file, a PDF) above this size are refused: no real
#: agenda item is that big, and reading one would only exhaust memory. JSON Lines files are
#: streamed, so they are limited per line instead.
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
MAX_JSONL_LINE_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 4096

#: Tried in order; the first whose ``sniff`` accepts the head of the source reads it.
#: PDF comes first (it is binary, which the text readers refuse); plain text comes last
#: because it accepts anything that decodes as text.
FORMAT_MODULES = ("pdf", "jsonl", "moderngov_xml", "moderngov_html", "agenda_text")


@dataclass(frozen=True)
class Hints:
    """What the user told us about a source that the source itself may not say."""

    body: str = ""
    committee: str = ""
    meeting_date: dt.date | None = None


def _modules() -> list[ModuleType]:
    return [import_module(f"{__name__}.{name}") for name in FORMAT_MODULES]


def source_uri(path: str) -> str:
    """A stable URI for provenance: absolute file URI, or ``-`` for stdin."""
    if path == "-":
        return "-"
    return Path(path).resolve().as_uri()


def read_source(path: str, hints: Hints | None = None) -> Iterator[SourceItem]:
    """Read one file (or ``-`` for stdin) and yield its agenda items.

    Raises :class:`SourceError` with a one-line reason when the source cannot be read;
    nothing is yielded for a source that fails before its first item.
    """
    hints = hints or Hints()
    uri = source_uri(path)
    label = "<stdin>" if path == "-" else path
    if path == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise SourceError(label, f"too large (over {MAX_DOCUMENT_BYTES // 2**20} MB)")
        yield from read_bytes(data, uri, hints, label=label)
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SourceError(label, "no such file") from None
    except OSError as exc:
        raise SourceError(label, exc.strerror or str(exc)) from None
    if os.path.isdir(path):
        try:
            os.listdir(path)
        except OSError as exc:
            raise SourceError(label, f"folder cannot be read ({exc.strerror})") from None
        raise SourceError(label, "a folder (name it, not its contents, to import them)")
    if not os.path.isfile(path):
        raise SourceError(label, "not a regular file")
    if st.st_size == 0:
        raise SourceError(label, "empty file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
            jsonl = import_module(f"{__name__}.jsonl")
            if jsonl.sniff(head, path):
                data = None
            elif st.st_size > MAX_DOCUMENT_BYTES:
                raise SourceError(
                    label,
                    f"too large ({st.st_size / 2**20:.0f} MB; the limit for one document is "
                    f"{MAX_DOCUMENT_BYTES // 2**20} MB)",
                )
            else:
                data = head + fh.read()
    except OSError as exc:  # unreadable (permissions), or gone since it was listed
        raise SourceError(label, f"cannot be read ({exc.strerror or exc})") from None
    if data is None:
        yield from jsonl.read_file(path, uri, hints, label=label)
        return
    yield from read_bytes(data, uri, hints, label=label)


def read_bytes(
    data: bytes, uri: str, hints: Hints, *, label: str | None = None
) -> Iterator[SourceItem]:
    """Read an in-memory source. ``label`` names it in errors (defaults to ``uri``)."""
    label = label or uri
    if not data.strip():
        raise SourceError(label, "empty file")
    head = data[:SNIFF_BYTES]
    for module in _modules():
        if module.sniff(head, label):
            try:
                yield from module.read(data, uri, hints)
            except SourceError as exc:
                # Re-label so the user sees the name they typed, not a file:// URI.
                raise SourceError(label, exc.reason) from None
            return
    raise SourceError(label, "unrecognised format")
