# Two commands for a newcomer: `make serve` and `make test`. Each sets up what it
# needs by itself: a virtual environment in .venv from the pinned requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve docs test lint format outputs bench clean

# The docs packages only (no TensorFlow): enough to read the site locally.
$(VENV)/.docs: requirements-docs.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements-docs.txt
	touch $@

# Everything: TensorFlow and Keras for the snippets, pytest and ruff for the tests.
$(VENV)/.all: requirements.txt $(VENV)/.docs
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

serve: $(VENV)/.docs  ## serve the site at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

docs: $(VENV)/.docs  ## build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

test: $(VENV)/.all lint  ## run every test
	$(BIN)/python -m pytest

lint: $(VENV)/.all
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.all  ## let ruff fix what it can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

outputs: $(VENV)/.all  ## re-run every snippet and write what it prints
	$(BIN)/python -m tools.capture

bench: $(VENV)/.all  ## time the test suite and the build against their floors
	$(BIN)/python -m tools.bench

clean:
	rm -rf site .pytest_cache .ruff_cache
