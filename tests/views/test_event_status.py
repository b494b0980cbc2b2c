"""The event's status partial: how far the analysis is, and what failed, counted
in the database so a finished event reads the same few rows however big it is."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Event, Job
from articles.services.exports import event_json
from articles.web.pages import LISTED_JOBS

pytestmark = pytest.mark.django_db


def event_with_jobs(name: str, analyses: list[str], alignment: str | None, *, errors: bool = False) -> Event:
    """One article per status in `analyses`, each with its analyse job; an align job
    with status `alignment` unless that is None."""
    event = Event.objects.create(name=name, slug=name)
    articles = Article.objects.bulk_create(
        Article(event=event, position=i, title=f"Article {i} <i>", body="Text.", content_hash=f"{name}-{i}",
                analyzed_at=timezone.now() if status == Job.Status.DONE else None)
        for i, status in enumerate(analyses)
    )
    Job.objects.bulk_create(
        Job(kind=Job.Kind.ANALYZE, event=event, article=a, status=status,
            error=f"broke on {a.position}" if errors and status == Job.Status.FAILED else "")
        for a, status in zip(articles, analyses, strict=True)
    )
    if alignment is not None:
        Job.objects.create(kind=Job.Kind.ALIGN, event=event, status=alignment,
                           error="no claims" if errors and alignment == Job.Status.FAILED else "")
    return event


def status(client: Client, event: Event) -> tuple[dict[str, object], str]:
    response = client.get(reverse("event_status", args=[event.slug]))
    assert response.status_code == 200
    return response.context, response.content.decode()


def test_a_mix_of_job_states_is_counted_and_the_articles_at_work_listed(client: Client) -> None:
    event = event_with_jobs("mixed", ["done", "failed", "running", "queued", "done"], "queued")
    context, page = status(client, event)
    assert (context["done_count"], context["job_count"], context["ready"]) == (3, 5, False)
    assert context["alignment_status"] == "queued"
    assert "3 of 5 articles done, aligning claims (queued)." in page
    assert '<progress max="6" value="3">3 / 5</progress>' in page
    assert [(j.article.position, j.status) for j in context["jobs"]] == [  # type: ignore[attr-defined]
        (2, "running"), (3, "queued")]
    assert "<li>Article 3 &lt;i&gt;: queued</li>" in page
    assert "data-poll=" in page and "errors" not in page, "failures are named once the work is over"


def test_an_event_without_an_alignment_yet_says_nothing_about_it(client: Client) -> None:
    context, page = status(client, event_with_jobs("early", ["done", "queued"], None))
    assert (context["done_count"], context["job_count"], context["ready"]) == (1, 2, False)
    assert "1 of 2 articles done." in page and "aligning" not in page


def test_a_finished_event_names_its_failed_jobs_alignment_first(client: Client) -> None:
    event = event_with_jobs("failing", ["failed", "done", "failed"], "failed", errors=True)
    context, page = status(client, event)
    assert context["ready"] and context["jobs"] == []
    first, second = Article.objects.filter(event=event, position__in=[0, 2]).order_by("position")
    assert f"3 jobs failed: align event #{event.pk}: failed — no claims; analyse article #{first.pk}: failed — " \
           f"broke on 0; analyse article #{second.pk}: failed — broke on 2.</p>" in page
    assert "data-poll=" not in page and "Analysing" not in page


def test_a_finished_event_and_one_without_jobs_show_no_progress(client: Client) -> None:
    for event in (event_with_jobs("finished", ["done", "done"], "done"), event_with_jobs("empty", [], None)):
        context, page = status(client, event)
        assert context["ready"] and context["failed"] == []
        assert "data-poll=" not in page and "Analysing" not in page and "failed" not in page


def rows_read(client: Client, event: Event) -> int:
    """Rows the status partial's queries return, counted by running them again."""
    with CaptureQueriesContext(connection) as ctx:
        status(client, event)
    total = 0
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            if query["sql"].lstrip().upper().startswith("SELECT"):
                cursor.execute(query["sql"])
                total += len(cursor.fetchall())
    return total


def test_a_finished_events_status_reads_as_many_rows_for_three_articles_as_for_sixty(client: Client) -> None:
    small = event_with_jobs("small", ["done"] * 2 + ["failed"], "done")
    big = event_with_jobs("big", ["done"] * 59 + ["failed"], "done")
    assert rows_read(client, small) == rows_read(client, big)


def test_a_big_event_lists_its_first_jobs_and_failures_and_counts_the_rest(client: Client) -> None:
    # Every viewer polls this block: 3,000 jobs listed made each poll 86 KB.
    many = LISTED_JOBS * 3
    context, page = status(client, event_with_jobs("big", ["running"] + ["queued"] * many, None))
    assert len(context["jobs"]) == LISTED_JOBS  # type: ignore[arg-type]
    assert f"and {many + 1 - LISTED_JOBS} more waiting" in page
    context, page = status(client, event_with_jobs("broken", ["failed"] * many, "done", errors=True))
    assert len(context["failed"]) == LISTED_JOBS  # type: ignore[arg-type]
    assert f"{many} jobs failed: " in page and f"and {many - LISTED_JOBS} more" in page


def test_staff_analysing_again_shows_progress_under_the_earlier_alignment(client: Client) -> None:
    """The admin's "Analyse again" resets the analyses' jobs, not the alignment's, which
    stays done until the last analysis queues it again: the page polls meanwhile."""
    from articles.services.jobs import articles_requeue

    event = event_with_jobs("again", ["done", "done", "done"], "done")
    articles_requeue(articles=Article.objects.filter(event=event, position__in=[0, 1]))
    context, page = status(client, event)
    assert (context["done_count"], context["job_count"], context["ready"]) == (1, 3, False)
    assert "data-poll=" in page and "Analysing again:</strong> 1 of 3 articles done." in page
    assert "aligning claims" not in page, "the finished alignment is the earlier one"
    event_page = client.get(reverse("event", args=[event.slug])).content.decode()
    assert 'id="event-status"' in event_page and "Analysing again" in event_page


@pytest.mark.parametrize(("analyses", "alignment", "settled", "complete"), [
    (["done", "failed"], None, False, False),  # analysed, the alignment not queued yet: no story points
    (["done", "done"], "queued", False, False),
    (["queued", "done"], "done", False, False),  # "analyse again" under an earlier alignment
    # Settled (the page stops polling and lists the failure), but one article was never
    # read: its column says "not analysed (failed)", and the export is not the whole result.
    (["done", "failed"], "done", True, False),
    (["done", "done"], "done", True, True),
    ([], None, True, True),  # nothing queued: an imported event
])
def test_the_page_and_the_export_agree_on_when_the_results_are_whole(
    client: Client, analyses: list[str], alignment: str | None, settled: bool, complete: bool,
) -> None:
    event = event_with_jobs(f"settled-{'-'.join(analyses)}-{alignment}".lower(), analyses, alignment)
    context, _ = status(client, event)
    assert context["ready"] is settled
    assert event_json(event)["event"]["complete"] is complete
