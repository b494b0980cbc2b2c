"""Job rows: queue an article's analysis or an event's alignment (sent after the
commit), claim one in a worker and keep its heartbeat while it runs, and the sweep
that sends lost jobs again. Light: the web side queues work without importing what
runs it."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connections, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from articles.models import Article, Event, Job, JobQuerySet, Upload
from articles.queueing import enqueue, try_broker_again

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# The errors a task retries (tasks.RETRY); any other error fails its job for good.
TRANSIENT = (OperationalError, InterfaceError, BrokerError)
# Fair queues: the analyses of a confirm of more than SMALL_BATCH articles go to the broker
# at BULK_PRIORITY, served after everything at the default 0 (Redis keeps one list per
# priority step and a worker takes from the first non-empty one), so a three-article event
# confirmed behind a 1,000-article upload waits for one article, not for the upload.
SMALL_BATCH = 20
BULK_PRIORITY = 6

_claims = threading.Lock()
_working: set[int] = set()  # the jobs this process is inside `working_on` for


def queue_analyses(event: Event, articles: Sequence[Article]) -> None:
    """Queue the analysis of new articles: their Job rows in one insert and one task that
    sends theirs from a worker (`analyses_dispatch`), so a confirm of 20,000 articles
    does not send 20,000 messages inside the request."""
    if not articles:
        return
    now = timezone.now()
    Job.objects.bulk_create([Job(article=a, event=event, kind=Job.Kind.ANALYZE, status=Job.Status.QUEUED,
                                 queued_at=now) for a in articles], batch_size=1000)
    positions = [a.position for a in articles]
    enqueue("articles.tasks.dispatch_analyses", event.pk, min(positions), max(positions))


def analyses_dispatch(*, event_id: int, first: int, last: int) -> int:
    """Send the analysis task of each queued article of the event between two positions;
    a large batch at BULK_PRIORITY, behind the work of small events."""
    queued = (Job.objects.filter(event_id=event_id, kind=Job.Kind.ANALYZE, status=Job.Status.QUEUED,
                                 article__position__range=(first, last))
              .order_by("article__position").values_list("article_id", flat=True))
    priority = BULK_PRIORITY if last - first + 1 > SMALL_BATCH else 0
    count = 0
    for article_id in queued.iterator(chunk_size=1000):
        enqueue("articles.tasks.analyze_article", article_id, priority=priority)
        count += 1
    return count


def queue_read(upload: Upload) -> None:
    """Send the reading of a received upload. With no broker it is read at once, so a
    caller in the embedded default's in-process mode finds the drafts on return."""
    enqueue("articles.tasks.read_upload", upload.pk, at_once_in_process=True)


def queue_confirm(batch: str) -> None:
    """Send the creating of a confirmed review's articles (after the commit)."""
    enqueue("articles.tasks.confirm_upload", batch)


def articles_requeue(*, articles: Iterable[Article]) -> int:
    """Queue a fresh analysis of each article (a pipeline change, the admin's "analyse
    again"): their Job rows reset (or made) in bulk, and per event one task that sends the
    analyses from a worker (`analyses_dispatch`, which also sends any other queued job
    between the first and last position: a second delivery of a job does nothing)."""
    rows = (list(articles.values_list("pk", "event_id", "position")) if isinstance(articles, QuerySet)
            else [(a.pk, a.event_id, a.position) for a in articles])  # not the bodies of a queryset
    now = timezone.now()
    with transaction.atomic():
        ids = [pk for pk, _, _ in rows]
        existing: set[int] = set()
        for chunk in range(0, len(ids), 1000):
            batch = ids[chunk:chunk + 1000]
            existing.update(Job.objects.filter(article_id__in=batch).values_list("article_id", flat=True))
            Job.objects.filter(article_id__in=batch).update(
                kind=Job.Kind.ANALYZE, status=Job.Status.QUEUED, attempts=0, error="", queued_at=now,
                started_at=None, finished_at=None, worker="", heartbeat_at=None)
        Job.objects.bulk_create([Job(article_id=pk, event_id=event_id, kind=Job.Kind.ANALYZE,
                                     status=Job.Status.QUEUED, queued_at=now)
                                 for pk, event_id, _ in rows if pk not in existing], batch_size=1000)
        spans: dict[int, list[int]] = {}
        for _, event_id, position in rows:
            span = spans.setdefault(event_id, [position, position])
            span[0], span[1] = min(span[0], position), max(span[1], position)
        for event_id, (first, last) in sorted(spans.items()):
            enqueue("articles.tasks.dispatch_analyses", event_id, first, last)
    return len(rows)


