# One command sets everything up and builds the demo dossier; one sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench eval model clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## build the dossier of the five-article demo pile into out/demo/
	rm -f out/demo.db
	$(BIN)/newsdossier build demo/pile --db out/demo.db --out out/demo
	@echo "open out/demo/dossier.md (or out/demo/dossier.json)"

test: $(STAMP)  ## type-check, then run the test suite (tests needing ../shared skip when it is absent)
	$(BIN)/mypy src/newsdossier
	$(BIN)/pytest -q

bench: $(STAMP)  ## speed benchmarks (slow; numbers go to docs/benchmarks.md)
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/html_speed.py

eval: $(STAMP)  ## benchmark scores that need ../shared/datasets
	$(BIN)/newsdossier eval extraction --data ../shared/datasets/article_extraction_benchmark --json

model: $(STAMP)  ## retrain the bundled NLP pipeline from ../shared/datasets (about half an hour on 2 cores)
	$(BIN)/python -m newsdossier.nlp.train --data ../shared/datasets --work build/nlp

clean-venv:
	rm -rf $(VENV)
