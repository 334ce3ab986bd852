"""The built pages are valid HTML for the W3C Nu checker (vnu, pinned in package.json,
run with Debian's Java): our markup, that of the hooks and of the pages, passes.
Findings in Material's own templates are set aside, and so is vnu's guess at a
page's language, each with its reason."""

import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from tests.helpers import joined

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# (message, the markup it is about) of the findings that are not about our markup.
SET_ASIDE = [
    # Material's drawer and search toggles: <input type="checkbox" autocomplete>.
    (r"Attribute “autocomplete” is only allowed when", r'class="md-toggle"'),
    # Material's navigation.sections gives section labels tabindex="".
    (r"Bad value “” for attribute “tabindex” on element “label”", r"md-nav__link"),
    # vnu guesses a page's language from its text; on a Chinese page the code and
    # outputs (English) can outweigh the prose. tests/test_i18n.py checks lang.
    (r"This document appears to be written in \w+", r'<html lang="zh"'),
    # vnu checks each page as a file, where no address counts as 'self' and no
    # inline script by its hash (it flags JSON data blocks too). The browser holds
    # every page to its policy (densedocs/site/csp.py): tests/browser/
    # test_every_page.py, test_explain.py and test_offline.py.
    (r"violates Content Security Policy \(meta tag\)", r""),
]


def nu_findings(site) -> list[str]:
    """vnu's errors and warnings on every page of a built site, Material's aside."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(
            "the HTML check needs Debian's default-jre-headless and `npm ci` "
            "(make test installs both)",
            pytrace=False,
        )
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    found = []
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue  # notes such as "trailing slash on void elements"
        extract = message.get("extract", "")
        if any(
            re.search(text, message["message"]) and re.search(element, extract)
            for text, element in SET_ASIDE
        ):
            continue
        page = message["url"].split(str(site), 1)[-1]
        found.append(f"{page}: {message['message']}\n    {extract.strip()}")
    return found


def test_every_built_page_is_valid_html(built_site):
    problems = nu_findings(built_site)
    assert not problems, "\n".join(problems)


def test_invalid_markup_of_ours_is_found(built_site, tmp_path):
    page = tmp_path / "answer" / "index.html"
    page.parent.mkdir()
    html = (built_site / "answer" / "index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    assert article in html
    tampered = '<div markdown="0"></div><i id="twice"></i><i id="twice"></i>'
    page.write_text(html.replace(article, article + tampered), encoding="utf-8")
    problems = joined(nu_findings(tmp_path))
    assert "/answer/index.html" in problems and "Duplicate ID “twice”" in problems
    assert "Attribute “markdown” not allowed" in problems
