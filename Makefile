# Developer commands. Everything a fresh Debian/Ubuntu clone needs is installed by these targets.
#   make serve   preview the example site on http://127.0.0.1:8000
#   make docs    serve the documentation (docs/mkdocs.yml) on http://127.0.0.1:8001
#   make test    ruff, ruff format --check, mypy, then the whole pytest suite (browser tests included)
SHELL := /bin/bash
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
TOOLS := tests/.tools
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=

.PHONY: help venv serve build docs test-docs lint format test test-tools system-packages bench clean distclean

help:
	@echo "make serve      preview example-site on http://127.0.0.1:8000"
	@echo "make build      build example-site with --strict into example-site/site"
	@echo "make docs       serve the documentation site (docs/) on http://127.0.0.1:8001"
	@echo "make test-docs  the example site's whole browser suite on the docs site (make test runs a quick set)"
	@echo "make test       lint, then pytest (installs Chromium, Java, npm tools if missing)"
	@echo "make lint       ruff check, ruff format --check, mypy"
	@echo "make format     ruff format and ruff check --fix (rewrites files)"
	@echo "make bench      benchmark against bare MkDocs, bibtexparser, mkdocs-bibtex -> bench/RESULTS.md"
	@echo "make venv       create .venv and install the package with its test extra"
	@echo "make clean      remove build outputs and caches (distclean: also .venv and tools)"

# Runs as root: installs what is missing with apt-get. Otherwise: says what to install, fails.
# usage: $(call apt_install,<space-separated Debian packages>)
define apt_install
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing with apt-get: $(1)"; \
	  apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(1); \
	else \
	  echo "error: missing system packages. Install them with:" >&2; \
	  echo "  sudo apt-get install --no-install-recommends $(1)" >&2; \
	  exit 1; \
	fi
endef

# ---------------------------------------------------------------- Python environment
venv: $(VENV)/.installed

# The stamp depends on pyproject.toml, so a change of dependencies reinstalls.
$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(BIN)/python ]; then \
	  $(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	    rm -rf $(VENV); $(call apt_install,python3-venv); $(PYTHON) -m venv $(VENV); }; \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# ---------------------------------------------------------------- example site
serve: venv
	cd example-site && $(BIN)/mkdocs serve -a 127.0.0.1:8000

build: venv
	cd example-site && $(BIN)/mkdocs build --strict --site-dir site

# ---------------------------------------------------------------- documentation
# docs/mkdocs.yml: the docs site, built with the plugin itself (make test builds it --strict).
docs: venv
	cd docs && $(BIN)/mkdocs serve -a 127.0.0.1:8001

# `make test` checks the docs site too: built --strict (tests/test_docs_site.py), then the Nu
# checker and lychee over the whole site, axe on every page (tests/browser/test_docs_quality.py).
# This runs the example site's whole browser suite on it (both colour schemes, layout at two
# widths, screenshots; about 4 minutes).
test-docs: venv test-tools
	ACADEMIC_BROWSER_SITE=docs ACADEMIC_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -ra tests/browser/test_site_quality.py

# ---------------------------------------------------------------- checks
# mypy reads its files and settings from [tool.mypy] in pyproject.toml.
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The shared corpora are found through ACADEMIC_CORPORA (default ../shared/corpora); without
# them their tests are skipped, with the reason (shown by -ra).
test: venv lint test-tools
	ACADEMIC_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -ra $(PYTEST_ARGS)

test-tools: system-packages $(TOOLS)/node_modules/.installed

# Chromium + fonts for the browser tests, Java for vnu.jar, npm for the Node tools.
system-packages:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	[ -d /usr/share/fonts/truetype/liberation ] || missing="$$missing fonts-liberation"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	missing=$${missing# }; if [ -n "$$missing" ]; then $(call apt_install,$$missing); fi

# axe-core and vnu-jar, pinned by the committed package-lock.json. --ignore-scripts: vnu-jar's
# postinstall would try to download a JRE from GitHub; we use the system Java instead.
$(TOOLS)/node_modules/.installed: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

# ---------------------------------------------------------------- benchmark
# A venv of its own (bench/.venv): mkdocs-bibtex is compared against, never a dependency.
BENCH_BIN := $(CURDIR)/bench/.venv/bin
BENCH_ARGS ?=

bench: venv bench/.venv/.installed
	$(BENCH_BIN)/python bench/run.py --write bench/RESULTS.md $(BENCH_ARGS)
	$(BENCH_BIN)/python bench/bibtex_split.py

bench/.venv/.installed: pyproject.toml bench/requirements.txt
	@[ -x $(BENCH_BIN)/python ] || $(PYTHON) -m venv bench/.venv
	$(BENCH_BIN)/python -m pip install --quiet --upgrade pip
	$(BENCH_BIN)/python -m pip install --quiet -e . -r bench/requirements.txt
	@touch $@

# ---------------------------------------------------------------- cleaning
clean:
	rm -rf example-site/site example-sphinx/_build docs/site tests/.artifacts build *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(TOOLS)/node_modules bench/.venv
