# Mujtama Thakaa — the two commands are `make run` and `make test`.
# Needs only Python 3.12+ and make: uv is installed into .uv/ when it is missing.

PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
UV_SYSTEM := $(shell command -v uv 2>/dev/null)
UV ?= $(if $(UV_SYSTEM),$(UV_SYSTEM),.uv/bin/uv)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# The interpreter uv builds the environment with: the one `python3` finds (pyenv
# honours .python-version), never a download.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help install pdf-fonts run serve migrate messages compilemessages seed test test-browser lint format typecheck check bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

.uv/bin/uv:
	$(PYTHON) -m venv .uv
	.uv/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.9,<1"

$(VENV)/.synced: pyproject.toml uv.lock $(if $(UV_SYSTEM),,.uv/bin/uv)
	$(UV) sync --frozen --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	@touch $@

install: $(VENV)/.synced pdf-fonts ## Create the environment from uv.lock

# PDFs (hours statements, certificates) are drawn by WeasyPrint with Debian's Noto
# fonts for shaped Arabic, and their tests read them back with poppler. Installed when
# this machine can (root with apt-get); otherwise a note, and PDFs fall back to the
# DejaVu fonts and the PDF read-back tests are skipped.
pdf-fonts:
	@if fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" && command -v pdftoppm >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-core poppler-utils >/dev/null 2>&1 \
		|| (apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-core poppler-utils >/dev/null 2>&1) \
		|| echo "note: could not install fonts-noto-core and poppler-utils; PDFs use fallback fonts"; \
	else echo "note: install fonts-noto-core and poppler-utils (Debian/Ubuntu) for the best PDFs and their tests"; fi

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

compilemessages: install ## Compile the translations (pure Python, no gettext needed)
	$(MANAGE) compile_translations

messages: install ## Extract translatable strings into locale/ (needs GNU gettext)
	$(MANAGE) makemessages --locale ar --locale en --ignore ".venv/*" --ignore ".uv/*" --ignore "*/tests/*" --ignore "var/*" --no-obsolete
	$(MANAGE) compile_translations

seed: migrate compilemessages ## Create the demo personas and Arabic demo data (idempotent)
	$(MANAGE) seed_demo

run: seed ## Install, migrate, seed and serve on http://127.0.0.1:8000
	@$(MANAGE) demo_accounts
	$(MANAGE) runserver $(HOST):$(PORT)

# The browser tests run in a session of their own: their live server shares the
# in-memory SQLite test database with the test thread, which the rest of the suite
# must not have touched first. They are skipped when /usr/bin/chromium is missing.
test: install compilemessages ## Run the whole test suite (SQLite; PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)
	$(PY) -m pytest -m "not browser" $(if $(JUNIT_DIR),--junitxml=$(JUNIT_DIR)/suite.xml)
	$(PY) -m pytest -m browser tests/browser $(if $(JUNIT_DIR),--junitxml=$(JUNIT_DIR)/browser.xml)

test-browser: install compilemessages ## Run the browser tests in headless Chromium (/usr/bin/chromium); fail if it is missing
	MUJTAMA_REQUIRE_BROWSER=1 $(PY) -m pytest -m browser tests/browser $(if $(JUNIT_DIR),--junitxml=$(JUNIT_DIR)/browser.xml)

lint: install ## ruff check, ruff format --check, mypy, makemigrations --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(MANAGE) makemigrations --check --dry-run

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: lint test ## Everything CI runs on SQLite

bench: install ## Benchmarks: public pages against a hello-world view, under gunicorn
	$(PY) benchmarks/run.py

clean: ## Remove the environment and local data (var/)
	rm -rf $(VENV) .uv var
