"""Hooks that only make the site faster: each can be removed from mkdocs.yml alone,
and its docstring gives its measurement."""
