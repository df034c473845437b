# One entry point for every task. `make run` and `make test` set everything up
# on a fresh machine (Python 3.11 + the package registries) and then do the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= seeds
OUT    ?= output
FIGURES ?= figures

.PHONY: install run test lint evaluate benchmark notebooks lab browser-deps clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## The main job: analysis tables, every figure and the HTML report for the seeds.
run: install
	$(BIN)/framing run $(CORPUS) -o $(OUT) --figures $(FIGURES)

## Notebooks as .ipynb (generated from the jupytext sources, without outputs).
notebooks: install
	$(BIN)/jupytext --to ipynb notebooks/[0-9]*.py

## JupyterLab on the notebooks.
lab: notebooks
	$(BIN)/jupyter lab notebooks/

## Every test: unit, property, evaluation thresholds, notebooks, end-to-end, browser.
test: install browser-deps
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

## Headless Chromium for the report's browser test (Debian packages).
browser-deps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis

## Agreement with human annotations (../shared/data); rewrites docs/validity.md.
evaluate: install
	$(BIN)/python -m evaluation

## Throughput and memory on ../shared/data/news_bench.
benchmark: install
	$(BIN)/python -m benchmarks
