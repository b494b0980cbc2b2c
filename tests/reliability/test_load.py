"""Slow: fifty users for a minute against the app under gunicorn on loopback (issue 7).

Forty readers fetch the home page, two events' pages, their articles, actors and JSON
export (the seed event, analysed for real, and a generated event of 100 articles); ten
uploaders, each with an account of its own, log in through the real form and upload
small text dumps with the form's CSRF token. Locust runs as a subprocess
(bench/locustfile.py). Printed: failures, requests, median and p95 per endpoint against
the 300 ms goal for pages (not asserted: no wall-clock limits in tests), and the gunicorn
processes' memory before and after. Asserted: no failure, no worker replaced, and every
upload the server accepted is stored byte for byte."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import User
from django.db import connection

from articles.management.commands.import_dump import import_file
from articles.models import Actor, Article, Event, Upload
from bench.loadrun import ROOT, database_url, gunicorn, run_locust, stats_table, upload_text, warm_up
from bench.pages import build_event
from tests.conftest import SEED

pytestmark = [pytest.mark.slow]

USERS = 50
UPLOADERS = 10  # the other 40 read
SECONDS = 60
PAGE_GOAL_MS = 300.0
PAGES = ("home", "event page", "article page", "actor page")
WORKDIR = ROOT / "var" / "load"


def _targets(seed: Event, generated: Event, accounts: list[tuple[str, str]]) -> dict[str, object]:
    events = [seed, generated]
    articles = Article.objects.filter(event__in=events).select_related("event")
    actors = Actor.objects.filter(event__in=events).select_related("event")
    return {
        "pages": {
            "home": {"paths": ["/"], "weight": 1},
            "event page": {"paths": [e.get_absolute_url() for e in events], "weight": 3},
            "article page": {"paths": [a.get_absolute_url() for a in articles], "weight": 3},
            "actor page": {"paths": [a.get_absolute_url() for a in actors], "weight": 2},
            # The seed's only: 100 articles export as 1.9 MB in about half a second, not a page to hammer.
            "event.json": {"paths": [f"{seed.get_absolute_url()}export/event.json"], "weight": 1},
        },
        "accounts": accounts,
        "upload_event": "Load test uploads",
    }


def test_fifty_users_reading_and_uploading_for_a_minute_fail_nothing_and_lose_no_upload(
    transactional_db: None,
) -> None:
    if connection.vendor != "postgresql":
        pytest.fail("the server under load reads the test database: run this with `make reliability` (PostgreSQL)")
    seed = import_file(SEED, "Tillerson–Lavrov press conference, Moscow, 12 April 2017").event  # analysed eagerly
    generated, _ = build_event(100)
    accounts = [(f"load-{i}", f"a-long-load-password-{i}") for i in range(UPLOADERS)]
    for username, password in accounts:
        User.objects.create_user(username, f"{username}@example.org", password)
    targets = _targets(seed, generated, accounts)
    first_of_each = [kind["paths"][0] for kind in targets["pages"].values()]  # type: ignore[attr-defined]

    with gunicorn(database_url(connection.settings_dict), WORKDIR / "gunicorn.log") as server:
        warm_up(server, first_of_each)
        before, load_before = server.rss_mib(), os.getloadavg()[0]
        result = run_locust(server, targets=targets, users=USERS, spawn_rate=10, seconds=SECONDS, workdir=WORKDIR)
        after = server.rss_mib()

    print(f"\nlocust: {USERS} users ({UPLOADERS} uploaders) for {SECONDS} s on {server.url}, "
          f"exit code {result.exit_code}; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after (2 cores, shared)")
    print(stats_table(result, goal_ms=dict.fromkeys(PAGES, PAGE_GOAL_MS)))
    for failure in result.failures:
        print(f"failure: {failure}")
    print("RSS MiB (master first): before " + ", ".join(f"{mib:.0f}" for mib in before.values())
          + "; after " + ", ".join(f"{mib:.0f}" for mib in after.values())
          + f"; total {sum(before.values()):.0f} -> {sum(after.values()):.0f} "
          f"({sum(after.values()) - sum(before.values()):+.0f})")

    endpoints = result.endpoints
    assert endpoints["Aggregated"].failures == 0 and not result.failures
    assert all(endpoints[name].requests > 0 for name in (*PAGES, "event.json", "login", "upload POST"))
    assert before.keys() == after.keys(), "a gunicorn worker died or was replaced during the run"
    posts = endpoints["upload POST"]
    stored = list(Upload.objects.filter(uploader__username__startswith="load-"))
    assert len(stored) == posts.requests - posts.failures, "an accepted upload is missing (or one was counted twice)"
    assert all(u.status == Upload.Status.PARSED and bytes(u.raw) == upload_text(u.original_name).encode()
               for u in stored)
    print(f"uploads: {posts.requests} POSTs answered 302, {len(stored)} Upload rows stored byte for byte")
