# Two commands on a fresh machine with python3 and make:
#   make run   - set up .venv and check the seed corpus, writing reports/
#   make test  - set up .venv with the test tools and run the whole suite
#   make lint  - ruff (pyproject.toml [tool.ruff]) and mypy, strict on consistency/ ([tool.mypy])
#   make test-fast - the suite without the tests marked slow (under 30 s)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: run test test-fast lint golden bench peer-specs accuracy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-deps: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e '.[test]'
	touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps
	$(BIN)/check-consistency seeds

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

test-fast: $(VENV)/.test-deps
	$(BIN)/python -m pytest -m "not slow"

lint: $(VENV)/.test-deps
	$(BIN)/ruff check consistency tests benchmarks
	$(BIN)/mypy

# Regenerate the golden report files after an intended change of the output.
golden: $(VENV)/.test-deps
	$(BIN)/python -m tests.golden.regenerate

bench: $(VENV)/.test-deps
	$(BIN)/python benchmarks/run.py --n 1000 10000
	CHECK_CONSISTENCY_TIMING=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_hostile_input.py -k doubling

peer-specs: $(VENV)/.run-deps
	$(BIN)/python benchmarks/peer_specs.py

# Score the tool on the development set of ../shared/devset (see docs/accuracy.md).
accuracy: $(VENV)/.run-deps
	$(BIN)/python ../shared/eval/devset.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
