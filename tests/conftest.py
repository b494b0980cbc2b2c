"""Shared fixtures. The suite runs on PostgreSQL and Redis (see `make test`);
tasks run in-process unless a test starts a real worker (tests/e2e)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import Client
from hypothesis import settings as hypothesis_settings

from articles.models import Upload
from articles.services.uploads import ConfirmResult, IncomingFile, drafts_of, upload_confirm, upload_receive
from newsframe.celery import app as celery_app

# Property tests explore new random examples on a developer's machine; in CI (CI=true)
# they replay one fixed sequence, so a red run there is the code's, reproducible.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    hypothesis_settings.load_profile("ci")

pytest_plugins = ["tests.browser_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tillerson-lavrov-2017-04-12.txt"


@pytest.fixture(autouse=True)
def _fresh_page_cache() -> None:
    """Event ids restart with each test database: no page of an earlier test is served."""
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _tasks_in_process() -> Iterator[None]:
    """Unit tests run tasks in-process; tests/e2e switch this off for a real worker."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def confirm_upload(data: bytes, event_name: str, name: str = "seed.txt") -> ConfirmResult:
    """Upload `data` and confirm its drafts as they are, through the services; on a real
    database the analyses then run in-process (wrap in django_capture_on_commit_callbacks
    in a `db` test, where on-commit callbacks do not fire by themselves)."""
    batch = upload_receive(files=[IncomingFile(name, data)], event_name=event_name,
                           event=None, user=None, read_here=True)
    uploads = list(Upload.objects.filter(batch=batch))
    drafts = drafts_of(uploads)
    return upload_confirm(uploads=uploads, drafts=drafts, event_name=event_name, user=None)


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def uploader(db: None) -> User:
    return User.objects.create_user("reporter", "reporter@example.org", "a-long-test-password")


@pytest.fixture
def logged_in(client: Client, uploader: User) -> Client:
    client.force_login(uploader)
    return client
