"""MkDocs hook: every page carries a Content-Security-Policy that runs only the site's
own scripts and the inline scripts the page itself carries.

A shared link to "Explain your model" (docs/explain.md) brings a stranger's text into
a reader's page. The page shows it as text only; the policy is the second wall: were
any of it ever parsed as HTML, its script would not run. GitHub Pages sets no
headers, so the policy is a `<meta http-equiv="Content-Security-Policy">`, the first
element of `<head>` so that it covers every script after it.

`script-src` allows 'self' (the site's files; the offline edition's file:// pages
too, which Chromium counts as 'self' for pages read from file://) and each inline
script of the built page by its sha256 hash, computed here from the final HTML, so
a script a template or a hook adds is allowed only as it was built. Scripts that
only hold data (`type="application/json"`) never run and need no hash. No other
origin is named anywhere. Styles stay as Material writes them (style attributes
included), images may be data: URLs, and the search worker runs from the site.

The offline edition's search runs in the iframe-worker shim (densedocs/site/
offline.py), which writes one inline script into its iframe, which inherits the
policy: its text is the shim's two functions and the worker's address as the
page's __config names it, so its hash is computed from the shim as published. A
shim whose text no longer has that form stops the build.
"""

import base64
import hashlib
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from densedocs.site.couplings import iframe_worker
from densedocs.site.couplings.iframe_worker import SHIM
from densedocs.site.couplings.material import offline as _offline

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
RUNS = {"", "text/javascript", "application/javascript", "module"}
HEAD = re.compile(r"<head\b[^>]*>", re.I)


def runs(attrs: str) -> bool:
    """An inline script the browser runs (not one with src=, not a data block)."""
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    found = TYPE.search(attrs)
    return (found["type"].lower() if found else "") in RUNS


def digest(body: str) -> str:
    hashed = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(hashed).decode("ascii") + "'"


CONFIG = re.compile(
    r'<script id="__config" type="application/json">(.*?)</script>', re.S
)


def shim_bootstrap(shim: str, html: str) -> str:
    """The inline script the iframe-worker shim writes for this page's search."""
    config = CONFIG.search(html)
    if config is None:
        return ""
    return iframe_worker.bootstrap(shim, json.loads(config[1])["search"])


def policy(html: str, shim: str | None = None) -> str:
    """The page's policy: its own inline scripts by hash, scripts of the site."""
    scripts = SCRIPT.finditer(html)
    hashes = {digest(m["body"]) for m in scripts if runs(m["attrs"])}
    bootstrap = shim_bootstrap(shim, html) if shim else ""
    if bootstrap:
        hashes.add(digest(bootstrap))
    hashes = sorted(hashes)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str, shim: str | None = None) -> str:
    """The page with its policy, first in <head>."""
    head = HEAD.search(html)
    if head is None:
        return html
    content = policy(html, shim)
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: head.end()] + meta + html[head.end() :]


# Last of the post_page hooks: the hashes are of the page as it is written.
@event_priority(-100)
def on_post_page(output, page, config):
    shim = None
    if _offline(config):
        shim = (Path(config.config_file_path).parent / SHIM).read_text(encoding="utf-8")
    return with_policy(output, shim)
