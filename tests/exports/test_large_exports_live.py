"""Two anonymous downloads of a large event at once, through gunicorn as `make serve`
runs it (two workers): /healthz keeps answering while they run, because only one
large export streams at a time (the other is told to retry) and it streams.

Printed: what each download answered and took, and /healthz's answers meanwhile. Asserted:
/healthz answered every time, and one download was served whole (no wall-clock limits)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import requests
from django.db import connection

from bench.loadrun import ROOT, database_url, gunicorn
from bench.pages import build_event

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLES = 600  # about 12 MB of event JSON: a large export (NEWSFRAME_LARGE_EXPORT_BYTES is 5 MB)
MAKE_SERVE_WORKERS = 2


def _fetch(url: str, out: dict[str, Any]) -> None:
    started = time.monotonic()
    with requests.get(url, stream=True, timeout=120) as response:
        size = sum(len(chunk) for chunk in response.iter_content(64 * 1024))
        out.update(status=response.status_code, bytes=size, seconds=time.monotonic() - started,
                   retry_after=response.headers.get("Retry-After"))


def test_two_large_exports_at_once_leave_healthz_answering() -> None:
    if connection.vendor != "postgresql":
        pytest.fail("the server reads the test database: run this on PostgreSQL (`make test`)")
    event, _ = build_event(ARTICLES)
    with gunicorn(database_url(connection.settings_dict), ROOT / "var" / "exports-live.log",
                  workers=MAKE_SERVE_WORKERS) as server:
        results: dict[str, dict[str, Any]] = {"event.json": {}, "csv.zip": {}}
        threads = [threading.Thread(target=_fetch, args=(f"{server.url}{event.get_absolute_url()}export/{name}", out))
                   for name, out in results.items()]
        for thread in threads:
            thread.start()
        health: list[float] = []
        while any(thread.is_alive() for thread in threads) or not health:
            asked = time.monotonic()
            answer = requests.get(f"{server.url}/healthz", timeout=120)
            assert answer.status_code == 200 and answer.text == "ok"
            health.append(time.monotonic() - asked)
            time.sleep(0.1)
        for thread in threads:
            thread.join()
    for name, out in results.items():
        print(f"\n{name}: HTTP {out['status']}, {out['bytes']:,} bytes in {out['seconds']:.2f} s"
              + (f" (Retry-After {out['retry_after']} s)" if out["status"] == 429 else ""), end="")
    print(f"\n/healthz meanwhile: {len(health)} answers, median {sorted(health)[len(health) // 2] * 1000:.0f} ms, "
          f"slowest {max(health) * 1000:.0f} ms")
    statuses = sorted(out["status"] for out in results.values())
    assert statuses in ([200, 200], [200, 429]), results
    assert health, "nothing was measured"
