from __future__ import annotations

import os
import subprocess
import sys

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
