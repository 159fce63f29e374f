"""Write an export, decide whether the site's downloads are stale, rebuild them.

An export of one format is written into a fresh folder beside its destination and moved
into place only when complete, so a reader (or the download page) never sees half a file
and a failed run leaves the previous export intact. ``manifest.json`` lists its files,
row counts, when it was made and the **data version** it was made from.

The data version is a digest of, for every exported table, its row count and newest
``updated_at``: a handful of aggregate queries over indexed columns, cheap enough for a
scheduler to ask every few minutes (``minutebook export --site``) and rebuild only when
something changed (a new, edited or deleted row changes a count or a time).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from minutebook.exports import ocd
from minutebook.exports.tables import tables

FORMATS = ("jsonl", "csv", "ocd")
MANIFEST = "manifest.json"
Progress = Callable[[str, int], None]


@dataclass
class ExportResult:
    format: str
    directory: Path
    data_version: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def data_version() -> str:
    """A digest of every public table's size and newest change (see the module docstring).

    Meetings, items and documents are counted as the public sees them (visibility), so a
    draft agenda being published or a paper being withdrawn changes the version too.
    """
    from minutebook.questions.models import PublicQuestion
    from minutebook.records import visibility
    from minutebook.records.models import Body, Committee, Membership
    from minutebook.tracker.models import FollowUpLink

    parts = []
    for label, qs in (
        ("bodies", Body.objects.all()),
        ("committees", Committee.objects.all()),
        ("meetings", visibility.meetings()),
        ("items", visibility.items()),
        ("documents", visibility.documents()),
        ("memberships", Membership.objects.all()),
        ("people", visibility.people()),
        ("organisations", visibility.entities()),
        ("follow_ups", FollowUpLink.objects.all()),
        ("public_questions", PublicQuestion.objects.all()),
    ):
        stats = qs.aggregate(n=Count("pk"), latest=Max("updated_at"))
        parts.append(f"{label}:{stats['n']}:{stats['latest']}")
    # Commitment status also moves with the calendar (open -> overdue): the date is part of it.
    parts.append(f"today:{timezone.localdate().isoformat()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _jsonl(path: Path, rows: Iterable[dict]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            n += 1
    return n


def _csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            n += 1
    return n


def _json_array(path: Path, rows: Iterator[dict]) -> int:
    """A JSON array written one element at a time."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for row in rows:
            out.write(",\n" if n else "\n")
            out.write(json.dumps(row, ensure_ascii=False))
            n += 1
        out.write("\n]\n")
    return n


def _counted(rows: Iterable[dict], name: str, progress: Progress | None) -> Iterator[dict]:
    for n, row in enumerate(rows, 1):
        if progress and n % 1000 == 0:
            progress(name, 1000)
        yield row


def write_export(fmt: str, directory: Path, *, progress: Progress | None = None) -> ExportResult:
    """Export the public record in ``fmt`` into ``directory`` (replaced whole when done)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    version = data_version()
    work = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        result = ExportResult(fmt, directory, version)
        if fmt == "ocd":
            for name, rows in ocd.FILES.items():
                stream = _counted(rows(), name, progress)
                result.rows[name] = _json_array(work / f"{name}.json", stream)
        else:
            for table in tables():
                stream = _counted(table.stream(), table.name, progress)
                if fmt == "jsonl":
                    result.rows[table.name] = _jsonl(work / f"{table.name}.jsonl", stream)
                else:
                    result.rows[table.name] = _csv(
                        work / f"{table.name}.csv", table.columns, stream
                    )
        _write_manifest(work, result)
        _replace(work, directory)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return result


def _write_manifest(work: Path, result: ExportResult) -> None:
    about = {t.name: t.about for t in tables()}
    extension = {"jsonl": "jsonl", "csv": "csv", "ocd": "json"}[result.format]
    manifest = {
        "format": result.format,
        "data_version": result.data_version,
        "generated_at": timezone.now().isoformat(),
        "files": [
            {
                "name": f"{name}.{extension}",
                "rows": rows,
                "bytes": (work / f"{name}.{extension}").stat().st_size,
                "about": about.get(name, ""),
            }
            for name, rows in result.rows.items()
        ],
        "licence_note": "Public meeting records as published by the councils named.",
    }
    (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _replace(work: Path, directory: Path) -> None:
    """Move the finished export into place; the old one is removed only afterwards."""
    old = None
    if directory.exists():
        old = directory.with_name(f".{directory.name}-old-{os.getpid()}")
        directory.rename(old)
    work.rename(directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def site_export_dir() -> Path:
    """Where the site's downloadable exports live (``MINUTEBOOK_EXPORT_DIR``)."""
    return Path(settings.EXPORT_DIR)


def read_manifest(directory: Path) -> dict | None:
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def stale_formats(root: Path | None = None, version: str | None = None) -> list[str]:
    """The formats whose site export is missing or older than the data."""
    root = root or site_export_dir()
    version = version or data_version()
    return [
        fmt for fmt in FORMATS if (read_manifest(root / fmt) or {}).get("data_version") != version
    ]


def rebuild_site_exports(
    *, force: bool = False, progress: Progress | None = None
) -> list[ExportResult]:
    """Rebuild the site's downloads that are stale (all of them with ``force``)."""
    root = site_export_dir()
    todo = list(FORMATS) if force else stale_formats(root)
    return [write_export(fmt, root / fmt, progress=progress) for fmt in todo]


def generated_at(manifest: dict) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(manifest["generated_at"])
    except (KeyError, TypeError, ValueError):
        return None
