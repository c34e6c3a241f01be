# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest docs bench clean catalogues

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/logikmodell demo logikmodell-demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs/conf.py docs/_ext
	$(BIN)/ruff format --check src tests benchmarks docs/conf.py docs/_ext

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

# The site: warnings and broken references are errors.
docs: $(STAMP)
	$(BIN)/sphinx-build -b html -W --keep-going -n -q docs docs/_build/html

test: lint typecheck pytest docs

# The message catalogues (docs/languages.md): extract the messages of src/, bring the
# .po files up to date with them, and compile the .mo files that ship in the package.
LOCALE := src/logikmodell/locale
BABEL_KEYWORDS := -k translate:2 -k translate_plural:2,3 -k N_ -k Message
catalogues: $(STAMP)
	$(BIN)/pybabel extract -F pyproject.toml $(BABEL_KEYWORDS) --no-location \
	  --sort-output --omit-header -o $(LOCALE)/logikmodell.pot src/logikmodell
	for lang in sv en; do \
	  $(BIN)/pybabel update -D logikmodell -i $(LOCALE)/logikmodell.pot -d $(LOCALE) \
	    -l $$lang --no-fuzzy-matching --ignore-obsolete --no-wrap --init-missing || exit 1; \
	done
	$(BIN)/pybabel compile --statistics -D logikmodell -d $(LOCALE)

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) logikmodell-demo docs/_build docs/api/*.rst .mypy_cache .pytest_cache .ruff_cache .hypothesis
