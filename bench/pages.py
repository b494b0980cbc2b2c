"""The event page at 10, 100 and 500 articles: median latency and query count.

Events are generated as rows (articles, actors, quotes, claims, signals, story points)
inserted straight through the ORM, no NLP, into the current database (SQLite by
default, PostgreSQL when DATABASE_URL is set), rendered through Django's test
Client, and deleted afterwards. Alignment of the same claims is timed with a
lookup embedder (the real model's cost is in bench/align.py), with its peak memory.

Run: .venv/bin/python -m bench.pages   (or `make bench`, which runs every benchmark)
"""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc
from typing import Any

SIZES = (10, 100, 500)
REQUESTS = 9
CLAIMS_PER_ARTICLE = 10
QUOTES_PER_ARTICLE = 6
ACTORS = ["Sergey Lavrov", "Rex Tillerson", "Vladimir Putin", "Sean Spicer", "Maria Zakharova",
          "Bashar Assad", "Nikki Haley", "Vladimir Safronkov"]
VERBS = [("said", "neutral"), ("insisted", "assertive"), ("claimed", "doubting"),
         ("pointed out", "endorsing"), ("accused", "attacking")]
HEDGES = ["alleged", "reportedly", "apparently"]
LOADED = ["arrogant", "bullying", "illegal", "hypocrisy"]


def _sentence(article: int, fact: int, speaker: str) -> str:
    return (f"{speaker} said that fact {fact} of the story matters, article {article} reports, "
            f"with the alleged details and an arrogant tone.")


def build_event(n_articles: int, seed: int = 0) -> tuple[Any, list[tuple[int, int]]]:
    """An event of n_articles generated articles; returns it and (article, fact) per claim."""
    import numpy as np

    from articles.models import Actor, Article, Claim, Event, Job, Outlet, Quote, Signal, StoryPoint

    rng = np.random.default_rng(seed)
    event = Event.objects.create(name=f"Bench pages {n_articles}", slug=f"bench-pages-{n_articles}-{os.getpid()}")
    actors = Actor.objects.bulk_create([Actor(event=event, name=name) for name in ACTORS])
    outlets = [Outlet.objects.get_or_create(name=f"Bench outlet {i}")[0] for i in range(20)]
    n_facts = 20 + n_articles // 3
    weights = 1.0 / np.arange(1, n_facts + 1)  # a few facts everyone reports, a long tail
    weights /= weights.sum()
    chosen = [rng.choice(n_facts, size=CLAIMS_PER_ARTICLE, replace=False, p=weights) for _ in range(n_articles)]
    bodies = []
    for a in range(n_articles):
        sentences = [_sentence(a, int(f), ACTORS[int(f) % len(ACTORS)]) for f in chosen[a]]
        bodies.append(sentences)
    articles = Article.objects.bulk_create([
        Article(event=event, outlet=outlets[a % len(outlets)], position=a, title=f"Generated article {a}",
                body="\n\n".join(bodies[a]), content_hash=f"bench-{a}",
                word_count=sum(len(s.split()) for s in bodies[a]))
        for a in range(n_articles)
    ])
    Job.objects.bulk_create([Job(kind="analyze", event=event, article=art, status="done") for art in articles]
                            + [Job(kind="align", event=event, status="done")])
    points = StoryPoint.objects.bulk_create([
        StoryPoint(event=event, label=f"Fact {f} of the story", order=float(f)) for f in range(n_facts)
    ])
    reporters: dict[int, list[int]] = {}
    quotes, claims, signals, pairs = [], [], [], []
    for a, art in enumerate(articles):
        offset = 0
        for i, (fact, text) in enumerate(zip(chosen[a], bodies[a], strict=True)):
            fact = int(fact)
            speaker = actors[fact % len(actors)]
            reporters.setdefault(fact, []).append(a)
            pairs.append((a, fact))
            q_start = offset + text.index("fact")
            q_end = offset + text.index(", article")
            if i < QUOTES_PER_ARTICLE:
                quotes.append(Quote(article=art, position=i, text=text[q_start - offset:q_end - offset],
                                    start=q_start, end=q_end, kind="indirect", cue="said", speaker=speaker,
                                    confidence=0.9))
            claims.append(Claim(article=art, position=i, text=text, start=offset, end=offset + len(text),
                                voice="attributed" if i % 2 else "own", speaker=speaker, story_point=points[fact]))
            _, stance = VERBS[i % len(VERBS)]
            v_at = offset + len(speaker.name) + 1
            signals += [
                Signal(article=art, kind="reporting_verb", text="said", start=v_at, end=v_at + 4, category=stance,
                       actor=speaker),
                Signal(article=art, kind="label", text=speaker.name, start=offset, end=offset + len(speaker.name),
                       category="name", actor=speaker),
                Signal(article=art, kind="hedge", text="alleged", start=offset + text.index("alleged"),
                       end=offset + text.index("alleged") + 7, category="attribution-distancing"),
                Signal(article=art, kind="loaded", text="arrogant", start=offset + text.index("arrogant"),
                       end=offset + text.index("arrogant") + 8, category="pejorative"),
            ]
            offset += len(text) + 2
    Quote.objects.bulk_create(quotes, batch_size=2000)
    Claim.objects.bulk_create(claims, batch_size=2000)
    Signal.objects.bulk_create(signals, batch_size=2000)
    everyone = set(range(n_articles))
    for f, point in enumerate(points):
        point.article_positions = sorted(set(reporters.get(f, [])))
        point.missing_from = sorted(everyone - set(point.article_positions))
    StoryPoint.objects.bulk_update(points, ["article_positions", "missing_from"], batch_size=2000)
    return event, pairs


