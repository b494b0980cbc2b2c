"""Ingest throughput and peak memory: what a worker does between an upload and its
review page, for 10 MB of text, a saved HTML page of 100,000 paragraphs, a 500-file
ZIP and a ZIP of about 10 MB.

The dump is the seed and the ingest fixtures repeated, separated as a person
would paste them; memory is Python's peak allocation (tracemalloc) during
parse(), relative to the input size."""

from __future__ import annotations

import io
import statistics
import time
import tracemalloc
import zipfile
from collections.abc import Callable

from articles.ingest import Limits, parse
from bench.corpus import SOURCES

DUMP_BYTES = 10 * 1024 * 1024
ZIP_FILES = 500
REPEATS = 3
LIMITS = Limits(max_file_bytes=64 * 1024 * 1024, max_total_bytes=256 * 1024 * 1024)


def _texts() -> list[bytes]:
    return [p.read_bytes() for folder in SOURCES for p in sorted(folder.glob("*.txt"))]


def big_dump(size: int = DUMP_BYTES) -> bytes:
    parts, total, texts = [], 0, _texts()
    while total < size:
        for text in texts:
            parts.append(text + b"\n\n* * *\n\n")
            total += len(parts[-1])
    return b"".join(parts)[:size].rsplit(b"\n\n* * *\n\n", 1)[0]


def big_zip(files: int = ZIP_FILES, per_file: int = 1) -> bytes:
    """`files` entries, each `per_file` texts of the corpus pasted one after another."""
    texts = _texts()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(files):
            parts = [texts[(i * per_file + k) % len(texts)] for k in range(per_file)]
            archive.writestr(f"coverage/{i:04d}.txt", b"\n\n* * *\n\n".join(parts))
    return buffer.getvalue()


def big_html(paragraphs: int = 100_000) -> bytes:
    """A saved page of one long article (the hostile review's 7.8 MB file had 100,000)."""
    body = "".join(f"<p>Paragraph {n}: the council met again and said the budget was debated.</p>"
                   for n in range(paragraphs))
    return (f"<!doctype html><html><head><title>A very long report</title></head><body><article>"
            f"<h1>A very long report</h1>{body}</article></body></html>").encode()


def _measure(action: Callable[[], int]) -> tuple[float, float, int]:
    """Median seconds (untraced), peak MB allocated (one traced run), and the article count."""
    times, count = [], 0
    for _ in range(REPEATS):
        start = time.perf_counter()
        count = action()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20, count


def run() -> str:
    inputs = [("text dump", big_dump(), "dump.txt"), ("HTML page, 100,000 paragraphs", big_html(), "page.html"),
              (f"ZIP of {ZIP_FILES} files", big_zip(), "coverage.zip"),
              ("ZIP of 1,000 longer files", big_zip(1000, per_file=15), "long.zip")]
    rows = []
    for label, data, name in inputs:
        seconds, peak, count = _measure(lambda d=data, n=name: len(parse(d, n, limits=LIMITS).articles))
        size = len(data) / 2**20
        rows.append(f"| {label} | {size:.1f} MB | {count:,} | {seconds:.2f} | {size / seconds:.2f} | "
                    f"{peak:.0f} | {peak / size:.1f}× |")
    return "\n".join([
        "## Ingest: parse throughput and peak memory",
        "",
        "What the worker does between an upload and its review page (tasks.read_upload: parse(), "
        f"then one row written). Median of {REPEATS} untraced runs; peak = Python allocations during "
        "one more parse() under tracemalloc, input excluded.",
        "",
        "| input | size | articles | median s | MB/s | peak MB | peak / input |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ])


if __name__ == "__main__":
    print(run())
