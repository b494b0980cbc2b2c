"""The review queue (lowest confidence first, filters, the quote in its sentence,
escaped) and the conflict messages of stale forms, in the admin and in the page."""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin.corrections import in_context
from articles.models import Actor, Article, Event, Quote
from articles.services import corrections

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client: Client, editor: User) -> Client:
    client.force_login(editor)
    return client


def hostile_quote() -> Quote:
    event = Event.objects.create(name="X", slug="x")
    body = 'Intro. <script>alert(1)</script> said that “<img src=x onerror=alert(2)> is fine.” The end.'
    article = Article.objects.create(event=event, position=0, title="T", body=body, content_hash="h")
    start = body.index("“")
    return Quote.objects.create(article=article, text=body[start:body.index("”") + 1], start=start,
                                end=body.index("”") + 1, kind="direct", speaker_mention="<script>alert(1)</script>",
                                mention_start=7, mention_end=32, confidence=0.1)


def test_the_sentence_is_escaped_and_marks_the_speaker_mention() -> None:
    html = str(in_context(hostile_quote()))
    assert "<script>" not in html and "<img" not in html
    assert '<mark title="speaker mention">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in html
    assert "<b>“&lt;img src=x onerror=alert(2)&gt; is fine.”</b>" in html


def test_the_queue_lists_the_lowest_confidence_first(editor_client: Client, article: Article) -> None:
    page = editor_client.get(reverse("admin:articles_quote_changelist"))
    shown = [q.pk for q in page.context["cl"].result_list]
    expected = list(Quote.objects.order_by("confidence", "pk").values_list("pk", flat=True))
    assert shown == expected


def test_the_queue_filters_unresolved_speakers_and_orphans(editor_client: Client, article: Article) -> None:
    quote = article.quotes.first()
    assert quote is not None
    corrections.quote_correct(quote=quote, user=None, speaker=None)
    Quote.objects.filter(pk=quote.pk).update(orphaned=True)
    url = reverse("admin:articles_quote_changelist")
    for query in ["?resolved=no", "?orphaned__exact=1"]:
        assert [q.pk for q in editor_client.get(url + query).context["cl"].result_list] == [quote.pk]


def test_a_stale_admin_form_shows_the_current_value(editor_client: Client, article: Article) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    tillerson = Actor.objects.filter(event=article.event).exclude(pk=quote.speaker_id).order_by("name").first()
    assert tillerson is not None
    corrections.quote_correct(quote=quote, user=None, speaker=tillerson)
    response = editor_client.post(reverse("admin:articles_quote_change", args=[quote.pk]), {
        "speaker": "", "kind": "direct", "is_quote": "on", "start": quote.start, "end": quote.end,
        "seen_revision": 0, "note": "", "new_speaker": ""})
    assert response.status_code == 200
    assert "Someone changed this quote" in response.content.decode() and tillerson.name in response.content.decode()
    assert "successful ouster" in response.context["adminform"].form.non_field_errors()[0]
    assert "characters" not in response.context["adminform"].form.non_field_errors()[0]
    quote.refresh_from_db()
    assert quote.speaker == tillerson and quote.kind != "direct"


def test_a_stale_in_page_form_gets_409_with_the_current_value(editor_client: Client, article: Article) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    corrections.quote_correct(quote=quote, user=None, is_quote=False)
    response = editor_client.post(reverse("quote_correct", args=[quote.pk]),
                                  {"speaker_name": "Rex Tillerson", "kind": quote.kind, "revision": 0},
                                  headers={"X-Requested-With": "fetch"})
    assert response.status_code == 409
    assert "not a quote" in response.content.decode()
    quote.refresh_from_db()
    assert not quote.is_quote


