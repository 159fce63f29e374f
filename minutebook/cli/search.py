"""`minutebook reindex` and `minutebook search`: the search index from the command line."""

from __future__ import annotations

import click

from minutebook.cli.setup import setup_django


@click.command()
def reindex() -> None:
    """Rebuild the search index from the stored records.

    Imports keep the index in step by themselves; this is for a database filled before
    the search index existed, or after restoring tables by hand.
    """
    setup_django()
    from minutebook.cli.progress import err_console, item_progress
    from minutebook.search.indexing import rebuild

    with item_progress(err_console) as progress:
        task = progress.add_task("Indexing", total=None, items=0)

        def on_chunk(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, items=done)

        written = rebuild(on_chunk=on_chunk)
    click.echo(f"search index rebuilt: {written} entries")


@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
def search_cmd(words: tuple[str, ...], limit: int) -> None:
    """Search the minutes: best matches first, with where each was said."""
    setup_django()
    from minutebook.search.backends import SearchRequest, get_backend
    from minutebook.search.backends.base import COUNT_CAP
    from minutebook.search.query import parse

    request = SearchRequest(query=parse(" ".join(words)), per_page=limit)
    page = get_backend().search(request)
    click.echo(f"{f'more than {COUNT_CAP:,}' if page.more else page.total} result(s)")
    for hit in page.hits:
        e = hit.entry
        when = e.date.isoformat() if e.date else "date not known"
        snippet = str(hit.snippet).replace("<mark>", "[").replace("</mark>", "]")
        click.echo(f"- {e.get_kind_display()} · {e.committee.name} · {when} · {hit.url}")
        click.echo(f"  {e.item.title}")
        if snippet:
            click.echo(f"  {snippet}")
