"""One article of 8 MB (100,000 paragraphs) with a quote, a claim and a reporting verb
in every paragraph, stored as rows (no NLP), as the hostile review's saved page gave:
the event page and the article page stay under 1 MB and say how to see the rest.
The article page shows the body a part at a time (`?part=N`), highlights kept."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from django.test import Client

from articles.models import Actor, Article, Claim, Event, Job, Outlet, Quote, Signal, StoryPoint
from articles.web.parts import PART_CHARS, PART_PARAGRAPHS, body_parts, part_of

PARAGRAPHS = 100_000
LINE = "Paragraph {n:06d}: the council met again today and said the budget was debated at length, once more."
SHORT = "The council said the budget was debated at length, once more. Nobody else spoke."
SINGLE_POINTS = 400  # story points reported by the long article alone: more than the page shows
MB = 1024 * 1024


def _rows(article: Article, council: Actor, lines: list[str]) -> list[Claim]:
    quotes, claims, signals = [], [], []
    offset = 0
    for line in lines:
        q = offset + line.index("the budget")
        v = offset + line.index("said")
        quotes.append(Quote(article=article, text=line[q - offset:-1], start=q, end=offset + len(line) - 1,
                            kind="indirect", cue="said", speaker=council, confidence=0.8))
        claims.append(Claim(article=article, text=line, start=offset, end=offset + len(line), voice="attributed",
                            speaker=council))
        signals.append(Signal(article=article, kind="reporting_verb", text="said", start=v, end=v + 4,
                              category="neutral", actor=council))
        offset += len(line) + 2
    Quote.objects.bulk_create(quotes, batch_size=5000)
    Signal.objects.bulk_create(signals, batch_size=5000)
    return Claim.objects.bulk_create(claims, batch_size=5000)


@pytest.fixture(scope="module")
def long_event(django_db_setup: None, django_db_blocker: Any) -> Iterator[Event]:
    """Built once for the module (300,000 rows take a minute), deleted after it."""
    with django_db_blocker.unblock():
        event = _build()
    yield event
    with django_db_blocker.unblock():
        Event.objects.filter(pk=event.pk).delete()
        Outlet.objects.filter(name="Long Gazette").delete()


def _build() -> Event:
    event = Event.objects.create(name="A long report", slug="a-long-report")
    outlet = Outlet.objects.get_or_create(name="Long Gazette")[0]
    council = Actor.objects.create(event=event, name="The Council", kind="organization")
    lines = [LINE.format(n=n) for n in range(PARAGRAPHS)]
    body = "\n\n".join(lines)
    assert len(body.encode()) > 8 * 1000 * 1000
    long = Article.objects.create(event=event, outlet=outlet, position=0, title="A very long report", body=body,
                                  content_hash="long", word_count=len(body.split()))
    claims = _rows(long, council, lines)
    for position in (1, 2):
        short = Article.objects.create(event=event, outlet=outlet, position=position, title=f"Short {position}",
                                       body=SHORT, content_hash=f"short{position}", word_count=len(SHORT.split()))
        claims += _rows(short, council, [SHORT.split(". ")[0] + "."])
    Job.objects.bulk_create([Job(kind="analyze", event=event, article=a, status="done") for a in event.articles.all()]
                            + [Job(kind="align", event=event, status="done")])
    shared = StoryPoint.objects.create(event=event, label="The budget was debated", order=0,
                                       article_positions=[0, 1, 2])
    Member = StoryPoint.members.through
    Member.objects.bulk_create([Member(storypoint_id=shared.pk, claim_id=c.pk) for c in claims], batch_size=5000)
    singles = StoryPoint.objects.bulk_create([StoryPoint(event=event, label=f"Paragraph {n} alone", order=1 + n,
                                                         article_positions=[0]) for n in range(SINGLE_POINTS)])
    Member.objects.bulk_create([Member(storypoint_id=p.pk, claim_id=claims[n].pk) for n, p in enumerate(singles)])
    return event


def _get(client: Client, url: str) -> tuple[str, float]:
    started = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - started
    assert response.status_code == 200, url
    return response.content.decode(), seconds


def test_the_event_page_of_an_8_mb_article_is_bounded_and_says_how_to_see_the_rest(
    client: Client, long_event: Event, db: None
) -> None:
    page, seconds = _get(client, long_event.get_absolute_url())
    print(f"\nevent page with an 8 MB article: {len(page) / MB:.2f} MB in {seconds:.2f} s")
    assert len(page) < MB
    assert "this article is long" in page and 'href="/events/a-long-report/articles/0/"' in page
    assert "and 99,997 more sentences in this article" in page  # the shared point's cell: three shown
    assert "more story points are not shown here" in page  # 401 points, at most 300 rows
    assert page.count('class="hl-verb') >= 3, "the sentences shown keep their highlights"


def test_the_article_page_of_an_8_mb_article_is_shown_a_part_at_a_time(
    client: Client, long_event: Event, db: None
) -> None:
    url = long_event.articles.get(position=0).get_absolute_url()
    page, seconds = _get(client, url)
    parts = PARAGRAPHS // PART_PARAGRAPHS
    print(f"\narticle page of 8 MB, part 1 of {parts}: {len(page) / MB:.2f} MB in {seconds:.2f} s")
    assert len(page) < MB
    assert f"shown in {parts} parts" in page and 'href="?part=2"' in page and f'href="?part={parts}"' in page
    assert "Paragraph 000199:" in page and "Paragraph 000200:" not in page
    quote = '<span class="hl-quote sp-0" title="indirect quote'
    assert page.count(quote) == PART_PARAGRAPHS and "Quotes (100000)" in page
    last, seconds = _get(client, f"{url}?part={parts}")
    print(f"part {parts}: {len(last) / MB:.2f} MB in {seconds:.2f} s", end="")
    assert len(last) < MB and "Paragraph 099999:" in last and 'id="p99999"' in last
    assert last.count(quote) == PART_PARAGRAPHS
    assert client.get(f"{url}?part={parts + 1}").status_code == 404
    assert client.get(f"{url}?part=two").status_code == 400


def test_parts_cover_the_body_and_cut_only_overlong_paragraphs() -> None:
    body = "\n\n".join(["short"] * 450 + ["x" * (PART_CHARS * 2 + 10)] + ["end"])
    parts = body_parts(body)
    assert parts[0][0] == 0 and parts[-1][1] == len(body)
    for (_, end), (start, _) in pairwise(parts):
        assert body[end:start] in ("", "\n\n")
    assert all(end - start <= PART_CHARS for start, end in parts)
    assert [body[s:e].count("\n\n") + 1 for s, e in parts[:2]] == [PART_PARAGRAPHS, PART_PARAGRAPHS]
    assert part_of(parts, 0) == 1 and part_of(parts, len(body)) == len(parts)
    assert body_parts("") == [(0, 0)] and body_parts("one paragraph") == [(0, 13)]


def test_a_short_article_has_no_parts(client: Client, long_event: Event, db: None) -> None:
    page, _ = _get(client, long_event.articles.get(position=1).get_absolute_url())
    assert "?part=" not in page and "shown in" not in page