def test_an_in_page_correction_can_create_a_new_actor(
        editor_client: Client, article: Article, make_user: Callable[..., User]) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    response = editor_client.post(reverse("quote_correct", args=[quote.pk]),
                                  {"speaker_name": "Maria Zakharova", "kind": "direct", "revision": 0},
                                  headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200 and b"Maria Zakharova" in response.content
    quote.refresh_from_db()
    assert quote.speaker is not None and quote.speaker.name == "Maria Zakharova" and quote.kind == "direct"
    assert quote.speaker.corrections.get().action == "create"


def test_the_speaker_autocomplete_offers_only_the_quotes_event(editor_client: Client, article: Article) -> None:
    from tests.corrections.conftest import make_article

    other = make_article(event_name="Other event")
    response = editor_client.get(reverse("admin:autocomplete"), {
        "term": "", "app_label": "articles", "model_name": "quote", "field_name": "speaker",
        "event": article.event_id})
    ids = {int(r["id"]) for r in response.json()["results"]}
    assert ids == set(Actor.objects.filter(event=article.event).values_list("pk", flat=True))
    assert not ids & set(Actor.objects.filter(event=other.event).values_list("pk", flat=True))


def _admin_post(client: Client, quote: Quote, **changes: object) -> object:
    form = {"speaker": quote.speaker_id or "", "new_speaker": "", "source_type": quote.source_type,
            "source_phrase": quote.source_phrase, "kind": quote.kind, "is_quote": "on", "start": quote.start,
            "end": quote.end, "seen_revision": quote.revision, "note": "checked against the video"}
    return client.post(reverse("admin:articles_quote_change", args=[quote.pk]), {**form, **changes})


def test_a_refused_admin_correction_keeps_what_the_editor_typed(editor_client: Client, article: Article) -> None:
    """An unnamed source with no phrase to show: the form comes back with the reason and the
    editor's note and choice, rather than a redirect to the stored values."""
    quote = article.quotes.get(text__contains="successful ouster")
    Quote.objects.filter(pk=quote.pk).update(speaker_mention="", mention_start=None, mention_end=None)
    quote.refresh_from_db()
    response = _admin_post(editor_client, quote, source_type="anonymous")
    assert response.status_code == 200  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "Say how the text names the unnamed source" in page
    assert "checked against the video" in page and '<option value="anonymous" selected>' in page
    quote.refresh_from_db()
    assert quote.attribution == "machine" and quote.source_type == "actor"
    # With the phrase written the same form saves, once (the trial left nothing behind).
    response = _admin_post(editor_client, quote, speaker="", source_type="anonymous", source_phrase="a diplomat")
    assert response.status_code == 302  # type: ignore[attr-defined]
    quote.refresh_from_db()
    assert (quote.source_type, quote.source_phrase, quote.speaker_id) == ("anonymous", "a diplomat", None)
    assert quote.revision == 1 and quote.corrections.count() == 1


def test_a_new_actor_and_an_unnamed_source_at_once_are_refused_on_the_form(
        editor_client: Client, article: Article) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    response = _admin_post(editor_client, quote, new_speaker="Democrats", source_type="group")
    assert response.status_code == 200  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "An unnamed source has no actor" in page and 'value="Democrats"' in page
    assert not Actor.objects.filter(event=article.event, name="Democrats").exists()
    quote.refresh_from_db()
    assert quote.attribution == "machine"


def test_an_editor_moves_a_span_by_editing_its_words_not_offsets(editor_client: Client, article: Article) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    shorter = " ".join(quote.text.strip("“”\"").split()[:4])  # the first words, spaced and marked any way
    response = _admin_post(editor_client, quote, words=f"  {shorter.replace(' ', chr(10))}  ")
    assert response.status_code == 302  # type: ignore[attr-defined]
    quote.refresh_from_db()
    assert quote.text == shorter and article.body[quote.start:quote.end] == shorter
    assert quote.attribution == "human" and quote.corrections.count() == 1


def test_the_history_of_a_moved_span_shows_the_words_moved_from_and_to(editor_client: Client, article: Article) -> None:
    # It showed "characters 161–235 → characters 162–193": nothing an editor can check.
    quote = article.quotes.get(text__contains="successful ouster")
    was = " ".join(quote.text.split())
    _admin_post(editor_client, quote, words="a successful ouster of a dictator")
    page = editor_client.get(reverse("admin:articles_quote_change", args=[quote.pk])).content.decode()
    history = page[page.index('<ol class="history">'):]
    history = history[: history.index("</ol>")]
    assert "characters" not in history
    assert f"words “{was}” → " in html.unescape(history)
    assert "words “a successful ouster of a dictator”" in html.unescape(history)
    trail = editor_client.get(reverse("admin:articles_attributioncorrection_changelist")).content.decode()
    assert "words “a successful ouster of a dictator”" in html.unescape(trail)


def test_a_long_span_is_named_by_its_first_and_last_words() -> None:
    words = "one two three four five six seven eight nine ten " * 20 + "the end"
    shown = corrections.describe({"is_quote": True, "speaker": "Ann Lee", "kind": "direct", "start": 0,
                                  "end": len(words), "text": words}, words=True)
    assert shown.startswith("speaker Ann Lee, direct quote, words “one two three") and shown.endswith("ten the end”")
    assert " … " in shown and len(shown) < 200


def test_words_and_offsets_changed_at_once_are_refused_with_what_to_do(editor_client: Client, article: Article) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    before = (quote.start, quote.end)
    response = _admin_post(editor_client, quote, words="successful ouster", start=quote.start + 1)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "You changed both the words and start/end" in response.content.decode()  # type: ignore[attr-defined]
    quote.refresh_from_db()
    assert (quote.start, quote.end) == before


def test_words_that_are_not_in_the_article_are_refused_with_what_to_do(
    editor_client: Client, article: Article,
) -> None:
    quote = article.quotes.get(text__contains="successful ouster")
    before = (quote.start, quote.end)
    response = _admin_post(editor_client, quote, words="words no outlet wrote")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "These words are not in the article" in response.content.decode()  # type: ignore[attr-defined]
    quote.refresh_from_db()
    assert (quote.start, quote.end) == before and quote.attribution == "machine"

def test_the_quote_form_shows_the_sentence_before_so_the_editor_sees_who_he_is(editor_client: Client) -> None:
    # walk: "“Walls should not be controversial,” he said." alone does not say who "he" is
    event = Event.objects.create(name="Y", slug="y")
    body = "Intro. Governor Ann Lee spoke on Friday. “Walls should not be controversial,” he said. The end."
    article = Article.objects.create(event=event, position=0, title="T", body=body, content_hash="h2")
    start = body.index("“") + 1
    quote = Quote.objects.create(article=article, text="Walls should not be controversial", start=start,
                                 end=start + 33, kind="direct", speaker_mention="he",
                                 mention_start=body.index(" he ") + 1, mention_end=body.index(" he ") + 3)
    page = editor_client.get(reverse("admin:articles_quote_change", args=[quote.pk])).content.decode()
    assert "Governor Ann Lee spoke on Friday." in page and "Intro." not in page
    assert "Ann Lee" not in str(in_context(quote))  # the queue's list stays one sentence


def _article_reads(sql: list[str]) -> list[str]:
    """The queries that read articles' texts from the article table itself (not the quotes'
    own articles, which the queue shows in their sentence)."""
    return [q for q in sql if 'FROM "articles_article"' in q and '"articles_article"."body"' in q]


def test_the_article_filter_reads_no_article_texts_and_lists_the_chosen_events_articles(
    editor_client: Client,
) -> None:
    events = [Event.objects.create(name=f"E{n}", slug=f"e{n}") for n in range(2)]
    articles = [Article.objects.create(event=e, position=i, title=f"Story {e.name}-{i}", body="Words. " * 2000,
                                       content_hash=f"{e.pk}-{i}") for e in events for i in range(3)]
    Quote.objects.create(article=articles[0], text="Words.", start=0, end=6, kind="direct", confidence=0.2)
    url = reverse("admin:articles_quote_changelist")
    for query in ("", f"?article__event__id__exact={events[0].pk}"):
        with CaptureQueriesContext(connection) as queries:
            page = editor_client.get(url + query)
        assert page.status_code == 200
        assert _article_reads([q["sql"] for q in queries.captured_queries]) == []
    assert "Story E0-2" in page.content.decode() and "Story E1-0" not in page.content.decode()
    chosen = editor_client.get(url + f"?article__event__id__exact={events[0].pk}&article__id__exact={articles[0].pk}")
    assert [q.pk for q in chosen.context["cl"].result_list] == list(Quote.objects.values_list("pk", flat=True))


def test_the_article_filter_sends_no_event_id_past_bigint_to_the_database(editor_client: Client) -> None:
    """`make run`'s SQLite raised OverflowError (a 500 page) on a 20-digit event id in the
    queue's event filter; PostgreSQL compared it as numeric. Such an id is no event."""
    url = reverse("admin:articles_quote_changelist") + "?article__event__id__exact=" + "9" * 20
    with CaptureQueriesContext(connection) as queries:
        page = editor_client.get(url)
    assert page.status_code in (200, 302)
    assert not [q["sql"] for q in queries.captured_queries if "9" * 20 in q["sql"]]
