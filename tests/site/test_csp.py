"""The Content-Security-Policy hook (densedocs/site/csp.py) on a page's HTML: each
inline script that runs is named by its hash, data blocks and external scripts are
not, the policy comes first in <head>, and it names no origin but the site's. The
browser side (an injected script refused, every page working under the policy,
offline too) is in tests/browser/test_explain.py and test_every_page.py."""

import re

from densedocs.site.csp import digest, shim_bootstrap, with_policy
from tests.conftest import ROOT

PAGE = """<!doctype html><html><head>
<script>var a = 1;</script>
<script id="__config" type="application/json">{"search": "assets/w.js"}</script>
<script src="bundle.js"></script>
</head><body><script>var b = 2;</script></body></html>"""


def content(html: str) -> str:
    return re.search(r'Content-Security-Policy" content="([^"]*)"', html)[1]


def test_each_running_inline_script_is_allowed_by_its_hash_and_nothing_else():
    html = with_policy(PAGE)
    assert html.index("Content-Security-Policy") < html.index("<script")
    policy = content(html)
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src.split() == [
        "script-src",
        "'self'",
        *sorted([digest("var a = 1;"), digest("var b = 2;")]),
    ]
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in policy
    assert not re.search(r"https?:|\*", policy)


def test_a_changed_script_is_no_longer_allowed():
    policy = content(with_policy(PAGE))
    assert digest("var a = 1; alert(1)") not in policy


def test_the_offline_search_shim_s_script_is_hashed_from_the_shim():
    shim = (ROOT / "node_modules/iframe-worker/shim/index.js").read_text()
    bootstrap = shim_bootstrap(shim, PAGE)
    assert 'filename:"assets/w.js"' in bootstrap
    assert bootstrap.startswith("postMessage=function c(")
    assert digest(bootstrap) in content(with_policy(PAGE, shim))
