# e-Manager: routine commands. `make run` and `make test` are all a new user needs.
SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py
ADDRESS ?= 127.0.0.1:8000
# Two pytest workers (pytest-xdist): the suite takes about half the time on two cores.
# `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n 2

.PHONY: run test lint format install messages compilemessages clean help

help:
	@echo "make run    install, migrate, load the demo and serve http://$(ADDRESS) with the task worker"
	@echo "make test   lint (ruff) and run the whole test suite"

$(BIN)/python:
	@PY="$$(scripts/find-python)" && echo "Using $$PY" && "$$PY" -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

compilemessages: install
	cd emanager && DEBUG=true $(MANAGE) compilemessages

run: install compilemessages
	DEBUG=$${DEBUG:-true} $(MANAGE) migrate --noinput
	DEBUG=$${DEBUG:-true} $(MANAGE) load_demo --if-empty
	DEBUG=$${DEBUG:-true} $(MANAGE) serve $(ADDRESS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint compilemessages
	$(BIN)/pytest $(PYTEST_ARGS)

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	cd emanager && DEBUG=true $(MANAGE) makemessages -l ka -l en -l ru --no-obsolete --ignore=migrations

clean:
	rm -rf $(VENV) var/static test-artifacts
