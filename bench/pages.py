"""The event and article pages at 10, 100 and 500 articles: latency and query count,
one request at a time and under 20 concurrent readers.

Events are generated as rows (articles, actors, quotes, claims, signals, story points)
inserted straight through the ORM, no NLP, into the current database (SQLite by
default, PostgreSQL when DATABASE_URL is set), rendered through Django's test
Client, and deleted afterwards. Then the same event is served by gunicorn on loopback
to 20 locust readers (bench/locustfile.py, a subprocess) for NEWSFRAME_BENCH_LOCUST_SECONDS
(30 by default) per size. Alignment of the same claims is timed with a lookup embedder
(the real model's cost is in bench/align.py), with its peak memory.

Run: .venv/bin/python -m bench.pages   (or `make bench`, which runs every benchmark)
"""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc
from typing import Any

from bench.loadrun import GUNICORN_WORKERS, ROOT, LoadResult, Server, database_url, gunicorn, run_locust, warm_up

SIZES = (10, 100, 500)
REQUESTS = 30
READERS = 20
LOCUST_SECONDS = int(os.environ.get("NEWSFRAME_BENCH_LOCUST_SECONDS", "30"))
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
    members: list[tuple[int, int]] = []  # (fact, index into claims)
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
                                voice="attributed" if i % 2 else "own", speaker=speaker))
            members.append((fact, len(claims) - 1))
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
    Member = StoryPoint.members.through
    Member.objects.bulk_create([Member(storypoint_id=points[f].pk, claim_id=claims[c].pk) for f, c in members],
                               batch_size=2000)
    for f, point in enumerate(points):
        point.article_positions = sorted(set(reporters.get(f, [])))
    StoryPoint.objects.bulk_update(points, ["article_positions"], batch_size=2000)
    return event, pairs


def _client() -> Any:
    from django.conf import settings
    from django.test import Client

    host = next((h for h in settings.ALLOWED_HOSTS if h != "*"), "testserver").lstrip(".") or "localhost"
    return Client(HTTP_HOST=host)


