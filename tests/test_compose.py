"""No Docker engine runs here, so the compose file is checked as YAML."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT


def test_compose_runs_db_redis_web_and_scalable_workers_with_healthchecks() -> None:
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = spec["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    assert services["db"]["image"].startswith("postgres:16")
    for name in services:
        assert "healthcheck" in services[name], name
    assert "gunicorn --config python:newsframe.gunicorn_conf" in services["web"]["command"]
    assert "celery -A newsframe worker" in services["worker"]["command"]
    assert services["worker"]["deploy"]["replicas"] >= 1
    assert set(spec["volumes"]) == {"pgdata", "redisdata"}


def test_the_broker_keeps_its_queue_and_never_evicts() -> None:
    redis = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["redis"]
    assert "--appendonly" in redis["command"] and "yes" in redis["command"]
    assert "noeviction" in redis["command"]


def test_one_beat_sends_the_sweep_of_stuck_jobs() -> None:
    beat = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["beat"]
    assert "celery -A newsframe beat" in beat["command"]
    assert "replicas" not in beat.get("deploy", {})


def test_web_and_worker_read_the_same_database_and_broker() -> None:
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    web, worker = services["web"]["environment"], services["worker"]["environment"]
    assert web["DATABASE_URL"] == worker["DATABASE_URL"]
    assert web["CELERY_BROKER_URL"] == worker["CELERY_BROKER_URL"]


def test_make_serve_and_compose_run_gunicorn_with_one_config() -> None:
    """`make serve`, the compose web service and the load runs (which the slow-download test
    uses: tests/exports/test_slow_download_live.py) read newsframe/gunicorn_conf.py."""
    from bench.loadrun import GUNICORN_CONFIG

    assert f"gunicorn --config {GUNICORN_CONFIG}" in (ROOT / "Makefile").read_text()
