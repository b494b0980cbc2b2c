"""gunicorn's worker class for the pages: sync (before 2026-12-07) against gthread with one
thread (newsframe/gunicorn_conf.py, chosen so that a slow download is not killed), side by
side in one run, alternating, on one generated 100-article event with 20 locust readers
(bench.pages.readers_timing). Prints medians, p95s and their ratio.

Run: .venv/bin/python -m bench.workers   (NEWSFRAME_BENCH_LOCUST_SECONDS per round, 30 by default)
"""

from __future__ import annotations

import os
import statistics

from bench.loadrun import ROOT, database_url, gunicorn
from bench.pages import build_event, readers_timing

ARTICLES = 100
ROUNDS = 2
CLASSES = ("sync", "gthread")


def run() -> str:
    from django.db import connection

    seen: dict[str, dict[str, list[tuple[float, float, int]]]] = {c: {} for c in CLASSES}
    event, _ = build_event(ARTICLES)
    try:
        for _ in range(ROUNDS):
            for worker_class in CLASSES:
                log = ROOT / "var" / "bench-locust" / f"gunicorn-{worker_class}.log"
                with gunicorn(database_url(connection.settings_dict), log, worker_class=worker_class) as server:
                    result = readers_timing(server, event, ARTICLES)
                for page in ("event page", "article page"):
                    stats = result.endpoints[page]
                    seen[worker_class].setdefault(page, []).append((stats.median_ms, stats.p95_ms, stats.failures))
    finally:
        event.delete()
    lines = ["| page | sync median / p95 ms | gthread median / p95 ms | gthread ÷ sync (median, p95) | failures |",
             "|---|---:|---:|---:|---:|"]
    for page in ("event page", "article page"):
        sync, threaded = (seen[c][page] for c in CLASSES)
        s_med, s_p95 = (statistics.median(x[i] for x in sync) for i in (0, 1))
        t_med, t_p95 = (statistics.median(x[i] for x in threaded) for i in (0, 1))
        failures = sum(x[2] for x in sync + threaded)
        lines.append(f"| {page} | {s_med:.0f} / {s_p95:.0f} | {t_med:.0f} / {t_p95:.0f} | "
                     f"{t_med / s_med:.2f}×, {t_p95 / s_p95:.2f}× | {failures} |")
    return "\n".join([f"{ROUNDS} alternating rounds per class, medians of their figures; "
                      f"load average at the end {os.getloadavg()[0]:.1f}.", "", *lines])


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    import django

    django.setup()
    print(run())
