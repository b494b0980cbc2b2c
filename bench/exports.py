"""The event JSON and the CSV zip at 10, 1,000 and 3,000 articles: bytes, seconds and
the peak memory of streaming them, side by side.

Events are generated as rows (bench/pages.build_event: 10 claims, 6 quotes and 40
signals per article, story points shared by several articles; no NLP) in the current
database, exported through articles.services.exports.export_stream as the downloads
are (every byte read, nothing written to disk), and deleted afterwards. Seconds: the
whole file, and the first chunk (what a client waits before the download starts).
Peak: Python allocations during one more streaming of event.json, under tracemalloc.

Run: .venv/bin/python -m bench.exports   (or `make bench`, which runs every benchmark)
"""

from __future__ import annotations

import os
import time
import tracemalloc
from typing import Any

SIZES = (10, 1000, 3000)
MB = 1e6


def stream_timing(event: Any, fmt: str) -> tuple[int, float, float]:
    """Bytes, seconds for the whole file, seconds to the first chunk."""
    from articles.services.exports import export_stream

    started = time.perf_counter()
    first = 0.0
    size = 0
    for chunk in export_stream(event, fmt).chunks:  # type: ignore[arg-type]
        if not size:
            first = time.perf_counter() - started
        size += len(chunk)
    return size, time.perf_counter() - started, first


def peak_mb(event: Any) -> float:
    from articles.services.exports import export_stream

    tracemalloc.start()
    try:
        for _ in export_stream(event, "json").chunks:
            pass
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def measure(n: int) -> dict[str, Any]:
    from articles.models import StoryPoint
    from bench.pages import build_event

    event, _ = build_event(n)
    try:
        json_bytes, json_s, json_first = stream_timing(event, "json")
        zip_bytes, zip_s, _ = stream_timing(event, "csv")
        return {"articles": n, "points": StoryPoint.objects.filter(event=event).count(),
                "json_bytes": json_bytes, "json_s": json_s, "json_first": json_first, "peak": peak_mb(event),
                "zip_bytes": zip_bytes, "zip_s": zip_s}
    finally:
        event.delete()


def run() -> str:
    rows = [measure(n) for n in SIZES]
    lines = [
        "| articles | story points | event.json MB | bytes per article | seconds | first byte s | peak MiB "
        "| csv.zip MB | seconds |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['articles']:,} | {r['points']:,} | {r['json_bytes'] / MB:.1f} "
            f"| {r['json_bytes'] / r['articles']:,.0f} | {r['json_s']:.2f} | {r['json_first']:.2f} "
            f"| {r['peak'] * MB / 2**20:.1f} | {r['zip_bytes'] / MB:.2f} | {r['zip_s']:.2f} |")
    per_article = [r["json_bytes"] / r["articles"] for r in rows]
    per_second = [r["json_bytes"] / r["json_s"] / MB for r in rows]
    growth = per_article[-1] / per_article[0]
    return "\n".join([
        "## Exports: event.json and csv.zip by event size",
        "",
        "Generated events (bench/pages.build_event: 10 claims, 6 quotes and 40 signals per article; no NLP), "
        "streamed by `export_stream` as the downloads are. Peak: Python allocations while streaming event.json "
        "(tracemalloc, one more run). Above 100 articles a story point leaves its absent articles implied "
        "(`event.omissions` is `complement`).",
        "",
        *lines,
        "",
        f"Bytes per article from {SIZES[0]:,} to {SIZES[-1]:,} articles: {per_article[0]:,.0f} → "
        f"{per_article[-1]:,.0f} ({growth:.2f}×: {'linear' if growth <= 1.25 else 'grows faster than the event'}); "
        f"throughput {min(per_second):.1f}–{max(per_second):.1f} MB/s.",
        "",
    ])


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    import django

    django.setup()
    print(run())
