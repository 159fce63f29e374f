"""JSON Lines of agenda items, one object a line, as in ``shared/corpus/``.

Fields: ``id``, ``body``, ``committee_id``, ``meeting_id``, ``meeting_date`` (epoch
milliseconds, UTC, or an ISO date), ``title``, ``text``, optional ``committee`` (a display
name), ``description``, ``number``, ``truncated``. The file is streamed, so an archive of
any size can be imported without holding it in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from minutebook.core.decoding import normalise_text
from minutebook.core.errors import SourceError
from minutebook.core.items import Provenance, SourceItem, sha256_bytes
from minutebook.core.readers import MAX_JSONL_LINE_BYTES, Hints


def sniff(head: bytes, path: str) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return first == b"{" and (b'"text"' in head or b'"title"' in head)


def read(data: bytes, uri: str, hints: Hints) -> Iterator[SourceItem]:
    lines = data.splitlines(keepends=True)
    _check(lines, uri, hints)
    yield from _items(lines, uri, hints)


def read_file(path: str, uri: str, hints: Hints, *, label: str) -> Iterator[SourceItem]:
    """Read the file twice, holding one line at a time: a first pass checks every line, so
    a bad line fails the file before any item of it is stored; the second yields them."""
    try:
        with open(path, "rb") as fh:
            _check(fh, uri, hints)
        with open(path, "rb") as fh:
            yield from _items(fh, uri, hints)
    except SourceError as exc:
        raise SourceError(label, exc.reason) from None
    except OSError as exc:
        raise SourceError(label, f"cannot be read ({exc.strerror or exc})") from None


def _check(lines: Iterable[bytes], uri: str, hints: Hints) -> None:
    if sum(1 for _ in _items(lines, uri, hints)) == 0:  # every line, not just the first
        raise SourceError(uri, "no items in JSON Lines file")


def _items(lines: Iterable[bytes], uri: str, hints: Hints) -> Iterator[SourceItem]:
    for lineno, raw in enumerate(lines, start=1):
        if len(raw) > MAX_JSONL_LINE_BYTES:
            raise SourceError(uri, f"line {lineno}: longer than {MAX_JSONL_LINE_BYTES} bytes")
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise SourceError(uri, f"line {lineno}: not valid JSON ({exc.args[0]})") from None
        if not isinstance(record, dict):
            raise SourceError(uri, f"line {lineno}: expected a JSON object")
        yield _item(record, raw, uri, lineno, hints)


def _item(record: dict, raw: bytes, uri: str, lineno: int, hints: Hints) -> SourceItem:
    title = record.get("title")
    text = record.get("text")
    if not isinstance(title, str) or not isinstance(text, str):
        raise SourceError(uri, f"line {lineno}: needs string fields 'title' and 'text'")
    meeting_date = _date(record.get("meeting_date"), uri, lineno) or hints.meeting_date
    committee_id = str(record.get("committee_id") or "")
    committee = str(record.get("committee") or "") or _humanise(committee_id) or hints.committee
    item_id = str(record.get("id") or f"line-{lineno}")
    meeting_id = str(record.get("meeting_id") or "")
    return SourceItem(
        title=normalise_text(title).strip(),
        minutes_text=normalise_text(text).strip(),
        description=record.get("description") or None,
        number=str(record.get("number") or ""),
        provenance=Provenance(uri=f"{uri}#{item_id}", sha256=sha256_bytes(raw.strip())),
        body=str(record.get("body") or "") or hints.body,
        committee=committee,
        committee_key=f"id:{committee_id}" if committee_id else "",
        meeting_date=meeting_date,
        meeting_key=f"id:{meeting_id}"
        if meeting_id
        else (f"date:{meeting_date.isoformat()}" if meeting_date else f"item:{item_id}"),
        item_key=f"id:{item_id}",
        order=lineno,
        truncated=bool(record.get("truncated")),
    )


def _date(value: object, uri: str, lineno: int) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise SourceError(uri, f"line {lineno}: meeting_date must be epoch ms or YYYY-MM-DD")
    if isinstance(value, int | float):
        # Epoch ms in UTC. Meetings are published as midnight London time, which is 23:00
        # UTC the day before in summer, so round to the nearest day rather than truncate.
        try:
            ts = dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC) + dt.timedelta(hours=12)
        except (OverflowError, ValueError, OSError):  # NaN, infinity, past year 9999
            raise SourceError(uri, f"line {lineno}: meeting_date {value!r} is not a date") from None
        return ts.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise SourceError(uri, f"line {lineno}: meeting_date must be epoch ms or YYYY-MM-DD")


def _humanise(committee_id: str) -> str:
    """'children-young-people-and-education' -> 'Children Young People And Education'."""
    if not committee_id or committee_id.isdigit():
        return ""
    words = committee_id.replace("_", "-").split("-")
    small = {"and", "of", "for", "the", "on", "in"}
    return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))
