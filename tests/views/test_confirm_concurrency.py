"""Confirms at the same time (threads, each with its own PostgreSQL connection): every
confirm succeeds or says why, no article is lost, and a double submit adds nothing twice."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection

from articles.models import Article, Event, Upload
from articles.services.uploads import IncomingFile, drafts_of, upload_confirm, upload_receive

pytestmark = pytest.mark.django_db(transaction=True)


def _dump(tag: str, n: int) -> bytes:
    return json.dumps([
        {"title": f"Report {tag}-{i} on the harbour", "outlet": "Harbour Gazette",
         "body": f"The harbour board met on Monday about berth {tag}-{i}. It agreed to repair quay {i} "
                 "before winter, a spokesman said. Work starts in October and should take six weeks."}
        for i in range(n)
    ]).encode()


def _received(tag: str, n: int, user: User) -> list[Upload]:
    batch = upload_receive(files=[IncomingFile(f"{tag}.json", _dump(tag, n))], event_name="", event=None, user=user)
    uploads = list(Upload.objects.filter(batch=batch))
    assert all(u.status == Upload.Status.PARSED for u in uploads)
    return uploads


def _confirm(uploads: list[Upload], name: str, user: User) -> Any:
    drafts = drafts_of(uploads)
    return upload_confirm(uploads=uploads, drafts=drafts, event_name=name, user=user)


def _all_at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    barrier = threading.Barrier(len(calls))
    results: list[Any] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results.append(call())
        except Exception as exc:
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return results


def test_four_users_confirming_into_one_event_lose_no_article(uploader: User) -> None:
    batches = [_received(tag, 5, uploader) for tag in "abcd"]
    assert sum(len(u.draft) for b in batches for u in b) == 20
    results = _all_at_once([lambda b=b: _confirm(b, "Harbour works", uploader) for b in batches])  # type: ignore[misc]
    assert not [r for r in results if isinstance(r, Exception)], results
    [event] = Event.objects.filter(name="Harbour works")
    positions = sorted(Article.objects.filter(event=event).values_list("position", flat=True))
    assert positions == list(range(20))


def test_a_double_submit_confirms_once(uploader: User) -> None:
    uploads = _received("x", 3, uploader)
    results = _all_at_once([lambda: _confirm(uploads, "Double", uploader)] * 4)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(len(r.created) for r in results) == [0, 0, 0, 3]
    assert Article.objects.filter(event__name="Double").count() == 3


def test_two_confirms_creating_the_same_new_event_make_one(uploader: User) -> None:
    first, second = _received("p", 2, uploader), _received("q", 2, uploader)
    results = _all_at_once([lambda: _confirm(first, "Same new event", uploader),
                            lambda: _confirm(second, "Same new event", uploader)])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Event.objects.filter(name="Same new event").count() == 1
    assert Article.objects.filter(event__name="Same new event").count() == 4


def test_two_new_events_whose_names_share_a_slug_get_two_slugs(uploader: User) -> None:
    # "Port strike" and "Port Strike!" are two events but one slug base: the second must
    # wait for the first's slug, not fail on the unique constraint.
    first, second = _received("s", 1, uploader), _received("t", 1, uploader)
    results = _all_at_once([lambda: _confirm(first, "Port strike", uploader),
                            lambda: _confirm(second, "Port Strike!", uploader)])
    assert not [r for r in results if isinstance(r, Exception)], results
    slugs = sorted(Event.objects.filter(name__in=["Port strike", "Port Strike!"]).values_list("slug", flat=True))
    assert slugs == ["port-strike", "port-strike-2"]
