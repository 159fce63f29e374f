"""Shared browser fixtures: Debian's Chromium driven by Playwright, axe-core for accessibility.

Every engineer's browser tests use these, so they all run the same way:

- ``browser``: one headless Chromium per test session, always ``/usr/bin/chromium`` (never a
  browser Playwright downloaded). Tests skip with a clear reason when it is missing, unless
  ``MINUTEBOOK_REQUIRE_BROWSER=1`` (CI), when they fail instead.
- ``page``: a fresh page per test (1280x900) in a context that lets only 127.0.0.1 through:
  any request elsewhere is aborted and fails the test, so a stray CDN link cannot hide.
- ``axe``: ``axe(page)`` injects ``node_modules/axe-core/axe.min.js`` and returns the list of
  WCAG 2.x A/AA violations; ``assert_accessible(page)`` fails with a readable summary.
- ``strict_page``: like ``page`` but the site's Content-Security-Policy is enforced and any CSP
  violation or JavaScript error fails the test (``page`` bypasses CSP only so axe can be
  injected as a script tag).

Serve the site with pytest-django's ``live_server`` (127.0.0.1); tests that use it get a
transactional database, so data made in the test is visible to the server thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told this is safe. It is: the loop only drives the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


def _require_browser() -> bool:
    return os.environ.get("MINUTEBOOK_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test under tests/browser is a browser test, marked or not."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One headless Debian Chromium for the session."""
    missing = []
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a test dependency
        missing.append("the playwright package is not installed")
    if missing:
        reason = "; ".join(missing)
        if _require_browser():
            pytest.fail(f"MINUTEBOOK_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _loopback_only(context, offsite: list[str]) -> None:
    def handle(route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            offsite.append(url)
            route.abort()

    context.route("**/*", handle)


def _new_page(browser, *, bypass_csp: bool, viewport: dict | None = None):
    offsite: list[str] = []
    context = browser.new_context(
        viewport=viewport or DESKTOP,
        bypass_csp=bypass_csp,
        locale="en-GB",
        timezone_id="Europe/London",
    )
    context.set_default_timeout(15_000)
    _loopback_only(context, offsite)
    return context, context.new_page(), offsite


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page at desktop size; fails the test if anything off 127.0.0.1 was requested."""
    context, pg, offsite = _new_page(browser, bypass_csp=True)
    yield pg
    context.close()
    assert not offsite, f"the page requested resources off 127.0.0.1: {offsite}"


@pytest.fixture
def mobile_page(browser) -> Iterator:
    """Like ``page`` at a 390 px wide phone viewport."""
    context, pg, offsite = _new_page(browser, bypass_csp=True, viewport=MOBILE)
    yield pg
    context.close()
    assert not offsite, f"the page requested resources off 127.0.0.1: {offsite}"


@pytest.fixture
def strict_page(browser) -> Iterator:
    """A page with the site's CSP enforced; CSP violations and script errors fail the test."""
    context, pg, offsite = _new_page(browser, bypass_csp=False)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert not offsite, f"the page requested resources off 127.0.0.1: {offsite}"
    assert not problems, f"console errors (CSP violations or script errors): {problems}"


def run_axe(page, *, context: str | None = None) -> list[dict]:
    """Inject axe-core into ``page`` and return its WCAG 2.x A/AA violations."""
    if not AXE_JS.exists():
        message = f"{AXE_JS} missing: run `npm ci` (make install)"
        if _require_browser():
            pytest.fail(message)
        pytest.skip(message)
    # After a click that submits a form, the new document can be inspected before its
    # stylesheets have loaded; axe would then judge the unstyled page (target sizes etc.).
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => Array.from(document.styleSheets).length >= "
        "document.querySelectorAll('link[rel=stylesheet]').length"
    )
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async ([ctx, tags]) => await axe.run(ctx || document,
               {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [context, AXE_TAGS],
    )
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']!s:.300}")
    return "\n".join(lines)


def assert_accessible(page, *, context: str | None = None) -> None:
    """Fail with a readable list if axe-core finds any WCAG 2.x A/AA violation on the page."""
    violations = run_axe(page, context=context)
    assert not violations, f"axe-core violations on {page.url}:\n{format_violations(violations)}"


@pytest.fixture
def axe() -> Callable:
    """``axe(page)`` returns the violations list; see ``assert_accessible`` to assert none."""
    return run_axe


def focused_element(page) -> dict:
    """What keyboard focus is on now: tag, text, href, and whether it has a visible outline."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return null;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            return {tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || '').trim(),
                    href: el.getAttribute('href'), visible_focus: outline || shadow};
        }"""
    )


def heading_levels(page) -> list[int]:
    """The levels of the page's h1-h6, in document order."""
    return page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )


def assert_headings_in_order(page) -> None:
    """Exactly one h1, first; no level skipped on the way down (h2 -> h4)."""
    levels = heading_levels(page)
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"headings {levels} on {page.url}"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading level skips {before} -> {after} on {page.url}"
