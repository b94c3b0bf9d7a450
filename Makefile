# Kriya: `make demo` to try it, `make test` to check it. Everything installs into .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: demo setup install install-test system-deps messages translations serve test test-sqlite \
	test-postgres serve-prod \
	test-browser bench lint clean

demo: setup ## Install, load the regions and the demo council, and serve on 127.0.0.1:8000
	@bash scripts/serve-demo

setup: install messages ## Everything `make demo` does except serving (for scripts and CI)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_regions
	$(MANAGE) load_demo

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet uv==$(UV_VERSION) || true
	touch $@

# uv installs from the lock file in seconds; plain pip is the fallback and gives the same pins.
install: $(VENV)/.created
	@if [ -x $(UV) ]; then $(UV) sync --frozen --inexact --quiet; \
	else $(VENV)/bin/pip install --quiet -e .; fi

install-test: $(VENV)/.created
	@if [ -x $(UV) ]; then $(UV) sync --frozen --inexact --quiet --extra test; \
	else $(VENV)/bin/pip install --quiet -e '.[test]'; fi
	@# axe-core for the browser tests' accessibility check, pinned in package-lock.json.
	@npm ci --no-audit --no-fund --ignore-scripts --silent

system-deps: ## Debian packages the tests need: gettext, Chromium, PostgreSQL 15
	@bash scripts/system-deps

messages: install
	@$(MANAGE) compilemessages --ignore=.venv -v0

translations: install-test ## Collect new strings into the .po; then write their Indonesian there
	$(MANAGE) makemessages -l id --no-obsolete --ignore=.venv --ignore=var --ignore=e2e \
		--ignore=bench --ignore=scripts --ignore=node_modules --ignore='*/tests/*'
	@$(VENV)/bin/pytest -q kriya/tests/test_translations.py -k committed

serve: install messages
	@bash scripts/serve-demo

serve-prod: install messages ## Production settings, gunicorn (2 workers) on 127.0.0.1:8001, throwaway PostgreSQL
	@bash scripts/serve-prod

test: system-deps install-test messages lint ## Format, lint and types, then the whole suite: SQLite, PostgreSQL, browser
	@bash scripts/run-tests

test-sqlite: install-test messages
	$(VENV)/bin/pytest -n 2 -q kriya

test-postgres: install-test messages
	@bash scripts/with-postgres $(VENV)/bin/pytest -n 2 -q kriya

test-browser: install-test messages
	$(VENV)/bin/pytest -q e2e

bench: install-test messages ## The performance budgets' benchmarks; JSON on stdout and in var/bench.json
	$(PY) -m bench

lint: install-test ## Format, lint and type checks (the same as the pre-commit hooks)
	$(VENV)/bin/ruff format --check kriya e2e bench scripts conftest.py
	$(VENV)/bin/ruff check kriya e2e bench scripts conftest.py
	$(VENV)/bin/mypy

clean:
	rm -rf var/ $(VENV)
