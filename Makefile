# newsframe — two commands: `make run` (try it) and `make test` (the whole suite).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/newsframe
REDIS_URL ?= redis://127.0.0.1:6379/0
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/newsframe_bench
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run install migrate seed serve worker test lint typecheck pytest e2e browser eval bench clean services reliability

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Embedded default: SQLite and a broker in files under var/, DEBUG on for local use.
# run_embedded migrates, makes the admin, queues the seeds' analyses, then runs the web
# server, a Celery worker and beat until Ctrl-C, which stops them all.
run: export DEBUG ?= 1
run: install
	$(BIN)/python manage.py run_embedded --addr 127.0.0.1:$(PORT)

# The real stack: DATABASE_URL=$(PG_URL) CELERY_BROKER_URL=$(REDIS_URL) make worker
worker: install
	$(BIN)/celery -A newsframe worker --loglevel=INFO --concurrency=$${WORKER_CONCURRENCY:-1}

serve: install
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/gunicorn --config python:newsframe.gunicorn_conf --bind 127.0.0.1:$(PORT) --workers 2

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy newsframe articles

# The whole suite on PostgreSQL and Redis, a real Celery worker and Debian's chromium.
test: install services lint typecheck
	$(BIN)/python manage.py collectstatic --noinput -v0
	DATABASE_URL=$(PG_URL) CELERY_BROKER_URL=$(TEST_REDIS_URL) DEBUG=0 NEWSFRAME_HTTPS=0 \
		NEWSFRAME_IDLE_IN_TRANSACTION_MS=600000 $(BIN)/pytest -q -m "not slow"

# The long reliability runs (RELIABILITY.md): worker SIGKILLs, poison pill, a throwaway Redis
# on port 6390 that the tests restart, database connections cut, atheris. The fast part runs in `make test`.
RELIABILITY_REDIS_URL ?= redis://127.0.0.1:6390/0
reliability: install services
	$(BIN)/python manage.py collectstatic --noinput -v0
	DATABASE_URL=$(PG_URL) CELERY_BROKER_URL=$(RELIABILITY_REDIS_URL) DEBUG=0 NEWSFRAME_HTTPS=0 \
		$(BIN)/pytest -q -s -m slow tests/reliability
	DATABASE_URL=$(PG_URL) CELERY_BROKER_URL=$(TEST_REDIS_URL) DEBUG=0 NEWSFRAME_HTTPS=0 \
		$(BIN)/pytest -q -s -m "not slow" tests/reliability

services:
	@bash scripts/check-services

eval: install
	$(BIN)/python -m tests.eval

bench: install services
	-createdb -h 127.0.0.1 -U postgres newsframe_bench 2>/dev/null
	DATABASE_URL=$(BENCH_PG_URL) $(BIN)/python manage.py migrate -v0
	DATABASE_URL=$(BENCH_PG_URL) CELERY_BROKER_URL=redis://127.0.0.1:6379/7 DEBUG=0 NEWSFRAME_HTTPS=0 \
		$(BIN)/python -m bench.run

clean:
	rm -rf var/newsframe.sqlite3 var/newsframe.sqlite3-wal var/newsframe.sqlite3-shm var/broker var/celerybeat-schedule* var/screenshots var/staticfiles
