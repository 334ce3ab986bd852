"""The MkDocs way: a reader who knows MkDocs but not our Makefile installs the docs
lock into a fresh virtual environment and runs plain `mkdocs build --strict`."""

import subprocess
import sys

from tests.conftest import ROOT, copy_checkout


def test_a_fresh_venv_with_the_docs_lock_builds_the_site(tmp_path):
    checkout = copy_checkout(tmp_path / "checkout")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [venv / "bin" / "pip", "install", "--quiet", "--require-hashes"]
        + ["-r", ROOT / "requirements-docs.txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    # Nothing of the checkout is installed, and none of the Makefile's variables
    # is set: only what a shell has.
    environment = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path)}
    imported = subprocess.run(
        [venv / "bin" / "python", "-c", "import densedocs"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        check=False,
    )
    assert imported.returncode != 0, "densedocs is installed in the fresh venv"
    build = subprocess.run(
        ["mkdocs", "build", "--strict"],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    home = (checkout / "site" / "index.html").read_text(encoding="utf-8")
    assert "129" in home
    assert (checkout / "site" / "zh" / "index.html").is_file()
