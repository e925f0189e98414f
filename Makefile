# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.DEFAULT_GOAL := run
.PHONY: help run test venv venv-test check eval lint bench clean

help:  ## list these targets
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: $(STAMP)  ## start the bot: Telegram if TELEGRAM_BOT_TOKEN is set, else the console chat
	$(BIN)/scrbot run

test: $(TEST_STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest

venv: $(STAMP)  ## create .venv and install the bot, nothing else

venv-test: $(TEST_STAMP)  ## create .venv with the test extras (pytest, hypothesis, ruff)

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit("scrbot needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $(TEST_STAMP)

check: $(STAMP)  ## validate facts/ and intents/
	$(BIN)/scrbot check

eval: $(STAMP)  ## score the evaluation questions
	$(BIN)/scrbot eval

bench: $(STAMP)  ## time the engine, start-up, scaling and Telegram end to end (minutes); writes bench-results.json
	$(BIN)/scrbot bench --json bench-results.json

lint: $(TEST_STAMP)  ## ruff over bot/, benchmarks/ and tests/
	$(BIN)/ruff check bot benchmarks tests

clean:  ## remove .venv, build files and caches (the compiled engine in var/cache; var/scrbot.db is kept)
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache var/cache bench-results.json
	find bot tests -name __pycache__ -type d -prune -exec rm -rf {} +
