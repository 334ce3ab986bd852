"""The package's layers hold (densedocs/__init__.py): the build imports nothing that
captures or checks, and no layer imports one above it."""

import shutil

import pytest

from densedocs.checks.layers import layer_problems
from tests.conftest import ROOT
from tests.helpers import joined


def test_every_import_follows_the_layers():
    problems = layer_problems(ROOT)
    assert not problems, "\n".join(problems)


@pytest.fixture
def package(tmp_path):
    """A copy of the package alone, to tamper with."""
    shutil.copytree(ROOT / "densedocs", tmp_path / "densedocs")
    return tmp_path


@pytest.mark.parametrize(
    "module, line, reported",
    [
        (
            "site/figures.py",
            "from densedocs.capture.store import read_capture\n",
            "site/figures.py:1 imports densedocs.capture.store: site may import "
            "only layout, pages",
        ),
        (
            "site/code_blocks.py",
            "from densedocs import checks\n",
            "imports densedocs.checks: site may import only layout, pages",
        ),
        ("site/i18n.py", "import keras\n", "imports keras: the build never does"),
        (
            "capture/store.py",
            "from densedocs.checks.claims import prose\n",
            "imports densedocs.checks.claims: capture may import only layout, pages",
        ),
        (
            "layout.py",
            "import densedocs.pages\n",
            "imports densedocs.pages: layout may import nothing of the package",
        ),
    ],
)
def test_an_import_against_the_layers(package, module, line, reported):
    path = package / "densedocs" / module
    path.write_text(line + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert reported in joined(layer_problems(package))


def test_a_module_outside_every_layer(package):
    (package / "densedocs" / "zz_test_misc.py").write_text("x = 1\n")
    assert "densedocs/zz_test_misc.py: in no layer" in joined(layer_problems(package))
