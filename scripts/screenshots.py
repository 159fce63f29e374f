"""Screenshots of every public and back-office page type at desktop and mobile widths.

Builds a throwaway SQLite database from the demo data (the two seed pages and the Kent
corpus sample in ../shared, or the fictional examples), serves it on 127.0.0.1, and has
Debian's Chromium capture each page type into docs/screenshots/, so a reviewer can see the
site without running it. ``make screenshots`` runs this.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WIDTHS = {"desktop": (1280, 900), "mobile": (390, 844)}
MAX_HEIGHT = 2800  # long pages are cut here; the top of a page is what a reviewer needs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_database(env: dict[str, str]) -> None:
    """Migrate and import the demo data, with extraction, as `minutebook demo` does."""
    cli = [sys.executable, "-m", "minutebook.cli.main"]
    subprocess.run([*cli, "demo", "--no-serve", "--sample", "400"], env=env, cwd=ROOT, check=True)


def pick_pages() -> dict[str, str]:
    """One URL per page type, choosing records that show each page at its fullest."""
    from django.db.models import Count

    from minutebook.records.models import AgendaItem, Body, Committee, Entity, Meeting, Person

    # Prefer an item published in paragraphs (as the seed pages are) with the most structure.
    items = AgendaItem.objects.filter(minutes_text__contains="\n\n")
    if not items.exists():
        items = AgendaItem.objects.all()
    item = (
        items.annotate(
            richness=Count("questions", distinct=True) + Count("commitments", distinct=True),
            speakers=Count("statements__speaker_label", distinct=True),
        )
        .order_by("-richness", "-speakers", "pk")
        .first()
    )
    person = (
        Person.objects.annotate(n=Count("statements", distinct=True) + Count("commitments"))
        .order_by("-n", "pk")
        .first()
    )
    topic = (
        Entity.objects.filter(type__in=["programme", "organisation"])
        .filter(mentions__item__meeting__date__isnull=False)
        .annotate(n=Count("mentions__item", distinct=True))
        .filter(n__gte=3, n__lte=12)
        .order_by("-n", "pk")
        .first()
    ) or Entity.objects.order_by("pk").first()
    meeting = (
        Meeting.objects.filter(date__isnull=False)
        .annotate(n=Count("items__questions"), items_n=Count("items", distinct=True))
        .filter(items_n__lte=12)
        .order_by("-n", "pk")
        .first()
    ) or item.meeting
    body = Body.objects.annotate(n=Count("committees")).order_by("-n", "pk").first()
    committee = Committee.objects.annotate(n=Count("meetings")).order_by("-n", "pk").first()
    pages = {
        "home": "/",
        "body": body.get_absolute_url(),
        "committee": committee.get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "item": item.get_absolute_url(),
        "person": person.get_absolute_url(),
        "questions": "/questions/",
        "search": "/search/?q=children+services",
        "search-no-results": "/search/?q=zyzzyva+quango&type=statement",
    }
    if topic is not None:
        pages["topic"] = topic.get_absolute_url()
    # The committee system: the demo's upcoming meeting, its committee, the calendars.
    upcoming = Meeting.objects.filter(key="demo:upcoming").select_related("committee").first()
    pages["meetings"] = "/meetings/"
    pages["committees"] = "/committees/"
    if upcoming is not None:
        pages["meeting-upcoming"] = upcoming.get_absolute_url()
        pages["committee-members"] = upcoming.committee.get_absolute_url()
        pages["ask"] = f"/meetings/{upcoming.pk}/questions/ask/"
        exempt = upcoming.items.filter(is_exempt=True).first()
        if exempt is not None:
            pages["item-exempt"] = exempt.get_absolute_url()
    # Minutes written in minutebook: attendance, declaration, recorded vote, not yet approved.
    minuted = Meeting.objects.filter(key="demo:minuted").first()
    if minuted is not None:
        pages["meeting-minutes"] = minuted.get_absolute_url()
        pages["item-minutes"] = minuted.items.first().get_absolute_url()
        voter = Person.objects.filter(votes__motion__item__meeting=minuted).order_by("pk").first()
        if voter is not None:
            pages["person-votes"] = voter.get_absolute_url()
    return pages


def back_office_pages() -> tuple[dict[str, str], tuple[str, str] | None]:
    """Back-office pages of the demo meeting, and a clerk account made for them."""
    import secrets

    from django.contrib.auth.models import Group, User

    from minutebook.questions.models import ClerkAssignment
    from minutebook.records.models import Meeting
    from minutebook.records.roles import CLERK_GROUP

    upcoming = Meeting.objects.filter(key="demo:upcoming").first()
    if upcoming is None:
        return {}, None
    password = secrets.token_urlsafe(16)
    user, _ = User.objects.get_or_create(username="screenshot-clerk")
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=CLERK_GROUP))
    ClerkAssignment.objects.get_or_create(user=user, committee_id=upcoming.committee_id)
    item = upcoming.items.order_by("order").last()
    pages = {
        "backoffice-committees": "/backoffice/committees/",
        "backoffice-committee": f"/backoffice/committees/{upcoming.committee_id}/",
        "backoffice-schedule": f"/backoffice/committees/{upcoming.committee_id}/meetings/new/",
        "backoffice-meeting": f"/backoffice/meetings/{upcoming.pk}/",
        "backoffice-item": f"/backoffice/items/{item.pk}/edit/",
    }
    minuted = Meeting.objects.filter(key="demo:minuted").first()
    if minuted is not None:
        minuted_item = minuted.items.first()
        pages["backoffice-attendance"] = f"/backoffice/meetings/{minuted.pk}/attendance/"
        pages["backoffice-minutes"] = f"/backoffice/items/{minuted_item.pk}/minutes/"
        pages["backoffice-motion"] = f"/backoffice/items/{minuted_item.pk}/motions/new/"
    return pages, (user.username, password)


def wait_for(url: str, timeout: float = 30.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def capture(
    base: str, pages: dict[str, str], out: Path, login: tuple[str, str] | None = None
) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for label, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="en-GB"
            )
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(base) else route.abort()
                ),
            )
            page = context.new_page()
            if login is not None:
                page.goto(base + "/backoffice/login/")
                page.fill("#id_username", login[0])
                page.fill("#id_password", login[1])
                page.click("#content form button[type=submit]")
                page.wait_for_url(base + "/backoffice/")
            for name, path in pages.items():
                page.goto(base + path, wait_until="load")
                full = page.evaluate("() => document.documentElement.scrollHeight")
                target = out / f"{name}-{label}.png"
                page.screenshot(
                    path=str(target),
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT)},
                )
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--db", help="Use this existing SQLite database instead of a new one.")
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        print(f"screenshots: {CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="minutebook-shots-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.sqlite3"
        env = {
            **os.environ,
            "MINUTEBOOK_DATABASE_URL": f"sqlite:///{db.resolve()}",
            "DJANGO_SETTINGS_MODULE": "minutebook.project.settings",
        }
        if not args.db:
            build_database(env)
        os.environ.update(env)
        import django

        django.setup()
        pages = pick_pages()
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "minutebook.cli.main", "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/")
            if _served(base + "/commitments/"):
                pages["commitments"] = "/commitments/"
            written = capture(base, pages, out)
            office, login = back_office_pages()
            if login is not None:
                written += capture(base, office, out, login)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def _served(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main())
