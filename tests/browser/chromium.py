"""How minutebook drives Debian's Chromium, for the browser tests and `make screenshots`.

Never a browser Playwright downloads: the system one, without sandbox or GPU (containers)
and without any traffic of its own (updates, sync, first-run pages).
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
