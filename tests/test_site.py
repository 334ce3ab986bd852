"""The site as a reader gets it: built strictly, offline, without TensorFlow."""

import re

from tests.conftest import ROOT
from tools.captures import read_manifest
from tools.checks import third_party_assets


def test_site_builds_strictly_offline_and_without_tensorflow(built_site):
    # The fixture fails if `mkdocs build --strict` warns, reaches for the network
    # or imports TensorFlow or Keras.
    for page in ("index.html", "answer/index.html", "check/index.html"):
        assert (built_site / page).is_file(), page


def test_site_loads_nothing_from_other_hosts(built_site):
    problems = third_party_assets(built_site)
    assert not problems, "\n".join(problems)


def test_pages_show_real_captures_with_their_versions(built_site):
    versions = read_manifest(ROOT)["captured_with"]
    for page in ("answer/index.html", "check/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
        assert f"Keras {versions['keras']} on TensorFlow" in text, page
    answer = (built_site / "answer" / "index.html").read_text(encoding="utf-8")
    assert "Total params: 129 (516.00 B)" in answer
