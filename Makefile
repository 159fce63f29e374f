# minutebook: `make demo` to see it, `make test` to check it. Nothing needs installing by hand
# except Python 3.11; `.ci/run` also installs the Debian packages the tests need.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///$(CURDIR)/minutebook.sqlite3

.PHONY: install lock demo test test-sqlite test-postgres lint bench models clusters screenshots clean

# The minutes editor (npm "squire-rte") is copied into the package's static files at build
# time; without it the editor falls back to a plain textarea.
EDITOR_JS := minutebook/committees/static/committees/vendor/squire.js

install: $(VENV)/.installed node_modules/.installed $(EDITOR_JS)

# Exactly the versions (and file hashes) in requirements.lock, then minutebook itself.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Re-derive requirements.lock from pyproject.toml's pins (after adding or changing one).
lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet pip-tools==7.6.2
	.lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--extra test --extra train --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	rm -rf .lock-venv

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

$(EDITOR_JS): node_modules/.installed
	mkdir -p $(dir $@)
	cp node_modules/squire-rte/dist/squire.js $@

demo: install
	MINUTEBOOK_DATABASE_URL=$(DEMO_DB) $(BIN)/minutebook demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint test-sqlite test-postgres

test-sqlite: install
	$(BIN)/pytest -p no:cacheprovider -n 2

# Everything that touches the database again on a real PostgreSQL (a throwaway cluster,
# started and removed here): storage, search, tracker, questions, the ModernGov import, and
# the background queue with real worker processes (the production set-up).
test-postgres: install
	scripts/with-postgres $(BIN)/pytest -p no:cacheprovider \
		tests/records tests/search tests/website tests/tracker tests/questions tests/moderngov \
		tests/committees tests/jobs \
		tests/api tests/exports tests/feeds tests/alerts \
		-m "not browser"

# Retrain the people/entity tagger and then the sentence-role model (decisions, commitments;
# it reads the names the tagger finds): fold models for cross-validation and the shipped
# models, from tests/gold, ../shared/gold and training/gold; deterministic: same data, same files.
models: install
	$(BIN)/minutebook train-names
	$(BIN)/minutebook train-roles

# Relearn the tagger's word clusters from unlabelled minutes (then `make models`): the
# annotated sets' texts and the folders in CLUSTER_CORPUS (docs/EXTRACTION.md says which
# public minutes were used), less a held-out batch given as CLUSTER_EXCLUDE globs.
clusters: install
	$(BIN)/minutebook train-clusters $(foreach d,$(CLUSTER_CORPUS),--extra $(d)) \
		$(foreach g,$(CLUSTER_EXCLUDE),--exclude '$(g)')

bench: install
	for b in bench/[a-z]*.py; do $(BIN)/python $$b || exit 1; done

# Every public page type at desktop (1280) and mobile (390) widths, from demo data, in Chromium.
screenshots: install
	$(BIN)/python scripts/screenshots.py --out docs/screenshots

clean:
	rm -rf $(VENV) node_modules minutebook.sqlite3 staticfiles $(dir $(EDITOR_JS))
