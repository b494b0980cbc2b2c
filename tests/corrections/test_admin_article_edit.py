"""Staff editing an article's text in the admin: the analysis follows the new text, and
the text stays unique within its event."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.admin import moved_headings
from articles.models import Actor, Article, Event, Job
from articles.services import corrections
from tests.corrections.conftest import TEXT, make_article

pytestmark = pytest.mark.django_db


def _change(client: Client, article: Article, **changes: str) -> object:
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update(changes)
    return client.post(url, data)


def test_an_edited_body_is_analysed_again_so_quotes_point_at_the_new_words(
    article: Article, make_user: Callable[..., User], django_capture_on_commit_callbacks: object,
) -> None:
    client = Client()
    client.force_login(make_user("staff", superuser=True))
    new_body = "An added first paragraph moves every offset.\n\n" + article.body
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = _change(client, article, body=new_body)
    assert response.status_code == 302  # type: ignore[attr-defined]
    article.refresh_from_db()
    quotes = list(article.quotes.all())
    assert quotes
    assert all(article.body[q.start:q.end] == q.text for q in quotes)
    assert article.word_count == len(new_body.split())


def test_an_edited_body_equal_to_another_article_of_the_event_is_refused_with_a_message(
    article: Article, make_user: Callable[..., User],
) -> None:
    other = make_article(TEXT.replace("Tillerson", "Pompeo"), event_name=article.event.name)
    client = Client()
    client.force_login(make_user("staff", superuser=True))
    response = _change(client, other, body=article.body)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "Another article of this event has this text: “Ministers meet in Moscow”." in response.content.decode()  # type: ignore[attr-defined]


def test_until_the_new_analysis_an_edited_article_shows_no_machine_rows_at_old_offsets(
    article: Article, make_user: Callable[..., User],
) -> None:
    staff = make_user("staff", superuser=True)
    corrected = article.quotes.first()
    assert corrected is not None
    corrections.quote_correct(quote=corrected, user=staff, kind="mixed")
    client = Client()
    client.force_login(staff)
    _change(client, article, body="An added first paragraph moves every offset.\n\n" + article.body)  # no worker yet
    article.refresh_from_db()
    assert not article.claims.exists() and not article.signals.exists()
    assert [q.pk for q in article.quotes.all()] == [corrected.pk], "the editor's quote stays, the machine's go"
    kept = article.quotes.get()
    assert article.body[kept.start:kept.end] == kept.text and not kept.orphaned
    assert article.analysis_version == ""
    assert client.get(article.get_absolute_url()).status_code == 200


def test_saving_the_form_as_a_browser_sends_it_changes_no_text_and_analyses_nothing(
    article: Article, make_user: Callable[..., User],
) -> None:
    client = Client()
    client.force_login(make_user("staff", superuser=True))
    version, quotes = article.analysis_version, article.quotes.count()
    _change(client, article, body=article.body.replace("\n", "\r\n"), byline="Jane Porter")  # a browser's line ends
    article.refresh_from_db()
    assert "\r" not in article.body and article.byline == "Jane Porter"
    assert article.analysis_version == version and article.quotes.count() == quotes


def test_subheadings_follow_their_words_when_a_paragraph_is_added_above_them() -> None:
    old = "Lead paragraph.\n\nThe vote\n\nBody paragraph.\n\nWhat comes next\n\nLast words."
    new = "A new first paragraph.\n\n" + old.replace("What comes next\n\n", "")
    assert moved_headings(old, new, [1, 3]) == [2], "moved by one; a heading whose words are gone is dropped"


def test_deleting_an_article_whose_analysis_waits_lets_its_event_finish(
    make_user: Callable[..., User], django_capture_on_commit_callbacks: object,
) -> None:
    from articles.models import Event, Job
    from articles.services.exports import analysis_complete

    event = Event.objects.create(name="Half analysed", slug="half-analysed")
    done, waiting = (Article.objects.create(event=event, position=i, title=f"A{i}", body=f"Text {i}.",
                                            content_hash=f"half-{i}", analyzed_at=timezone.now() if i == 0 else None)
                     for i in range(2))
    Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=done, status=Job.Status.DONE)
    Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=waiting, status=Job.Status.QUEUED)
    client = Client()
    client.force_login(make_user("staff", superuser=True))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(reverse("admin:articles_article_delete", args=[waiting.pk]), {"post": "yes"})
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert Job.objects.filter(event=event, kind=Job.Kind.ALIGN).exists(), "the alignment is queued"
    assert analysis_complete(event), "and, run, it finishes the event"


def test_an_articles_event_cannot_be_changed_in_the_admin(
    article: Article, make_user: Callable[..., User],
) -> None:
    # Moved, its analysis job, its quotes' speakers and its claims in story points would
    # stay in the old event: the event is read-only on an existing article.
    other = Event.objects.create(name="Another event", slug="another-event")
    client = Client()
    client.force_login(make_user("staff", superuser=True))
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert _change(client, article, event=str(other.pk), title="Retitled").status_code == 302  # type: ignore[attr-defined]
    article.refresh_from_db()
    assert (article.title, article.event_id) == ("Retitled", Event.objects.get(name="Corrections test").pk)
    assert Job.objects.get(article=article).event_id == article.event_id
    assert not Actor.objects.filter(event=other).exists()
    assert "upload its text there" in client.get(url).content.decode()  # what to do instead
    add_page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'name="event"' in add_page  # a new article's event is chosen as before


def test_an_articles_position_cannot_be_changed_in_the_admin(make_user: Callable[..., User]) -> None:
    # Story points, the exports' columns and the pages name an article by its position; another
    # article's position failed on the (event, position) constraint with a 500.
    first, second = (Article.objects.create(event=Event.objects.get_or_create(name="Two", slug="two")[0],
                                            position=i, title=f"A{i}", body=f"Text {i}.", content_hash=f"two-{i}",
                                            analyzed_at=timezone.now()) for i in range(2))
    client = Client(raise_request_exception=False)
    client.force_login(make_user("staff", superuser=True))
    response = _change(client, second, position=str(first.position), title="Retitled")
    assert response.status_code == 302  # type: ignore[attr-defined]
    second.refresh_from_db()
    assert (second.title, second.position) == ("Retitled", 1)


def test_an_article_added_in_the_admin_is_analysed(
    article: Article, make_user: Callable[..., User], django_capture_on_commit_callbacks: object,
) -> None:
    client = Client()
    client.force_login(make_user("staff", superuser=True))
    data = {"event": str(article.event_id), "outlet": "", "upload": "", "position": "5", "title": "Added",
            "byline": "", "published": "", "url": "", "headings": "[]",
            "body": "The governor said that the budget was late.\n\nCritics agreed with the governor."}
    with django_capture_on_commit_callbacks() as queued:  # type: ignore[operator]
        response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302  # type: ignore[attr-defined]
    added = Article.objects.get(title="Added")
    assert Job.objects.get(article=added).status == Job.Status.QUEUED
    assert "Not analysed yet" in client.get(added.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        for task in queued:  # the worker's tasks, in-process here
            task()
    added.refresh_from_db()
    assert added.analyzed_at is not None and added.quotes.exists()
