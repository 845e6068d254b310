# The README's two commands: `make demo` (set up, open the demo) and `make test` (set up, run tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint check bench bench-memory snapshots-update clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/cxtui demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check cxtui screens tests bench
	$(BIN)/ruff format --check cxtui screens tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

check: lint test

bench: $(STAMP)
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_nps.py
	$(BIN)/python bench/bench_loyalty.py
	$(BIN)/python bench/bench_kpi.py
	$(BIN)/python bench/bench_checkpoint.py

# Peak memory of 100k- and 1M-row imports (several minutes).
bench-memory: $(STAMP)
	$(BIN)/python bench/bench_import_memory.py

snapshots-update: $(STAMP)
	$(BIN)/python -m pytest -q tests/ui --snapshot-update

clean:
	rm -rf $(VENV)
