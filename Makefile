# Everything goes through .venv, created on first use: `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/textkit info
	$(BIN)/textkit quotes --speaker Stalin --format table
	$(BIN)/textkit speakers --top 10 --format table
	$(BIN)/textkit concord bureaucracy --width 40 --format table
	$(BIN)/textkit footnote 21 --format table

lint: $(STAMP)
	$(BIN)/ruff check textkit tests bench

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
