"""Ingest throughput and peak memory: a 10 MB text dump and a 500-file ZIP.

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


def big_zip(files: int = ZIP_FILES) -> bytes:
    texts = _texts()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(files):
            archive.writestr(f"coverage/{i:04d}.txt", texts[i % len(texts)])
    return buffer.getvalue()


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
    dump, archive = big_dump(), big_zip()
    dump_s, dump_peak, dump_n = _measure(lambda: len(parse(dump, "dump.txt", limits=LIMITS).articles))
    zip_s, zip_peak, zip_n = _measure(lambda: len(parse(archive, "coverage.zip", limits=LIMITS).articles))
    dump_mb, zip_mb = len(dump) / 2**20, len(archive) / 2**20
    return "\n".join([
        "## Ingest: parse throughput and peak memory",
        "",
        f"Median of {REPEATS} untraced runs; peak = Python allocations during one more parse() under "
        "tracemalloc, input excluded.",
        "",
        "| input | size | articles | median s | MB/s | peak MB | peak / input |",
        "|---|---|---|---|---|---|---|",
        f"| text dump | {dump_mb:.1f} MB | {dump_n:,} | {dump_s:.2f} | {dump_mb / dump_s:.2f} | "
        f"{dump_peak:.0f} | {dump_peak / dump_mb:.1f}× |",
        f"| ZIP of {ZIP_FILES} files | {zip_mb:.1f} MB | {zip_n:,} | {zip_s:.2f} | {zip_mb / zip_s:.2f} | "
        f"{zip_peak:.0f} | {zip_peak / zip_mb:.1f}× |",
        "",
    ])


if __name__ == "__main__":
    print(run())