FINISHED = (Job.Status.DONE, Job.Status.FAILED)


def results_settled(kinds_and_statuses: Iterable[tuple[str, str]]) -> bool:
    """One notion of "done" for the event page and the exports: the alignment is over and
    no analysis waits (staff's "analyse again" queues analyses under an alignment that
    finished before; it is queued again after them), or the event has no jobs at all."""
    pairs = list(kinds_and_statuses)
    alignment = [status for kind, status in pairs if kind == Job.Kind.ALIGN]  # one per event
    pending = any(kind == Job.Kind.ANALYZE and status not in FINISHED for kind, status in pairs)
    return not pairs or (bool(alignment) and all(s in FINISHED for s in alignment) and not pending)


def queue_alignment_if_complete(event: Event) -> None:
    """Queue the event's alignment once none of its analyses is pending."""
    pending = Job.objects.filter(event=event, kind=Job.Kind.ANALYZE).exclude(
        status__in=[Job.Status.DONE, Job.Status.FAILED]
    )
    if pending.exists():
        return
    Job.objects.update_or_create(
        event=event,
        kind=Job.Kind.ALIGN,
        defaults={"status": Job.Status.QUEUED, "error": "", "queued_at": timezone.now(),
                  "started_at": None, "finished_at": None, "attempts": 0, "worker": "", "heartbeat_at": None},
    )
    enqueue("articles.tasks.align_event", event.pk)


class _Swept(NamedTuple):
    pk: int
    kind: str
    article_id: int | None
    event_id: int
    status: str


def _events_moving(events: set[int], *, since: dt.datetime) -> set[int]:
    """The events of `events` whose jobs workers have been taking since `since`: their
    queued jobs wait behind the others in the broker (a large upload's backlog), not lost.
    Were their messages lost (a broker restarted empty), the workers stop taking them, and
    the next sweep after `since` has passed sends them again."""
    if not events:
        return set()
    return set(Job.objects.filter(event_id__in=events, started_at__gte=since)
               .values_list("event_id", flat=True).distinct())


def worker_name() -> str:
    """This process as the owner of a job: "host:pid"."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # a killed process its parent has not reaped yet is a zombie: gone too
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _owner_gone(worker: str, pk: int) -> bool:
    """The job's worker is known to be dead: a process of this host that no longer exists
    (a pool child killed; its main process sends the task again at once), or this very
    process after the task gave up the job (a retry)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return pk not in _working
    return _process_gone(int(pid))


def _claim(jobs: JobQuerySet) -> Job | None:
    silent = timezone.now() - dt.timedelta(seconds=settings.NEWSFRAME_ABANDONED_AFTER_SECONDS)
    # A running job is claimed again only once its worker is gone: it stopped beating, or it
    # was a process of this host that died. A worker that is merely slow keeps its job.
    abandoned = Q(heartbeat_at__lt=silent) | Q(heartbeat_at=None)
    with _claims:
        owner = jobs.filter(status=Job.Status.RUNNING).values_list("worker", "pk").first()
        if owner is not None and _owner_gone(*owner):
            abandoned |= Q(worker=owner[0])
        job = jobs.claim(worker=worker_name(), abandoned=abandoned)
        if job is not None:
            _working.add(job.pk)
    return job


@contextlib.contextmanager
def working_on(jobs: JobQuerySet) -> Iterator[Job | None]:
    """The one job of `jobs`, claimed, with its heartbeat kept while the block runs; None when
    it is finished or another live worker has it. A block that raises a TRANSIENT error gives
    the job back (queued again, for the task's retry); any other error leaves it running in
    this process for the task's failure handler, which fails it only if it is still this
    claim (Job.fail). Were that handler never to run, this process's next delivery or the
    sweep takes the job (_owner_gone)."""
    job = _claim(jobs)
    if job is None:
        yield None
        return
    stop = threading.Event()
    beat = threading.Thread(target=_beat, args=(job.pk, job.worker, stop), name=f"heartbeat-{job.pk}", daemon=True)
    beat.start()
    try:
        yield job
    except TRANSIENT:
        _give_back(job)
        raise
    finally:
        stop.set()
        with _claims:
            _working.discard(job.pk)
        beat.join(timeout=1)


