"""/open-data/: what can be downloaded or subscribed to, and the export files themselves.

Files are served from ``MINUTEBOOK_EXPORT_DIR`` (built by ``minutebook export --site``),
streamed from disk. Only names the manifest lists can be asked for, so no path from a
request ever reaches the file system unchecked.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import http_date

from minutebook.exports.build import FORMATS, generated_at, read_manifest, site_export_dir
from minutebook.records.models import Body

CONTENT_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def open_data(request: HttpRequest) -> HttpResponse:
    root = site_export_dir()
    exports = []
    for fmt in FORMATS:
        manifest = read_manifest(root / fmt)
        if manifest:
            exports.append({"format": fmt, "manifest": manifest, "made": generated_at(manifest)})
    bodies = Body.objects.order_by("name")[:50]
    return render(request, "exports/open_data.html", {"exports": exports, "bodies": bodies})


def download(request: HttpRequest, fmt: str, name: str) -> FileResponse:
    directory = site_export_dir() / fmt
    manifest = read_manifest(directory) if fmt in FORMATS else None
    listed = {f["name"] for f in (manifest or {}).get("files", [])} | {"manifest.json"}
    if manifest is None or name not in listed:
        raise Http404("No such export file.")
    path = directory / name
    try:
        handle = path.open("rb")
    except OSError as exc:  # rebuilt between reading the manifest and opening the file
        raise Http404("No such export file.") from exc
    response = FileResponse(
        handle,
        content_type=CONTENT_TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream"),
        as_attachment=name != "manifest.json",
        filename=f"minutebook-{fmt}-{name}",
    )
    response["Last-Modified"] = http_date(path.stat().st_mtime)
    response["Access-Control-Allow-Origin"] = "*"
    return response
