"""The built site: `mkdocs build --strict` of a checkout, what it fetches from other
hosts, and the paths of this machine it must never show."""

import logging
import re
import sys
from pathlib import Path


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(root: Path, site_dir: Path) -> list[str]:
    """`mkdocs build --strict` of the checkout; the warnings and errors it gave."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect, logger = _Collect(), logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(
            str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir)
        )
        build(config)
    except Exception as error:  # noqa: BLE001 - every failure is a problem to report
        collect.messages.append(f"{type(error).__name__}: {error}")
    finally:
        logger.removeHandler(collect)
    return collect.messages


ASSET = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"')


def third_party_assets(site_dir: Path) -> list[str]:
    """Scripts, styles, images and frames the built site fetches from other hosts."""
    problems = []
    for html in sorted(site_dir.rglob("*.html")):
        for url in ASSET.findall(html.read_text(encoding="utf-8")):
            if re.match(r"^(https?:)?//", url):
                problems.append(f"{html.relative_to(site_dir)} loads {url}")
    return problems


def machine_paths(root: Path) -> list[str]:
    """Where this machine keeps the checkout, the home folder, Python and the venv."""
    found = {root.resolve(), Path.home(), Path(sys.prefix), Path(sys.base_prefix)}
    return sorted({f"{p.as_posix().rstrip('/')}/" for p in found if p != Path("/")})


def files_with_machine_paths(root: Path, folder: Path) -> list[str]:
    """The text files under `folder` that show a path of this machine (captures,
    notebooks, built pages must not: densedocs.capture.compare rewrites them)."""
    paths = machine_paths(root)
    problems = []
    for file in sorted(folder.rglob("*")):
        parts = file.relative_to(folder).parts
        if not file.is_file() or any(p[0] == "." or p == "__pycache__" for p in parts):
            continue
        text = file.read_bytes().decode("utf-8", errors="ignore")
        for path in paths:
            if path in text:
                problems.append(f"{file} shows this machine's path {path}")
    return problems
