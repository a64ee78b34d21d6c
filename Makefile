# Puente: `make run` to try the site, `make test` to check it. `make help` lists every target.

PYTHON ?= python3
PORT ?= 8000
BENCH_ARGS ?=
BENCH_IMPORT_ARGS ?= --missions 200
LOADTEST_ARGS ?=
LIGHTHOUSE_ARGS ?=
PYTEST_ARGS ?=

# uv pins every dependency from uv.lock. Use it from PATH, or bootstrap it with pip.
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Checks that need settings but no data: an in-memory database, so no local state is touched.
CHECK_ENV := DATABASE_URL=sqlite://:memory:

.DEFAULT_GOAL := help
.PHONY: help run install install-test system-deps uv lint check test messages bench loadtest lighthouse

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

run: install ## Install, migrate, load the demo, index it, serve on http://127.0.0.1:8000 (PORT=… to change)
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) update_index
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin at http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-test lint ## Lint, Django checks, migrations and catalogue checks, then the whole pytest suite
	$(CHECK_ENV) $(MANAGE) check --fail-level WARNING
	$(CHECK_ENV) $(MANAGE) makemigrations --check --dry-run
	$(CHECK_ENV) $(MANAGE) check_catalogues
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-test ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install ## Regenerate site/locale/*/django.po from the source and compile the .mo files
	$(CHECK_ENV) $(MANAGE) update_catalogues

bench: install ## Serve as production would (gunicorn) and measure; BENCH_ARGS="--quick" for a short run; BENCH_IMPORT_ARGS="--missions 1000" for the full import
	$(PY) scripts/bench.py $(BENCH_ARGS)
	$(PY) scripts/bench_import.py $(BENCH_IMPORT_ARGS)

loadtest: install-test ## Load and fault test (60 s phases at 32 connections: baseline, Redis stopped, PostgreSQL restart, search engine refused and hung); prints a table
	$(PY) scripts/loadtest.py $(LOADTEST_ARGS)

lighthouse: install-test ## Lighthouse performance (mobile preset) of home, missions index and a mission page, served as production would
	$(PY) scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

install: uv ## Create .venv with the locked runtime dependencies
	$(UV) sync --frozen --no-dev --inexact

install-test: uv system-deps node_modules/.installed ## Create .venv with the locked runtime and test dependencies (and vnu, the HTML checker)
	$(UV) sync --frozen

# npm ci empties node_modules before installing: only when package-lock.json changed, so that
# a second `make test` (or CI's PostgreSQL phase, running beside it) keeps the checker it uses.
node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund
	touch $@

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
		$(PYTHON) -m pip install uv || \
		PIP_BREAK_SYSTEM_PACKAGES=1 $(PYTHON) -m pip install --user uv

# Browser tests need Debian's chromium; `makemessages` (the catalogue check) needs gettext;
# the HTML validity test runs the W3C Nu checker (vnu-jar from npm, package-lock.json), on Java;
# the Redis tests start Debian's redis-server (tests/servers.py).
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
		else \
			echo "Missing system packages:$$missing. Install them with: sudo apt-get install -y$$missing" >&2; \
			exit 1; \
		fi; \
	fi
