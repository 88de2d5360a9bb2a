# Links.hilft Sprechstundenfinder. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install serve build test check lint validate schemas reference clean

help: ## diese Übersicht
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 oder neuer nötig"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP) ## virtuelle Umgebung .venv anlegen und alles installieren

serve: $(STAMP) ## Seite mit den Beispieldaten auf http://127.0.0.1:8000 zeigen
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP) ## Seite nach site/ bauen (bricht bei jedem Datenfehler ab)
	$(BIN)/mkdocs build --strict --clean

validate: $(STAMP) ## nur die Daten prüfen
	$(BIN)/linkshilft validate

schemas: $(STAMP) ## die JSON-Schemas gegen das Metaschema prüfen
	$(BIN)/linkshilft check-schemas

reference: $(STAMP) ## Feldreferenz in CONTRIBUTING.md aus den Schemas erneuern
	$(BIN)/linkshilft reference --update CONTRIBUTING.md

lint: $(STAMP) ## ruff
	$(BIN)/ruff check hooks tests

test: $(STAMP) ## alle Tests
	$(BIN)/python -m pytest

check: lint schemas test ## ruff, Schemas und alle Tests

clean: ## Bauergebnisse löschen
	rm -rf site site-internal .pytest_cache