def page_timing(url: str) -> tuple[float, float, int, int, float, int]:
    """Median and p95 milliseconds over REQUESTS requests (after one warm-up), the query
    count, the response size in KiB; then the median and query count of REQUESTS requests
    that each find the page cache empty (the event page's comparison built again, as
    after every write)."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client()
    secure = os.environ.get("NEWSFRAME_HTTPS", "1") != "0" and not os.environ.get("DEBUG")
    response = client.get(url, secure=secure)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    times, cold = [], []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(url, secure=secure)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, secure=secure)
    for _ in range(REQUESTS):
        caches["pages"].clear()
        started = time.perf_counter()
        client.get(url, secure=secure)
        cold.append((time.perf_counter() - started) * 1000)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as cold_ctx:
        client.get(url, secure=secure)
    p95 = statistics.quantiles(times, n=20)[18]
    return (statistics.median(times), p95, len(ctx.captured_queries), len(response.content) // 1024,
            statistics.median(cold), len(cold_ctx.captured_queries))


def readers_timing(server: Server, event: Any, n_articles: int) -> LoadResult:
    """READERS locust users on the event page and its articles (half each, any article),
    thinking 1 to 3 s between pages, for LOCUST_SECONDS."""
    event_url = event.get_absolute_url()
    articles = [f"{event_url}articles/{p}/" for p in range(n_articles)]
    warm_up(server, [event_url, articles[0]])
    targets = {"pages": {"event page": {"paths": [event_url]}, "article page": {"paths": articles}}}
    return run_locust(server, targets=targets, users=READERS, spawn_rate=READERS, seconds=LOCUST_SECONDS,
                      workdir=ROOT / "var" / "bench-locust" / str(n_articles), user_classes=("PageReader",))


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


def _verdict(ok: bool) -> str:
    return "meets" if ok else "misses"


def run() -> str:
    from django.db import connection

    single = [
        "| articles | page | median ms | p95 ms | queries | KiB | uncached median ms | uncached queries "
        "| align s | align peak MiB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    loaded = ["| articles | page | requests | failures | req/s | median ms | p95 ms | load avg |",
              "|---:|---|---:|---:|---:|---:|---:|---:|"]
    medians: dict[int, float] = {}
    queries_by_page: dict[str, set[int]] = {}
    log = ROOT / "var" / "bench-locust" / "gunicorn.log"
    with gunicorn(database_url(connection.settings_dict), log) as server:
        for n in SIZES:
            event, pairs = build_event(n)
            try:
                seconds, mib = align_timing(pairs, n)
                url = event.get_absolute_url()
                chosen = ",".join(str(p) for p in range(0, n, max(1, n // 12)))[:200]
                for page, path in (("event, default", url), ("event, omissions only", url + "?only=missing"),
                                   ("event, 12 chosen", f"{url}?articles={chosen}"),
                                   ("article", f"{url}articles/{n // 2}/")):
                    ms, p95, queries, kib, cold_ms, cold_queries = page_timing(path)
                    queries_by_page.setdefault(page, set()).add(cold_queries)
                    align = " | "
                    if page == "event, default":
                        medians[n], align = cold_ms, f"{seconds:.2f} | {mib:.1f}"
                    single.append(f"| {n} | {page} | {ms:.0f} | {p95:.0f} | {queries} | {kib} | {cold_ms:.0f} | "
                                  f"{cold_queries} | {align} |")
                result = readers_timing(server, event, n)
                load = os.getloadavg()[0]
                for name in ("event page", "article page"):
                    stats = result.endpoints[name]
                    loaded.append(f"| {n} | {name} | {stats.requests} | {stats.failures} | {stats.per_second:.1f} | "
                                  f"{stats.median_ms:.0f} | {stats.p95_ms:.0f} | {load:.1f} |")
            finally:
                event.delete()
    flat = {page: len(counts) == 1 for page, counts in queries_by_page.items()}
    return "\n".join([
        "## Event and article pages: latency and queries by event size",
        "",
        f"Generated events ({CLAIMS_PER_ARTICLE} claims, {QUOTES_PER_ARTICLE} quotes and "
        f"{CLAIMS_PER_ARTICLE * 4} signals per article) on {connection.vendor}. The page compares at most "
        "12 articles at a time, so past 12 the default view and a chosen set cost the same.",
        "",
        f"One request at a time: median and p95 of {REQUESTS} requests through Django's test Client "
        "(templates included, no HTTP server); the article page is the middle article's. The event page's "
        "comparison is cached per event version (articles/web/event_cache.py): *median* is a page whose "
        "comparison is in the cache, *uncached* one built again (the first request after a write; the "
        "article page is not cached, so its two columns measure the same thing).",
        "",
        *single,
        "",
        f"Under load: {READERS} locust readers against gunicorn on loopback ({GUNICORN_WORKERS} workers, "
        f"one request at a time each), each fetching the event page or any of its articles (even odds) "
        f"and thinking 1–3 s between pages, "
        f"{LOCUST_SECONDS} s per size; locust shares the machine's two cores with the server and PostgreSQL. "
        "Load avg: the one-minute load average at the end of the run (above 2, others were using the cores too).",
        "",
        *loaded,
        "",
        f"Goals (event page, one at a time, uncached): < 100 ms median at 10 articles "
        f"({medians[10]:.0f} ms: {_verdict(medians[10] < 100)}), < 500 ms at 500 "
        f"({medians[500]:.0f} ms: {_verdict(medians[500] < 500)}); the same query count at every size: "
        + "; ".join(f"{page} {'flat' if ok else 'grows'} ({', '.join(map(str, sorted(queries_by_page[page])))})"
                    for page, ok in flat.items())
        + f". p95 under {READERS} readers: no goal set.",
        "",
    ])


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    import django

    django.setup()
    print(run())
