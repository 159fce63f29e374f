"""The stderr console and progress bar that long-running commands share."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

err_console = Console(stderr=True)


def item_progress(console: Console, *, spinner: bool = False) -> Progress:
    """A bar with a running count of items on ``console``; hidden unless it is a terminal.

    Tasks must carry an ``items`` field. ``spinner`` adds one for work whose total is not
    known at first (listing a council's meetings).
    """
    columns = [
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[items]} items"),
        TimeElapsedColumn(),
    ]
    return Progress(
        *([SpinnerColumn(), *columns] if spinner else columns),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