def held_here(jobs: JobQuerySet) -> Job | None:
    """The one job of `jobs` if this process's claim on it still stands (a failure handler
    after working_on: a job queued again or taken by another worker meanwhile is not ours)."""
    return jobs.filter(status=Job.Status.RUNNING, worker=worker_name()).first()


def _beat(pk: int, worker: str, stop: threading.Event) -> None:
    """Every NEWSFRAME_HEARTBEAT_SECONDS until `stop`: the job's worker is alive. A thread, so
    it beats while the task computes; its own database connection, closed at the end."""
    try:
        while not stop.wait(settings.NEWSFRAME_HEARTBEAT_SECONDS):
            try:
                Job.objects.filter(pk=pk, status=Job.Status.RUNNING, worker=worker).update(
                    heartbeat_at=timezone.now())
            except (DatabaseError, InterfaceError):
                log.warning("heartbeat of job %s missed", pk, exc_info=True)
                close_old_connections()
    finally:
        with contextlib.suppress(DatabaseError, InterfaceError):
            connections.close_all()


def _give_back(job: Job) -> None:
    try:
        Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, worker=job.worker).update(
            status=Job.Status.QUEUED, queued_at=timezone.now(), worker="", heartbeat_at=None)
    except (DatabaseError, InterfaceError):
        # The database is what failed: the retry in this process may still claim it (see
        # _owner_gone), and otherwise the sweep does once the heartbeat is old.
        log.warning("job %s left running after an error", job.pk, exc_info=True)


def jobs_sweep(*, stuck_after: dt.timedelta, abandoned_after: dt.timedelta | None = None) -> int:
    """Send again every job whose task was lost: queued for longer than `stuck_after` (a broker
    that was down never got it) in an event whose jobs no worker has taken since, or running in
    a worker that has not beaten for `abandoned_after` (NEWSFRAME_ABANDONED_AFTER_SECONDS by
    default: a worker killed, out of memory, its host gone, or past the hard time limit). Each
    goes back to queued. The delivery counter still bounds each job, so a poison pill is not
    swept forever."""
    now = timezone.now()
    if abandoned_after is None:
        abandoned_after = dt.timedelta(seconds=settings.NEWSFRAME_ABANDONED_AFTER_SECONDS)
    silent = now - abandoned_after
    # A running job without a heartbeat was claimed before heartbeats existed: its start counts.
    lost = Q(status=Job.Status.QUEUED, queued_at__lt=now - stuck_after) | Q(
        Q(heartbeat_at__lt=silent) | Q(heartbeat_at=None, started_at__lt=silent), status=Job.Status.RUNNING)
    try_broker_again()
    with transaction.atomic():
        # Rows another sweep or a claim holds are skipped: no job is sent twice at once.
        rows = [_Swept(*row) for row in Job.objects.select_for_update(skip_locked=True).filter(lost)
                .values_list("pk", "kind", "article_id", "event_id", "status")]
        moving = _events_moving({r.event_id for r in rows if r.status == Job.Status.QUEUED}, since=now - stuck_after)
        stuck = [r for r in rows if r.status == Job.Status.RUNNING or r.event_id not in moving]
        # queued_at is the sweep's clock: a job sent again is not swept again until it is stale again.
        Job.objects.filter(pk__in=[r.pk for r in stuck]).update(
            status=Job.Status.QUEUED, queued_at=now, worker="", heartbeat_at=None)
        analyses = Counter(r.event_id for r in stuck if r.kind == Job.Kind.ANALYZE)
        for r in stuck:
            if r.kind == Job.Kind.ANALYZE and r.article_id is not None:  # an analysis has its article
                # A bulk upload's analyses go back behind small events' work, as they were sent.
                priority = BULK_PRIORITY if analyses[r.event_id] > SMALL_BATCH else 0
                enqueue("articles.tasks.analyze_article", r.article_id, priority=priority)
            else:
                enqueue("articles.tasks.align_event", r.event_id)
    if stuck:
        log.warning("sweep: sent %d stuck job(s) again", len(stuck))
    return len(stuck)