def _client() -> Any:
    from django.conf import settings
    from django.test import Client

    host = next((h for h in settings.ALLOWED_HOSTS if h != "*"), "testserver").lstrip(".") or "localhost"
    return Client(HTTP_HOST=host)


def page_timing(url: str) -> tuple[float, int, int]:
    """Median milliseconds over REQUESTS requests (after one warm-up), the query
    count, and the response size in KiB."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client()
    secure = os.environ.get("NEWSFRAME_HTTPS", "1") != "0" and not os.environ.get("DEBUG")
    response = client.get(url, secure=secure)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(url, secure=secure)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, secure=secure)
    return statistics.median(times), len(ctx.captured_queries), len(response.content) // 1024


def align_timing(pairs: list[tuple[int, int]], n_articles: int) -> tuple[float, float]:
    """Seconds and peak MiB to align the event's claims, with vectors looked up (a fact's
    direction plus noise) instead of computed by the model."""
    import numpy as np

    from articles.compare.align import align_claims
    from articles.compare.types import ClaimInput

    rng = np.random.default_rng(1)
    facts = rng.standard_normal((max(f for _, f in pairs) + 1, 384))
    facts /= np.linalg.norm(facts, axis=1, keepdims=True)
    vectors = facts[[f for _, f in pairs]] + rng.standard_normal((len(pairs), 384)) * (0.75 / np.sqrt(384))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    claims = [ClaimInput(id=i, article=a, text=str(i)) for i, (a, _) in enumerate(pairs)]

    def lookup(texts: Any) -> Any:
        return vectors[[int(t) for t in texts]]

    tracemalloc.start()
    started = time.perf_counter()
    align_claims(claims, n_articles, embed=lookup)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def run() -> str:
    from django.db import connection

    lines = [
        "## Event page: latency and queries by event size",
        "",
        f"Generated events ({CLAIMS_PER_ARTICLE} claims, {QUOTES_PER_ARTICLE} quotes and "
        f"{CLAIMS_PER_ARTICLE * 4} signals per article) on {connection.vendor}; median of {REQUESTS} "
        "requests through Django's test Client, templates included. The page compares at most "
        "12 articles at a time, so past 12 the default view and a chosen set cost the same.",
        "",
        "| articles | view | median ms | queries | KiB | align s | align peak MiB |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for n in SIZES:
        event, pairs = build_event(n)
        try:
            seconds, mib = align_timing(pairs, n)
            url = event.get_absolute_url()
            chosen = ",".join(str(p) for p in range(0, n, max(1, n // 12)))[:200]
            for view, query in (("default", ""), ("omissions only", "?only=missing"),
                                ("12 chosen", f"?articles={chosen}")):
                ms, queries, kib = page_timing(url + query)
                align = f"{seconds:.2f} | {mib:.1f}" if view == "default" else " | "
                lines.append(f"| {n} | {view} | {ms:.0f} | {queries} | {kib} | {align} |")
        finally:
            event.delete()
    lines += ["", "Goals: the same query count at every size; < 100 ms median at 10 articles, "
              "< 500 ms at 500.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    import django

    django.setup()
    print(run())
