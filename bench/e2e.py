"""End to end: a 1,000-article event from upload to a ready comparison page,
with 1 and then 2 Celery worker processes on Redis and PostgreSQL.

`run()` starts this module as a subprocess against its own database
(newsframe_bench) and Redis db, so the benchmark never touches real data."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from bench.sampling import sampled, table

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = int(os.environ.get("BENCH_E2E_ARTICLES", "1000"))
WORKER_COUNTS = (1, 2)
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsframe_bench"
BROKER_URL = "redis://127.0.0.1:6379/7"
GOAL = 1.7
PROFILE_ARTICLES = int(os.environ.get("BENCH_E2E_PROFILE_ARTICLES", "200"))


def run() -> str:
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "CELERY_BROKER_URL": BROKER_URL, "DEBUG": "0",
           "NEWSFRAME_HTTPS": "0", "DJANGO_SETTINGS_MODULE": "newsframe.settings"}
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "newsframe_bench"],
                   capture_output=True, check=False)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run([sys.executable, "-m", "bench.e2e"], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout


def _zip_of_articles(count: int) -> bytes:
    from bench.corpus import article_bodies

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, body in enumerate(article_bodies(count)):
            # A distinct first line: the same text twice in an event is (rightly) skipped as a duplicate.
            text = f"Bench story number {i}\n12 April 2017\n\nThis is report number {i} of the event.\n\n{body}"
            archive.writestr(f"{i:04d}.txt", text)
    return buffer.getvalue()


def _start_workers(count: int) -> list[subprocess.Popen[bytes]]:
    log = open(ROOT / "var" / "bench-workers.log", "ab")  # noqa: SIM115  (lives as long as the workers)
    return [
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsframe", "worker", "--concurrency=1", "--loglevel=WARNING",
             "--without-gossip", "--without-mingle", "-n", f"bench{i}@%h"],
            cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        for i in range(count)
    ]


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for w in workers:
        os.killpg(w.pid, signal.SIGTERM)
    for w in workers:
        w.wait()


def _wait_ready(count: int) -> None:
    from newsframe.celery import app

    while True:
        replies = app.control.ping(timeout=2.0) or []
        if len(replies) >= count:
            return
        time.sleep(1)


def one_run(workers: int, archive: bytes, *, profile: list[tuple[str, float]] | None = None
            ) -> tuple[float, int, float, float]:
    """Wall, articles, analysis phase and alignment seconds. With `profile`, py-spy samples
    the workers (busy and waiting) and fills it with where their time went."""
    from django.core.management import call_command

    from newsframe.celery import app

    call_command("flush", "--noinput", verbosity=0)
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")
    procs = _start_workers(workers)
    try:
        _wait_ready(workers)  # model loading is not part of the figure
        if profile is None:
            return _upload_and_wait(archive, procs)
        # The pool children run the tasks; idle samples show them waiting (a lock, the database, work).
        with sampled(_pool_children(procs), idle=True) as places:
            figures = _upload_and_wait(archive, procs)
        profile.extend(places)
        return figures
    finally:
        _stop(procs)


def _pool_children(procs: list[subprocess.Popen[bytes]]) -> list[int]:
    children = []
    for proc in procs:
        listed = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout
        children += [int(pid) for pid in listed.split()]
    return children


def _upload_and_wait(archive: bytes, procs: list[subprocess.Popen[bytes]]) -> tuple[float, int, float, float]:
    from django.test import Client

    from articles.models import Event, Job, Upload
    from articles.services.uploads import IncomingFile, drafts_of, upload_confirm, upload_receive

    started = time.perf_counter()
    batch = upload_receive(
        files=[IncomingFile(name="coverage.zip", data=archive)], event_name="bench", event=None, user=None,
        read_here=True)
    uploads = list(Upload.objects.filter(batch=batch))
    drafts = drafts_of(uploads)
    result = upload_confirm(uploads=uploads, drafts=drafts, event_name="bench", user=None)
    event = Event.objects.get(pk=result.event.pk)
    while not Job.objects.filter(event=event, kind=Job.Kind.ALIGN, status__in=["done", "failed"]).exists():
        if any(p.poll() is not None for p in procs):
            raise RuntimeError("a worker died; see var/bench-workers.log")
        time.sleep(0.5)
    assert Client().get(event.get_absolute_url()).status_code == 200
    wall = time.perf_counter() - started
    jobs = list(Job.objects.filter(event=event))
    analyses = [j for j in jobs if j.kind == Job.Kind.ANALYZE]
    align = next(j for j in jobs if j.kind == Job.Kind.ALIGN)
    analysis_s = (max(j.finished_at for j in analyses) - min(j.queued_at for j in analyses)).total_seconds()
    align_s = (align.finished_at - align.started_at).total_seconds()
    return wall, len(result.created), analysis_s, align_s


def main() -> None:
    import django

    django.setup()
    archive = _zip_of_articles(ARTICLES)
    rows = [(n, *one_run(n, archive)) for n in WORKER_COUNTS]
    profile: list[tuple[str, float]] = []
    one_run(WORKER_COUNTS[-1], _zip_of_articles(PROFILE_ARTICLES), profile=profile)
    base = rows[0][1]
    lines = [
        "## End to end: upload to a ready comparison page",
        "",
        f"{ARTICLES} articles in one ZIP, PostgreSQL + Redis, N worker processes of concurrency 1 "
        "(model loading excluded: timing starts when every worker answers a ping).",
        "",
        "| workers | articles | wall s | articles/s | speed-up | analysis phase s | its speed-up | alignment s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    base_analysis = rows[0][3]
    for n, seconds, count, analysis_s, align_s in rows:
        lines.append(f"| {n} | {count} | {seconds:.1f} | {count / seconds:.1f} | {base / seconds:.2f}× | "
                     f"{analysis_s:.1f} | {base_analysis / analysis_s:.2f}× | {align_s:.1f} |")
    speedup = base / rows[-1][1]
    lines += ["", f"Speed-up from the second worker: **{speedup:.2f}×** (goal ≥ {GOAL}× on two cores: "
              f"{'meets' if speedup >= GOAL else 'misses'}). Each article's task also embeds its claims, "
              "so the event's alignment, one task after the last analysis, only clusters them (last column); "
              "each worker process runs the embedder on one thread (NEWSFRAME_WORKER_THREADS, one process "
              "per core). The price, on two cores: every claim is embedded alone (`embed_alone`, so its "
              "vector never depends on its neighbours), about 60 claims/s per core, where the alignment used "
              "to embed all claims in one task, in batches, on both cores: that layout took 203 s with one "
              "worker and 122 s with two (1.67×) on 2026-11-26 17:32 UTC, faster on two cores but with "
              "~60 s that no extra worker or machine could shorten; here the serial part is the "
              "clustering alone.", "",
              f"Where the two pool processes spent their time in a separate run of {PROFILE_ARTICLES} articles "
              "(py-spy on both, idle samples kept so that waiting shows; `bench/sampling.py`):", "",
              *table(profile, top=10), ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
