from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsframe.env import env_bool, env_int, env_list, env_url
from tests.conftest import ROOT


def test_a_misspelt_boolean_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='ture' is not a boolean"):
        env_bool("DEBUG", False)


def test_booleans_read_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for raw, expected in [("1", True), ("yes", True), ("On", True), ("0", False), ("false", False)]:
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG", not expected) is expected


def test_an_integer_below_its_minimum_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("N", "-3")
    with pytest.raises(ImproperlyConfigured, match="must be at least 0"):
        env_int("N", 5)
    monkeypatch.setenv("N", "many")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("N", 5)


def test_a_database_url_with_an_unknown_scheme_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysq://x")
    with pytest.raises(ImproperlyConfigured, match="must start with one of"):
        env_url("DATABASE_URL", schemes=("sqlite", "postgres"))


def test_lists_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_HOSTS", "a.org, b.org,")
    assert env_list("ALLOWED_HOSTS", []) == ["a.org", "b.org"]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    unset = {"DEBUG", "NEWSFRAME_HTTPS", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, check=False)


def test_check_deploy_prints_no_warning_with_debug_off() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING",
                     DEBUG="0", SECRET_KEY="k" * 60 + "-production-secret-value-9f8e7d")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr


def test_a_bad_setting_stops_the_app_at_start_up() -> None:
    result = _manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def _celery_settings(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"CELERY_BROKER_URL", "NEWSFRAME_TASKS_IN_PROCESS"}}
    code = ("from django.conf import settings as s; print(s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER, "
            "getattr(s, 'CELERY_BROKER_TRANSPORT', None), s.CELERY_BROKER_TRANSPORT_OPTIONS.get('data_folder_in'))")
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env={**clean, **env},
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_the_embedded_default_queues_tasks_in_files_for_a_worker(tmp_path: Path) -> None:
    assert _celery_settings(NEWSFRAME_VAR_DIR=str(tmp_path)) == (
        f"filesystem:// False newsframe.broker:Transport {tmp_path}/broker/queue")
    assert _celery_settings(NEWSFRAME_VAR_DIR=str(tmp_path), NEWSFRAME_TASKS_IN_PROCESS="1").split()[:2] == [
        "filesystem://", "True"]
    assert _celery_settings(CELERY_BROKER_URL="redis://127.0.0.1:6379/3").split()[:3] == [
        "redis://127.0.0.1:6379/3", "False", "None"]
