"""Debian's Chromium, started the one way the browser tests and the bench start it.

Never a browser that Playwright or Lighthouse downloads: /usr/bin/chromium, from
Debian's package. The flags: headless, no sandbox (the tests run as root), no GPU,
and none of Chromium's own background connections (this machine's network is
closed: they would be refused, many at a time).
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
