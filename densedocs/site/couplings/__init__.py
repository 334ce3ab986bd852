"""Every place where the build relies on another package's insides, in one folder.

Each coupling is one `Coupling` of `REGISTRY`: the package, the version its code
was written for, what it assumes of that package, and the hook or template that
relies on it. The code that reads or patches that package's insides is in the
module of this folder named after the package (`i18n.py`, `jupyter.py`,
`material.py`, `highlight.py`, `iframe_worker.py`, `mkdocs_theme.py`), and
nowhere else: the hooks of densedocs/site/ call it.

Each coupling is checked while the site builds, and a broken assumption stops the
build with a message naming the package, the version the code was written for and
the version installed:

- `guard.py`, a hook, probes the installed packages as the build starts (their
  templates, scripts, plugin objects and event priorities);
- what can only be seen in a page (the HTML that Pygments or nbconvert wrote) is
  checked on every page that has it, by the function that rewrites it
  (`Coupling.stop`).

The README's list "Other packages' insides" names each one with its file
(tests/site/test_couplings.py holds the two equal). Where a package's public
interface does the job, the build uses it, and it is no coupling.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from mkdocs.exceptions import PluginError


def installed(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


@dataclass(frozen=True)
class Coupling:
    name: str
    package: str
    written_for: str
    assumption: str
    module: str  # the file of this folder that holds the code
    used_by: str  # the hooks or templates that rely on it
    # What the build can read of the installed package as it starts, and what of
    # it does not hold (a list of problems); None for one checked page by page.
    probe: Callable | None = None
    problems: Callable | None = None
    version: Callable[[], str] | None = None  # a package pip does not know
    stage: str = "config"  # probed as the build starts, or "files" once it has them

    def installed(self) -> str:
        return self.version() if self.version else installed(self.package)

    def error(self, problems: list[str]) -> PluginError:
        return PluginError(
            f"{self.package} {self.installed()} no longer does what "
            f"densedocs/site/couplings/{self.module} assumes of version "
            f"{self.written_for} ({self.name}: {self.assumption}): "
            + "; ".join(problems)
            + f". Used by {self.used_by}: read the package's release notes, "
            "then the coupling and what uses it"
        )

    def stop(self, problems: list[str]) -> None:
        """Stop the build if the assumption does not hold."""
        if problems:
            raise self.error(problems)

    def check(self, config, files=None) -> None:
        """Probe the installed package and stop the build if the assumption fails."""
        subject = self.probe(config, files)
        if subject is not None:
            self.stop(self.problems(subject))


def registry() -> list[Coupling]:
    from densedocs.site.couplings import (
        highlight,
        i18n,
        iframe_worker,
        jupyter,
        material,
        mkdocs_theme,
    )

    return [
        *i18n.COUPLINGS,
        *mkdocs_theme.COUPLINGS,
        *jupyter.COUPLINGS,
        *material.COUPLINGS,
        *highlight.COUPLINGS,
        *iframe_worker.COUPLINGS,
    ]
