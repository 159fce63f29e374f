"""`minutebook extract` and `minutebook eval`: the extractor and its yardstick at a terminal.

Thin on purpose: reading is :func:`minutebook.core.readers.read_source`, extraction is
:func:`minutebook.core.extract.extract`, scoring is :mod:`minutebook.core.evaluate`. What
lives here is only what a person at a terminal needs: a JSON list to pipe on, a summary to
read, a score table, and one-line errors that name the input.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import textwrap
from typing import Any

import click

from minutebook.cli.sources import extract_sources
from minutebook.core.errors import SourceError
from minutebook.core.readers import Hints

# --------------------------------------------------------------------------- text summary


def _width() -> int:
    return max(60, min(100, shutil.get_terminal_size((100, 24)).columns))


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=_width(),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _who(speaker: dict[str, Any] | None) -> str:
    """A speaker as a person would write it: "The Executive Member (Joe Caluori)"."""
    if not speaker:
        return "unattributed"
    label, name = speaker.get("label") or "", speaker.get("name")
    if name and name.lower() not in label.lower():
        return f"{label} ({name})" if label else name
    return label or name or "unattributed"


def render_text(result: dict[str, Any]) -> str:
    """A readable summary of one extraction: what was decided, promised, asked, and named."""
    item = result["item"]
    lines = [f"== {item['title']} ==", f"source: {result['source']}"]
    statements = result["statements"]
    attributed = sum(1 for s in statements if s.get("speaker"))
    lines.append(f"{len(statements)} statements, {attributed} with a speaker")

    def section(title: str, records: list[Any]) -> None:
        lines.append("")
        lines.append(f"{title} ({len(records)})" if records else f"{title}: none")

    section("Decisions", result["decisions"])
    for d in result["decisions"]:
        lines.append(_wrap(d["text"], f"  - [{d['kind']}] ", "    "))
    section("Commitments", result["commitments"])
    for c in result["commitments"]:
        due = f" (due {c['due']})" if c.get("due") else ""
        lines.append(_wrap(f"{c['action']}{due}", f"  - {_who(c['actor'])}: ", "    "))
    section("Questions", result["questions"])
    for q in result["questions"]:
        lines.append(_wrap(q["question"], f"  Q {_who(q['asker'])}: ", "    "))
        answer = q.get("answer") or "(no answer recorded)"
        lines.append(_wrap(answer, f"  A {_who(q['responder'])}: ", "    "))
    section("Amounts", result["amounts"])
    for a in result["amounts"]:
        lines.append(f"  - {a['text']} = {a['value']:,} {a['currency']}")
    section("Dates", result["dates"])
    for d in result["dates"]:
        lines.append(f"  - {d['text']} = {d['date']}")
    section("People", result["people"])
    for p in result["people"]:
        lines.append(f"  - {p['name']}" + (f", {p['role']}" if p.get("role") else ""))
    section("Entities", result["entities"])
    for e in result["entities"]:
        lines.append(f"  - {e['name']} [{e['type']}]")
    return "\n".join(lines)


# --------------------------------------------------------------------------- extract


def _write(text: str) -> None:
    """Write to stdout as soon as each item is done, so long runs show progress."""
    click.echo(text, nl=False)
    sys.stdout.flush()


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True
)
@click.option(
    "--meeting-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Meeting date (YYYY-MM-DD) for resolving relative dates, if the input does not say.",
)
@click.option("--committee", default="", help="Committee, if the input does not say.")
@click.option("--body", default="", help="Council, if the input does not say.")
def extract_cmd(
    paths: tuple[str, ...], fmt: str, meeting_date: dt.datetime | None, committee: str, body: str
) -> None:
    """Extract statements, questions, commitments, decisions, amounts, dates, people and
    entities from agenda items.

    PATHS are saved ModernGov pages (HTML or text), "title, blank line, minutes" text files,
    JSON Lines, ModernGov GetMeeting XML or PDF; "-" reads standard input. JSON output is
    one list with an object per item (schema minutebook.extraction/1). An input that cannot
    be read is reported on stderr and the others are still extracted; the exit status is
    then 1.
    """
    hints = Hints(
        body=body, committee=committee, meeting_date=meeting_date.date() if meeting_date else None
    )
    errors: list[str] = []
    count = 0
    failed = False

    def report_errors() -> None:
        nonlocal failed
        for error in errors:
            click.echo(f"error: {error}", err=True)
        failed = failed or bool(errors)
        errors.clear()

    for _item, result in extract_sources(paths, hints, errors):
        report_errors()
        if fmt == "json":
            body_text = json.dumps(result, ensure_ascii=False, indent=2)
            _write(("[\n" if count == 0 else ",\n") + textwrap.indent(body_text, "  "))
        else:
            _write(("" if count == 0 else "\n\n") + render_text(result))
        count += 1
    report_errors()
    if fmt == "json":
        _write("\n]\n" if count else "[]\n")
    elif count:
        _write("\n")
    if failed:
        sys.exit(1)


# --------------------------------------------------------------------------- eval


def _report_table(report: Any, title: str) -> Any:
    from rich.table import Table

    from minutebook.core.evaluate import TYPES

    table = Table(title=title, title_justify="left")
    for heading in ("type", "gold", "predicted", "TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(heading, justify="left" if heading == "type" else "right")
    totals = report.totals
    for kind in TYPES:
        c = totals[kind]
        table.add_row(
            kind,
            str(c.tp + c.fn),
            str(c.tp + c.fp),
            str(c.tp),
            str(c.fp),
            str(c.fn),
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
        )
    table.add_section()
    table.add_row("macro-F1", "", "", "", "", "", "", "", f"[bold]{report.macro_f1:.3f}[/bold]")
    return table


def _folder_table(folders: dict[str, Any]) -> Any:
    """F1 per type and macro-F1 for each gold folder of a tree."""
    from rich.table import Table

    from minutebook.core.evaluate import TYPES

    table = Table(title="F1 per folder", title_justify="left")
    table.add_column("folder")
    table.add_column("items", justify="right")
    for kind in TYPES:
        table.add_column(kind[:5], justify="right")
    table.add_column("macro", justify="right")
    for folder, sub in folders.items():
        totals = sub.totals
        table.add_row(
            folder,
            str(len(sub.items)),
            *(f"{totals[t].f1:.3f}" for t in TYPES),
            f"{sub.macro_f1:.3f}",
        )
    return table


@click.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--confusions", is_flag=True, help="List every false positive and false negative by item."
)
@click.option(
    "--no-cv",
    is_flag=True,
    help="Use the shipped name and sentence-role models, even on items they were trained on "
    "(what 'extract' outputs; optimistic). By default those items are read by the fold "
    "models that did not see their council.",
)
def eval_cmd(paths: tuple[str, ...], fmt: str, confusions: bool, no_cv: bool) -> None:
    """Score the extractor against gold answers: precision, recall and F1 per record type
    and the macro-F1 over the seven types.

    PATHS are gold JSON files or directories, searched recursively, so a tree of gold
    sets (shared/gold/diverse) is one argument; files that are not per-item gold (links.json,
    manifest.json) are skipped. A gold file without minutes_text names its source file
    (relative to the folder holding gold/), which is read and extracted exactly as
    `minutebook extract FILE` does. With several folders, F1 per folder is shown too.
    Items the name tagger or the sentence-role model (decisions, commitments) was trained on
    are read by the fold model that never saw their council (grouped cross-validation; see
    docs/EXTRACTION.md), unless --no-cv. MINUTEBOOK_ROLES=rules|learned picks the path for
    decisions and commitments (default: learned for decisions, rules for commitments).
    Scoring follows the extraction contract: see docs/EXTRACTION.md.
    """
    from minutebook.core.evaluate import GoldError, evaluate_gold, load_gold
    from minutebook.core.extract import EXTRACTOR_VERSION

    try:
        cases = load_gold(paths)
    except (GoldError, SourceError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if not cases:
        click.echo(f"error: {', '.join(paths)}: no item gold files found", err=True)
        sys.exit(1)
    if no_cv:
        from minutebook.core.extract import extract

        report = evaluate_gold(cases, extract)
    else:
        report = evaluate_gold(cases)
    if fmt == "json":
        doc = {"extractor_version": EXTRACTOR_VERSION, **report.to_dict(confusions=confusions)}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console(width=max(100, shutil.get_terminal_size((100, 24)).columns))
    title = f"{len(cases)} gold items · extractor {EXTRACTOR_VERSION}"
    console.print(_report_table(report, title))
    speakers = report.to_dict()["speaker_attribution"]
    parts = []
    for check, tally in speakers.items():
        if tally["total"]:
            parts.append(
                f"{check.replace('_', ' ')} {tally['correct']}/{tally['total']} "
                f"({tally['accuracy']:.3f})"
            )
    if parts:
        console.print("Speaker attribution (not in macro-F1): " + "; ".join(parts))
    folders = report.by_folder()
    if len(folders) > 1:
        console.print(_folder_table(folders))
    if confusions:
        _print_confusions(console, report)


def _print_confusions(console: Any, report: Any) -> None:
    """False negatives (missed) and false positives (spurious) per type, with their item."""
    from rich.markup import escape

    from minutebook.core.evaluate import TYPES

    found = report.confusions
    if not found:
        console.print("No confusions: every gold record was found and nothing else.")
        return
    for kind in TYPES:
        of_kind = [c for c in found if c.kind == kind]
        if not of_kind:
            continue
        console.print(f"\n[bold]{kind}[/bold]")
        for error, label in (("fn", "missed"), ("fp", "spurious")):
            for c in of_kind:
                if c.error == error:
                    console.print(f"  {label:8} {escape(c.source)}: {escape(c.text)}")
