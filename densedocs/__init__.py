"""The code behind the site, one folder for each time it runs.

- layout.py: the names every layer shares (snippets/, the manifest, figures/);
  standard library only.
- pages.py: the page model, the one reader of pages and notebook sources: their
  includes, blocks, outputs, figures, front matter, prose and language, and a
  page as MkDocs renders it (includes expanded).
- browser.py: Debian's Chromium, as the browser tests and the bench start it.
- capture/: `make outputs` (`python -m densedocs.capture`). It runs the snippets
  with TensorFlow and writes what they print (environment, runner, compare, store,
  report).
- notebooks/: the notebooks, generated from their sources and the captures
  (`python -m densedocs.notebooks`, also part of `make outputs`). `execute` runs
  one, as the tests do.
- checks/: what `make test` asks of a checkout. Each check returns a list of
  problems (snippets, blocks, claims, translations, inventory, site,
  dependencies).
- bench/: `make bench`.
- site/: everything `mkdocs build` loads (the hooks named in mkdocs.yml). It
  imports layout and pages, never capture/, checks/, notebooks/ or bench/, and so
  never TensorFlow.
  site/speed/ holds the patches that only make the site faster; each one can be
  removed alone.

Layers import downwards only: site imports layout and pages; capture imports
layout and pages; notebooks imports capture and pages; checks imports all of
those; bench imports pages and browser. tests/checks/test_layers.py enforces
this.
"""
