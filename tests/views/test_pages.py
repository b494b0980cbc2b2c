"""The event, article and actor pages read precomputed rows, in a fixed number of queries."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Actor, ActorAlias, Article, Claim, Event, Job, Outlet, Quote, Signal, StoryPoint
from articles.web import charts, pages, views
from articles.web.highlight import MarkIndex
from articles.web.pages import MAX_COLUMNS, StoryTable, short_names

pytestmark = pytest.mark.django_db


def make_event(n_articles: int, quotes_each: int = 3, reporters: tuple[int, ...] = (0,)) -> Event:
    event = Event.objects.create(name=f"E{n_articles}", slug=f"e{n_articles}")
    speaker = Actor.objects.create(event=event, name="Ann Example", kind="person")
    point = StoryPoint.objects.create(event=event, label="A fact", order=0,
                                      article_positions=[r for r in reporters if r < n_articles])
    for i in range(n_articles):
        body = "Ann Example said the attack was “a brutal crime”. Officials reportedly disagreed."
        article = Article.objects.create(event=event, position=i, title=f"T{i} <b>x</b>", body=body,
                                         content_hash=f"h{i}", word_count=12)
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
        for q in range(quotes_each):
            Quote.objects.create(article=article, text="a brutal crime", start=29, end=43, kind="direct",
                                 cue="said", speaker=speaker, confidence=0.9, position=q)
        claim = Claim.objects.create(article=article, text=body[:50], start=0, end=50, voice="attributed",
                                     speaker=speaker)
        if i in reporters:
            point.members.add(claim)
        Signal.objects.create(article=article, kind="loaded", text="brutal", start=31, end=37,
                              category="pejorative", in_quote=True)
        Signal.objects.create(article=article, kind="hedge", text="reportedly", start=56, end=66,
                              category="epistemic")
        Signal.objects.create(article=article, kind="label", text="Ann Example", start=0, end=11,
                              category="name", actor=speaker)
        Signal.objects.create(article=article, kind="reporting_verb", text="said", start=12, end=16,
                              category="neutral", actor=speaker)
    Job.objects.create(kind="align", event=event, status="done")
    return event


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_event_page_query_count_does_not_grow_with_articles(client: Client) -> None:
    small, big = make_event(2), make_event(12, quotes_each=6)
    assert _queries(client, small.get_absolute_url()) == _queries(client, big.get_absolute_url())


def test_the_article_page_query_count_does_not_grow_with_quotes(client: Client) -> None:
    few, many = make_event(1, quotes_each=1), make_event(3, quotes_each=20)
    a = Article.objects.get(event=few)
    b = Article.objects.filter(event=many).first()
    assert b is not None
    assert _queries(client, a.get_absolute_url()) == _queries(client, b.get_absolute_url())


def test_untrusted_titles_are_escaped(client: Client) -> None:
    event = make_event(1)
    page = client.get(event.get_absolute_url()).content
    assert b"<b>x</b>" not in page and b"&lt;b&gt;x&lt;/b&gt;" in page


def test_a_story_point_missing_from_an_article_says_not_reported(client: Client) -> None:
    event = make_event(3, reporters=(0, 1))
    page = client.get(event.get_absolute_url() + "?only=missing").content.decode()
    assert "not reported" in page and "A fact" in page


def test_facts_one_outlet_reports_are_grouped_under_the_table(client: Client) -> None:
    event = make_event(3)
    response = client.get(event.get_absolute_url())
    assert response.context["rows"] == []
    [group] = response.context["only_in"]
    assert group["article"].position == 0 and len(group["rows"]) == 1
    assert [piece["url"] for piece in group["pieces"]] == [group["article"].get_absolute_url() + "#p0"]
    assert "Only in" in response.content.decode()
    assert client.get(event.get_absolute_url() + "?only=shared").context["only_in"] == []


def test_a_fact_another_article_possibly_reports_stays_in_the_table(client: Client) -> None:
    # "Only in X" says the others were searched and do not report it: not so for this one.
    event = make_event(3)
    claim = Claim.objects.get(article__event=event, article__position=1)
    StoryPoint.objects.filter(event=event).update(possibly_in=[
        {"article": 1, "claim": claim.pk, "text": claim.text, "start": 0, "end": 50, "score": 0.4}])
    response = client.get(event.get_absolute_url())
    assert [r["point"].label for r in response.context["rows"]] == ["A fact"]
    assert response.context["only_in"] == []
    assert "possibly reported" in response.content.decode()


def test_points_replaced_by_an_alignment_while_the_table_is_read_are_left_out() -> None:
    # The table counts members in one query and reads the points in another: an alignment
    # committing in between deletes the points counted (it was a KeyError, a 500).
    event = make_event(3, reporters=(0, 1))
    articles = list(event.articles.order_by("position"))
    claims = list(Claim.objects.filter(article__event=event))
    table = StoryTable(articles, claims, {a.pk: MarkIndex([]) for a in articles}, only="", actor_id=None)
    StoryPoint.objects.filter(event=event).delete()
    assert table.rows() == []


def test_chart_labels_cut_short_carry_their_full_text_and_headings_nest(client: Client) -> None:
    event = make_event(2)
    Actor.objects.filter(event=event).update(name="Ann Example of the Very Long Name Foundation")
    page = client.get(event.get_absolute_url()).content.decode()
    assert re.search(r"<g class=\"[^\"]*\"><title>Ann Example of the Very Long Name Foundation", page)
    assert '<h3 id="legend-h"' in page, "the legend sits under the 'Side by side' h2"


def test_the_actor_page_lists_the_actors_quotes(client: Client) -> None:
    event = make_event(2)
    actor = Actor.objects.get(event=event)
    page = client.get(reverse("actor", args=[event.slug, actor.pk])).content.decode()
    assert "Ann Example" in page and page.count("a brutal crime") == 6


def test_an_actor_named_in_many_articles_shows_the_first_and_counts_them_all(
    client: Client, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pages, "ACTOR_ARTICLES", 2)
    actor = Actor.objects.get(event=make_event(5, quotes_each=2))
    response = client.get(actor.get_absolute_url())
    assert [g["article"].position for g in response.context["articles"]] == [0, 1]
    page = response.content.decode()
    assert "quoted 10 times" in page and "Named or quoted in 5 articles: the first 2 are shown" in page


def test_the_home_page_lists_events(client: Client) -> None:
    make_event(2)
    page = client.get(reverse("home")).content.decode()
    assert "E2" in page and "2 articles" in page


def test_the_home_page_lists_the_newest_events_and_counts_the_older(
    client: Client, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(views, "HOME_EVENTS", 2)
    for n in (1, 2, 3):
        make_event(n)
    response = client.get(reverse("home"))
    assert [e.name for e in response.context["events"]] == ["E3", "E2"]
    assert "1 older event is at" in response.content.decode()


def test_the_event_page_query_count_stays_flat_past_the_column_limit(client: Client) -> None:
    small, big = make_event(2), make_event(MAX_COLUMNS * 3, quotes_each=4)
    assert _queries(client, small.get_absolute_url()) == _queries(client, big.get_absolute_url())


def test_choosing_articles_costs_no_extra_query(client: Client) -> None:
    event = make_event(MAX_COLUMNS + 5)
    url = event.get_absolute_url()
    # No more than the default view; fewer, as it reuses what this version of the event
    # already computed (its size, its speaker ranking: web/versioned.py).
    assert _queries(client, url) >= _queries(client, url + "?articles=0,4,7&articles=15&only=missing")


def test_the_actor_page_query_count_does_not_grow_with_articles(client: Client) -> None:
    few, many = make_event(1, quotes_each=1), make_event(10, quotes_each=5)
    a, b = Actor.objects.get(event=few), Actor.objects.get(event=many)
    assert _queries(client, a.get_absolute_url()) == _queries(client, b.get_absolute_url())


def test_the_actor_page_never_reads_the_articles_text(client: Client) -> None:
    actor = Actor.objects.get(event=make_event(3, quotes_each=2))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(actor.get_absolute_url()).status_code == 200
    assert not [q["sql"] for q in queries if '"articles_article"."body"' in q["sql"]]


def test_past_the_column_limit_the_page_compares_the_first_articles_and_offers_the_rest(client: Client) -> None:
    event = make_event(MAX_COLUMNS + 3)
    response = client.get(event.get_absolute_url())
    assert [a.position for a in response.context["articles"]] == list(range(MAX_COLUMNS))
    page = response.content.decode()
    assert f"Comparing {MAX_COLUMNS} of {MAX_COLUMNS + 3} articles" in page
    assert page.count('name="articles"') >= MAX_COLUMNS + 3  # one checkbox per article
    assert f"?articles={','.join(str(p) for p in range(MAX_COLUMNS, MAX_COLUMNS + 3))}" in page


def test_the_reader_chooses_which_articles_to_compare(client: Client) -> None:
    event = make_event(MAX_COLUMNS + 3)
    response = client.get(event.get_absolute_url() + "?articles=14&articles=2,7,7")
    assert [a.position for a in response.context["articles"]] == [2, 7, 14]
    assert 'value="7" checked' in response.content.decode()


def test_choosing_too_many_articles_says_only_the_first_are_compared(client: Client) -> None:
    event = make_event(MAX_COLUMNS + 3)
    chosen = ",".join(str(p) for p in range(MAX_COLUMNS + 2))
    response = client.get(event.get_absolute_url() + "?articles=" + chosen)
    assert len(response.context["articles"]) == MAX_COLUMNS
    assert "the first 12 are compared" in response.content.decode()


def test_the_omission_filter_keeps_only_points_some_chosen_article_leaves_out(client: Client) -> None:
    event = make_event(3, reporters=(0, 1))
    everywhere = StoryPoint.objects.create(event=event, label="Reported by all", order=1,
                                           article_positions=[0, 1, 2])
    for article in event.articles.all():
        everywhere.members.add(Claim.objects.create(article=article, text="Ann", start=0, end=3, voice="own"))
    labels = [r["point"].label for r in client.get(event.get_absolute_url() + "?only=missing").context["rows"]]
    assert labels == ["A fact"]
    labels = [r["point"].label for r in client.get(event.get_absolute_url()).context["rows"]]
    assert labels == ["Reported by all", "A fact"]  # the most widely reported first


def test_filtering_reopens_the_page_at_the_table(client: Client) -> None:
    # on a phone the table is thousands of pixels down: a reload at the top loses the reader's place
    page = client.get(make_event(2).get_absolute_url()).content.decode()
    assert '<form method="get" action="#compare" class="filters"' in page and 'id="compare"' in page


def test_the_speaker_filter_keeps_only_that_actors_statements(client: Client) -> None:
    event = make_event(2)
    other = Actor.objects.create(event=event, name="Bob Other")
    point = StoryPoint.objects.create(event=event, label="Bob's point", order=1, article_positions=[0, 1])
    for article in event.articles.all():
        point.members.add(Claim.objects.create(article=article, text="Ann", start=0, end=3,
                                               voice="attributed", speaker=other))
    rows = client.get(event.get_absolute_url() + f"?actor={other.pk}").context["rows"]
    assert [r["point"].label for r in rows] == ["Bob's point"]


def test_the_summary_charts_print_their_values_as_text(client: Client) -> None:
    event = make_event(2, quotes_each=3)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "3 quotes, 9 words" in page  # three quotes of "a brutal crime"
    assert "direct 3 (100%)" in page and "attributed 1 (100%)" in page
    assert "<svg" in page and "Ann Example: 3 quotes, 9 words" in page


def test_the_same_quote_in_two_articles_is_shown_as_a_word_diff(client: Client) -> None:
    event = make_event(2, quotes_each=0)
    speaker = Actor.objects.get(event=event)
    first, second = event.articles.order_by("position")
    # Three content words at least: shorter quotes are too common to pair (compare.diff).
    Quote.objects.create(article=first, text="we understand each other better now on Syria", start=0, end=10,
                         kind="direct", speaker=speaker)
    Quote.objects.create(article=second, text="we understand each other much better on Syria", start=0, end=10,
                         kind="direct", speaker=speaker)
    page = client.get(event.get_absolute_url()).content.decode()
    assert '<ins><span class="sr-only">[added: </span>much' in page
    assert '<del><span class="sr-only">[left out: </span>now' in page


def test_a_quote_diff_compares_the_quoted_words_not_the_attribution_inside_the_span(client: Client) -> None:
    # A direct quote's span may run over its attribution: the outlet's "Mr. Trump said" is
    # not a wording difference of the speaker's words.
    event = make_event(2, quotes_each=0)
    speaker = Actor.objects.get(event=event)
    first, second = event.articles.order_by("position")
    Quote.objects.create(article=first, text="We have no choice but to build a wall,” Mr. Example said. “If we "
                         "do not get a fair deal, I will act", start=0, end=10, kind="direct", speaker=speaker)
    Quote.objects.create(article=second, text="We have no choice but to build a wall", start=0, end=10,
                         kind="direct", speaker=speaker)
    page = client.get(event.get_absolute_url()).content.decode()
    diffs = page[page.index('id="quote-diffs-h"'):]
    assert "build a wall" in diffs
    assert "Mr. Example said" not in diffs
    assert '<del><span class="sr-only">[left out: </span>… If we do not get' in diffs


def test_same_quote_different_words_pairs_only_the_same_speakers_renderings_of_one_statement(
    client: Client,
) -> None:
    # Issue 14: Mark Meadows' statement was paired with a sentence under "the report".
    event = make_event(3, quotes_each=0)
    meadows = Actor.objects.create(event=event, name="Mark Meadows", kind="person")
    first, second, third = event.articles.order_by("position")
    Quote.objects.create(article=first, text="It is time for the American people to know the truth about what "
                         "happened at the top of the FBI", start=0, end=10, kind="direct", speaker=meadows)
    Quote.objects.create(article=second, text="it is time for the American people to know the truth about what "
                         "happened at the top of the bureau", start=0, end=10, kind="indirect",
                         source_type="document", source_phrase="the report", speaker_mention="the report")
    # Meadows' words, paraphrased: the same statement by the same speaker
    Quote.objects.create(article=third, text="it was time for the American people to know the truth about what "
                         "happened at the FBI", start=0, end=10, kind="indirect", speaker=meadows)
    page = client.get(event.get_absolute_url()).content.decode()
    diffs = page[page.index('id="quote-diffs-h"'):]
    assert diffs.count('class="diff-item"') == 1 and "Mark Meadows" in diffs
    assert '<span class="kind">indirect</span>' in diffs and "bureau" not in diffs


def test_untrusted_quote_and_label_text_is_escaped_everywhere(client: Client) -> None:
    event = make_event(2, quotes_each=0)
    speaker = Actor.objects.get(event=event)
    first, second = event.articles.order_by("position")
    evil = "<script>alert(1)</script> said the words here"
    for article in (first, second):
        Quote.objects.create(article=article, text=evil, start=0, end=10, kind="direct", speaker=speaker)
        Signal.objects.create(article=article, kind="label", text="<img src=x onerror=alert(1)>", start=0,
                              end=3, actor=speaker)
    speaker.name = "<b>Ann</b>"
    speaker.save()
    for url in (event.get_absolute_url(), first.get_absolute_url(), speaker.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>Ann</b>" not in page


def test_every_quote_on_the_article_page_links_to_its_speaker(client: Client) -> None:
    event = make_event(1, quotes_each=2)
    article = Article.objects.get(event=event)
    actor = Actor.objects.get(event=event)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<a class="badge" href="{actor.get_absolute_url()}"' in page
    assert page.count(f'href="{actor.get_absolute_url()}"') >= 3  # badge, quote list, labels


def test_the_actor_page_groups_quotes_verbs_and_labels_by_article(client: Client) -> None:
    event = make_event(2, quotes_each=1)
    actor = Actor.objects.get(event=event)
    response = client.get(actor.get_absolute_url())
    groups = response.context["articles"]
    assert [g["article"].position for g in groups] == [0, 1]
    assert groups[0]["verbs"] == [{"verb": "said", "stance": "neutral", "count": 1}]
    assert groups[0]["labels"] == [{"label": "Ann Example", "count": 1}]


def label_highlights(html: str) -> list[str]:
    """The texts highlighted as labels (after the words that name the mark for screen readers)."""
    return re.findall(r'class="[^"]*hl-label[^"]*"[^>]*>(?:<span class="sr-only[^"]*">[^<]*</span>)*(.*?)</', html)


def test_only_evaluative_labels_are_highlighted_never_a_plain_name_or_office(client: Client) -> None:
    event = make_event(1)
    article = event.articles.get()
    article.body = "Secretary of State Ann Example met the embattled congressman on Tuesday."
    article.save()
    plain, loaded = "Secretary of State Ann Example", "the embattled congressman"
    Signal.objects.create(article=article, kind="label", text=plain, start=0, end=len(plain), category="title")
    at = article.body.index(loaded)
    Signal.objects.create(article=article, kind="label", text=loaded, start=at, end=at + len(loaded),
                          category="description", evaluative=True)
    html = client.get(article.get_absolute_url()).content.decode()
    highlighted = label_highlights(html)
    joined = "".join(highlighted)  # other marks may cut a label's span into pieces
    assert "embattled congressman" in joined and "Secretary" not in joined and "Example" not in joined


def test_the_favicon_is_found(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")


def test_who_is_quoted_counts_unnamed_sources_per_outlet(client: Client) -> None:
    event = make_event(2, quotes_each=0)
    first = event.articles.get(position=0)
    Quote.objects.create(article=first, text="a brutal crime", start=29, end=43, kind="direct",
                         source_type="anonymous", source_phrase="administration officials")
    page = client.get(event.get_absolute_url())
    cards = page.context["summary"]["cards"]
    assert [c["unnamed"] for c in cards] == [1, 0] and cards[0]["unnamed_share"] == 1.0
    assert "administration officials (anonymous)" in page.content.decode()


def test_the_event_page_highlights_no_label_that_is_only_a_name_or_an_office(client: Client) -> None:
    event = make_event(1)
    article = event.articles.get()
    article.body = "Secretary of State Ann Example met the embattled congressman on Tuesday."
    article.save()
    Claim.objects.filter(article=article).update(text=article.body, start=0, end=len(article.body), voice="own")
    StoryPoint.objects.get(event=event).members.set(Claim.objects.filter(article=article))
    plain, loaded = "Secretary of State Ann Example", "the embattled congressman"
    Signal.objects.filter(article=article).delete()
    Signal.objects.create(article=article, kind="label", text=plain, start=0, end=len(plain), category="title")
    at = article.body.index(loaded)
    Signal.objects.create(article=article, kind="label", text=loaded, start=at, end=at + len(loaded),
                          category="description", evaluative=True)
    html = client.get(event.get_absolute_url()).content.decode()
    highlighted = "".join(label_highlights(html))
    assert "embattled congressman" in highlighted
    assert "Secretary" not in highlighted and "Example" not in highlighted


def test_the_event_page_shows_each_outlets_own_loaded_words_by_actor_with_their_sentences(client: Client) -> None:
    event = make_event(2, quotes_each=0)
    first = event.articles.get(position=0)
    first.body = "Ann Example slammed the plan.\n\nIt was a fiasco, critics said."
    first.save()
    Claim.objects.filter(article=first).delete()
    Claim.objects.create(article=first, text="Ann Example slammed the plan.", start=0, end=29, voice="own")
    Claim.objects.create(article=first, text="It was a fiasco, critics said.", start=31, end=61, voice="own")
    Signal.objects.filter(article=first).delete()
    actor = Actor.objects.get(event=event)
    Signal.objects.create(article=first, kind="label", text="Ann Example", start=0, end=11, category="name",
                          actor=actor)
    Signal.objects.create(article=first, kind="loaded", text="slammed", start=12, end=19, category="speech")
    Signal.objects.create(article=first, kind="loaded", text="fiasco", start=39, end=45, category="emotive")
    page = client.get(event.get_absolute_url())
    rows = {row["subject"]: row["cells"] for row in page.context["wording"]}
    whole, ann = rows["the whole article"], rows["Ann Example"]
    assert [t["term"] for t in whole[0]["terms"]] == ["fiasco", "slammed"] and whole[0]["only"] == 2
    assert whole[1]["count"] == 0  # the second article's "brutal" is inside a quote
    assert [t["term"] for t in ann[0]["terms"]] == ["slammed"]
    fiasco = whole[0]["terms"][0]["sentences"][0]
    assert fiasco["text"] == "It was a fiasco, critics said." and fiasco["url"].endswith("#p1")
    html = page.content.decode()
    assert "only here" in html and f'href="{fiasco["url"]}"' in html
    # one word in a five-word sentence is no "200 per 1,000": the page gives the count
    assert ann[0]["few"] and "too few for a rate" in html and "200.0 per 1,000" not in html


def test_short_names_add_the_title_only_where_an_outlet_is_shared_or_unknown() -> None:
    fox, times = Outlet(name="Fox News"), Outlet(name="The New York Times")
    articles = [Article(title="Senate votes", outlet=fox), Article(title="House votes", outlet=fox),
                Article(title="The vote", outlet=times), Article(title="A blog post on the vote " * 5)]
    names = short_names(articles)
    assert names[:3] == ["Fox News — Senate votes", "Fox News — House votes", "The New York Times"]
    assert names[3].startswith("A blog post on the vote") and len(names[3]) <= 50
    alike = [Article(title="Russia vetoes the UN Security Council resolution on Syria " + end) for end in "AB"]
    assert short_names(alike) == [short_names(alike[:1])[0] + " (article 1)",
                                  short_names(alike[:1])[0] + " (article 2)"]


def test_chart_labels_are_numbered_only_when_two_would_read_the_same_once_shortened() -> None:
    assert charts.distinct_labels(["Fox News", "The New York Times"]) == ["Fox News", "The New York Times"]
    assert charts.distinct_labels(["Reuters — Russia vetoes a draft", "Reuters — Russia vetoes the plan"]) == [
        "Reuters — Russia vetoes a draft", "Reuters — Russia vetoes the plan"]  # whole on their lines
    alike = ["Reuters — Russia vetoes the UN draft on Syria", "Reuters — Russia vetoes the UN draft on Iran"]
    assert charts.distinct_labels(alike) == [f"{i}. {label}" for i, label in enumerate(alike, 1)]


def test_a_long_speaker_name_on_the_chart_wraps_instead_of_being_cut(client: Client) -> None:
    # walk: "Department of…" on the chart, the whole name only in a hover tooltip
    event = make_event(1)
    Actor.objects.filter(event=event).update(name="Department of Homeland Security")
    page = client.get(event.get_absolute_url()).content.decode()
    chart = page[page.index("Who is quoted"):]
    chart = chart[:chart.index("</svg>")]
    assert "Department of…" not in chart
    assert re.search(r"<tspan[^>]*>Department of</tspan><tspan[^>]*>Homeland</tspan><tspan[^>]*>Security</tspan>",
                     chart)


def test_the_question_mark_badge_of_a_quote_without_a_speaker_is_explained_in_the_key(client: Client) -> None:
    # walk: a "?" chip before a quote, explained nowhere a sighted reader could see
    event = make_event(1, quotes_each=0)
    article = event.articles.get()
    Quote.objects.create(article=article, text="a brutal crime", start=29, end=43, kind="direct",
                         source_type="anonymous", source_phrase="administration officials")
    page = client.get(event.get_absolute_url()).content.decode()
    assert ">?</abbr>" in page
    # A screen reader hears the source in hidden text, not only "?" (an <abbr>'s aria-label may go unread)
    assert ('<span aria-hidden="true">?</span><span class="sr-only">direct quote — administration officials '
            '(anonymous, unnamed)</span></abbr>') in page
    key = page[page.index('class="speaker-key"'):]
    key = key[:key.index("</ul>")]
    assert ">?</abbr>" in key and "no named speaker" in key


def test_the_actor_page_lists_other_names_not_its_own(client: Client) -> None:
    # walk: "Trump · also called …, President Trump, Trump, president"
    event = make_event(1)
    actor = Actor.objects.get(event=event)
    for alias in ("Ann Example", "Dr. Example"):
        ActorAlias.objects.create(actor=actor, alias=alias)
    response = client.get(actor.get_absolute_url())
    assert [a.alias for a in response.context["aliases"]] == ["Dr. Example"]
