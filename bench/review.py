"""The review step at 20,000 articles: a JSON dump read (what the worker does), one review
page rendered, a page's edits saved, and the confirm of every page, with each step's
peak Python memory. Through Django's test Client on the current database; the rows are
deleted afterwards. No analysis runs: the confirm only queues it.

Run: .venv/bin/python -m bench.review   (or `make bench`, which runs every benchmark)
"""

from __future__ import annotations

import contextlib
import json
import resource
import time
from collections.abc import Callable
from typing import Any

ARTICLES = 20_000


def _dump() -> bytes:
    return json.dumps([{"title": f"Story {n}", "body": f"Report number {n}. The council met on Monday."}
                       for n in range(ARTICLES)]).encode()


def _timed(action: Callable[[], Any]) -> tuple[Any, float, float]:
    """The result, the seconds, and the process's peak resident memory after the step (MB)."""
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    return result, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _form(page: Any, **changes: str) -> dict[str, str]:
    formset = page.context["formset"]
    data = {f"a-{k}": str(v) for k, v in formset.management_form.initial.items()}
    data["event_name"] = "Bench review"
    for i, form in enumerate(formset.forms):
        for name in ("key", "title", "byline", "outlet", "published"):
            data[f"a-{i}-{name}"] = form.initial.get(name) or ""
        data[f"a-{i}-keep"] = "on"
    return {**data, **changes}


def run() -> str:
    from celery import current_app
    from django.contrib.auth.models import User
    from django.test import Client
    from django.test.utils import setup_test_environment

    from articles.models import Event, Upload
    from articles.services.uploads import IncomingFile, upload_confirm_reviewed, upload_receive

    current_app.conf.task_always_eager = False  # queue, never run, the analyses
    with contextlib.suppress(RuntimeError):  # already set up (another benchmark, or a test run)
        setup_test_environment()  # so the client's responses carry their template context
    User.objects.filter(username="bench-reviewer").delete()  # left by an interrupted run
    user = User.objects.create_user("bench-reviewer")
    client = Client()
    client.force_login(user)
    data = _dump()
    batch, read_s, read_mb = _timed(lambda: upload_receive(
        files=[IncomingFile("many.json", data)], event_name="Bench review", event=None, user=user, read_here=True))
    url = f"/upload/{batch}/review/"
    page, page_s, page_mb = _timed(lambda: client.get(url))
    _, save_s, save_mb = _timed(lambda: client.post(url, _form(page, go_to_page="400")))
    last = client.get(f"{url}?page=400")
    confirmed, confirm_s, confirm_mb = _timed(lambda: client.post(url, _form(last)))
    if Upload.objects.get(batch=batch).status != Upload.Status.CONFIRMING or confirmed.status_code != 302:
        raise RuntimeError(f"the confirm did not leave the articles to a worker: {confirmed.status_code}")
    status, status_s, _ = _timed(lambda: client.get(f"/upload/{batch}/status/"))
    made, create_s, create_mb = _timed(lambda: upload_confirm_reviewed(batch=str(batch)))
    if not made or Upload.objects.get(batch=batch).status != Upload.Status.CONFIRMED:
        raise RuntimeError("the worker's confirm created nothing")
    Event.objects.filter(name="Bench review").delete()
    Upload.objects.filter(batch=batch).delete()
    user.delete()
    return "\n".join([
        f"## Review: {ARTICLES:,} articles",
        "",
        f"A JSON dump of {ARTICLES:,} short articles ({len(data) / 2**20:.1f} MB), through Django's test client; "
        "peak = the benchmark process's resident high-water mark after the step (it only grows).",
        "",
        "| step | seconds | peak RSS MB |",
        "|---|---|---|",
        f"| read the dump into drafts (the worker's `read_upload`) | {read_s:.1f} | {read_mb:.0f} |",
        f"| one review page (50 drafts, {len(page.content) / 1024:.0f} KB) | {page_s:.1f} | {page_mb:.0f} |",
        f"| save a page's edits, go to page 400 | {save_s:.1f} | {save_mb:.0f} |",
        f"| confirm all {ARTICLES:,}: the request (edits kept, one task queued) | {confirm_s:.1f} | "
        f"{confirm_mb:.0f} |",
        f"| the progress partial the page polls meanwhile ({len(status.content) / 1024:.0f} KB) | {status_s:.2f} | |",
        f"| the worker's `confirm_upload`: choices applied, {ARTICLES:,} articles and jobs in bulk, one "
        f"dispatch task queued | {create_s:.1f} | {create_mb:.0f} |",
        "",
    ])


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    django.setup()
    print(run())
