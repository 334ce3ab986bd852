"""The first hook mkdocs.yml names: it makes this checkout's densedocs/ importable.

MkDocs loads each hook by its path, with only that hook's own folder on sys.path
while it runs. This file sits at the checkout's top, so the package imported here is
this checkout's, and it stays in sys.modules for the hooks named after it: plain
`mkdocs serve` works after `pip install -r requirements-docs.txt`, with nothing
installed from the checkout and no variable set."""

import densedocs  # noqa: F401
