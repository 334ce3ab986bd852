"""Build the site as `mkdocs build --strict` does, with the network cut off, and prove
that the build imported none of the heavy packages: TensorFlow, Keras, JAX, PyTorch
(densedocs.checks.layers.HEAVY).

Usage: python -m densedocs.checks.isolated_build SITE_DIR
(exit status 0 on a clean build)
"""

import socket
import sys
from pathlib import Path

from densedocs.checks.layers import HEAVY
from densedocs.checks.site import build_site
from densedocs.layout import CHECKOUT


class NetworkUsed(RuntimeError):
    pass


def _refuse(*_args, **_kwargs):
    raise NetworkUsed("the build tried to open a network connection")


def main(site_dir: str) -> int:
    socket.socket.connect = _refuse
    socket.create_connection = _refuse
    problems = build_site(CHECKOUT, Path(site_dir))
    heavy = sorted(HEAVY & set(sys.modules))
    if heavy:
        problems.append(f"the build imported {', '.join(heavy)}")
    print("\n".join(problems) or "built cleanly, offline, without TensorFlow")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
