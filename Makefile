# Backend Skills Lab. On a fresh clone, `make serve` or `make test` sets everything up first;
# later runs reuse the virtual environment and reinstall only when the dependencies change.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve test build outputs lint lock clean

setup: $(READY)

$(READY): pyproject.toml requirements.lock package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		--constraint requirements.lock --editable '.[dev]'
	# HTML and browser tools for the tests (the Nu HTML checker), pinned by package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

## serve: set up, then serve the site on http://127.0.0.1:$(PORT) with live reload
## (not strict: a mistake shows as a red box on the page instead of stopping the server)
serve: $(READY)
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --no-strict \
		--dev-addr 127.0.0.1:$(PORT) --livereload

## test: set up, then run the whole test suite (snippets, outputs, site build, browser)
test: $(READY)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## build: strict build of the site into site/
build: $(READY)
	$(BIN)/mkdocs build --strict

## offline: the copy to read without a server: site-offline/ (open index.html) and its zip
## (Material's offline plugin; mkdocs-offline.yml adds the search shim from our own files)
.PHONY: offline
offline: $(READY)
	rm -rf site-offline site-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --strict -f mkdocs-offline.yml -d site-offline
	$(BIN)/python -m zipfile -c site-offline.zip site-offline/

## screenshots: build, then PNGs of the home page and a chapter page (desktop and mobile,
## light and dark) in screenshots/
.PHONY: screenshots
screenshots: $(READY)
	$(BIN)/python -m labkit.screenshots --out screenshots

## outputs: re-record the output of every snippet (after you change snippets)
outputs: $(READY)
	$(BIN)/python -m snippets record --all

## bench: build, rebuild, scale, test-suite and page-weight benchmarks vs bare Material
## (several minutes; make bench BENCH_ARGS=--quick for 50- and 200-page courses only)
.PHONY: bench
bench: $(READY)
	$(BIN)/python -m bench $(BENCH_ARGS)

## lighthouse: Lighthouse scores (mobile) of the home page, each chapter's landing page and the
## longest lesson of each chapter, five runs each, into reports/ (many minutes; commit them)
.PHONY: lighthouse
lighthouse: $(READY)
	$(BIN)/python -m labkit.lighthouse $(LIGHTHOUSE_ARGS)

## lint: ruff over everything
lint: $(READY)
	$(BIN)/ruff check .

## lock: re-pin every transitive dependency in requirements.lock (after editing pyproject.toml)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --editable '.[dev]'
	.lock-venv/bin/python -m pip freeze --exclude-editable > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) site .pytest_cache node_modules site-offline site-offline.zip screenshots
