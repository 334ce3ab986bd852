# Two commands for a newcomer: `make serve` and `make test`. Each sets up what it
# needs by itself: a virtual environment in .venv from the locked requirements
# (every package pinned, with its hashes; `make lock` writes them).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# nbconvert (mkdocs-jupyter's) otherwise loads and instantiates every exporter it
# knows (14, PDF ones included) to list their names in its command line help:
# ~0.7 s of every build that the notebooks never use.
export NBCONVERT_DISABLE_CONFIG_EXPORTERS := 1

.PHONY: serve docs test test-page lint format outputs bench clean offline system-packages lock

# The docs packages only (no TensorFlow): enough to read the site locally. The
# build's hooks import densedocs/ from the checkout itself (mkdocs_hooks.py), as
# the tests (pytest's pythonpath) and `python -m densedocs...` do: nothing of the
# checkout is installed.
$(VENV)/.docs: requirements-docs.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-docs.txt
	touch $@

# Everything: TensorFlow and Keras for the snippets, pytest and ruff for the tests.
$(VENV)/.all: requirements.txt $(VENV)/.docs
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

# The locks, compiled by uv from the direct requirements (requirements*.in): the
# full set first, then the docs tier constrained by it, so both pin the same
# versions. uv reads none of pip's configuration, and with --no-config none of its
# own, so nothing of this machine (its indexes, its local wheels) reaches the
# locks; it resolves for the platform they are for, whatever machine runs it. Pins
# already in the locks stay unless an .in file needs otherwise; to move every
# dependency to its newest allowed version: make lock LOCK_OPTIONS=--upgrade.
LOCK_OPTIONS ?=
UV_COMPILE := $(BIN)/uv pip compile --no-config --quiet --generate-hashes \
	--python-version 3.11.5 --python-platform x86_64-manylinux_2_28 $(LOCK_OPTIONS)
lock: $(VENV)/.all  ## recompile requirements*.txt from requirements*.in
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-docs.in -c requirements.txt -o requirements-docs.txt

serve: $(VENV)/.docs  ## serve the site at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

docs: $(VENV)/.docs  ## build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

# The tests' front-end files (axe-core, the Nu HTML checker; iframe-worker for the
# offline edition), pinned in package.json and package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# The browser tests drive Debian's Chromium (never a browser Playwright downloads),
# with CJK fonts for the Chinese pages; the HTML check runs the Nu checker with
# Debian's Java. As root, make installs them with apt-get; otherwise it stops and
# says what to install.
SYSTEM_PACKAGES := chromium fonts-noto-cjk default-jre-headless
system-packages:
	@if ! test -x /usr/bin/chromium || ! command -v java >/dev/null \
	    || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES); \
	  else \
	    echo "make test needs Debian's $(SYSTEM_PACKAGES):" \
	      "sudo apt-get install -y $(SYSTEM_PACKAGES)" >&2; exit 1; \
	  fi; \
	fi

# The pages' pure modules (docs/javascripts/lib/) first, with Node's own test
# runner (tests/js/), then everything else, one pytest process per core
# (pytest-xdist; TEST_WORKERS=0 runs it in this process).
TEST_WORKERS ?= auto
test: $(VENV)/.all node_modules/.installed system-packages lint  ## run every test
	node --test tests/js/
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: $(VENV)/.all
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/zizmor --quiet --offline --min-severity medium .github

format: $(VENV)/.all  ## let ruff fix what it can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Only some: make outputs SNIPPETS="training/train.py questions/bytes.py", or
# PAGE=docs/training.md (every snippet it and its Chinese page show); then only the
# notebooks that show them are regenerated. A wrong name stops with a message.
SNIPPETS ?=
PAGE ?=
CHOSEN = $(SNIPPETS) $(addprefix --page ,$(PAGE))
outputs: $(VENV)/.all  ## re-run every snippet (or SNIPPETS=, PAGE=) and write what it prints
	$(BIN)/python -m densedocs.capture $(CHOSEN)
	$(BIN)/python -m densedocs.notebooks $(CHOSEN)

# The tests of one page (make test-page PAGE=docs/answer.md): its snippets, its
# blocks, claims, comparisons and translation, its tests/pages/test_<page>.py.
test-page: $(VENV)/.all  ## run the tests of one page: PAGE=docs/<page>.md
	@test -n "$(PAGE)" || { echo "usage: make test-page PAGE=docs/<page>.md" >&2; exit 2; }
	$(BIN)/python -m densedocs.checks.page_tests $(PAGE)

offline: $(VENV)/.docs node_modules/.installed  ## the edition read from file:// (site-offline/)
	OFFLINE=true $(BIN)/mkdocs build --strict -d site-offline
	@echo "open site-offline/index.html"

bench: $(VENV)/.all node_modules/.installed system-packages  ## build, checks and pages against their baselines
	$(BIN)/python -m densedocs.bench

clean:
	rm -rf site site-offline .cache .pytest_cache .ruff_cache
