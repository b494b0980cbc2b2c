"""Speaker badges (initials shown before each quote) are unique within an event."""

from __future__ import annotations

import pytest
from django.test import Client

from articles.models import Actor, Article, Event, Quote
from articles.web.speakers import unique_badge


def test_two_actors_with_the_same_initials_get_different_badges() -> None:
    taken: set[str] = set()
    assert unique_badge("AG", "Al Gore", taken) == "AG"
    assert unique_badge("AG", "Amy Garcia", taken) == "AGa"
    assert unique_badge("AG", "Ann Garrett", taken) == "AGar"
    assert taken == {"AG", "AGa", "AGar"}


def test_a_name_too_short_to_extend_gets_a_number() -> None:
    taken = {"JB", "JBo"}
    assert unique_badge("JB", "Jo Bo", taken) == "JB2"


def _key(html: str) -> dict[str, tuple[str, str]]:
    """The speaker key of a page: name -> (colour class, badge)."""
    import re
    return {name: (css, badge) for css, name, badge in re.findall(
        r'<span class="swatch (sp-\d+)"><abbr class="badge" title="([^"]+)">([^<]+)</abbr>', html)}


@pytest.mark.django_db
def test_a_speakers_colour_and_badge_are_the_same_on_the_event_and_article_pages(client: Client) -> None:
    """Kathy Griffin is the event's most quoted speaker, Tyler Shields the only one of the
    second article: on that article's page he keeps the event's second colour, not the first."""
    event = Event.objects.create(name="Photo", slug="photo")
    griffin = Actor.objects.create(event=event, name="Kathy Griffin")
    shields = Actor.objects.create(event=event, name="Tyler Shields")
    quoted = {0: [griffin] * 4 + [shields], 1: [shields, shields]}
    articles = []
    for position, speakers in quoted.items():
        body = " ".join(f"Sentence {i} was said." for i in range(len(speakers)))
        article = Article.objects.create(event=event, position=position, title=f"Story {position}", body=body,
                                         content_hash=f"photo{position}", word_count=len(body.split()))
        Quote.objects.bulk_create(Quote(article=article, text=f"Sentence {i} was said.", start=i * 22,
                                        end=i * 22 + 21, kind="direct", speaker=actor)
                                  for i, actor in enumerate(speakers))
        articles.append(article)
    on_event = _key(client.get(event.get_absolute_url()).content.decode())
    assert on_event == {"Kathy Griffin": ("sp-0", "KG"), "Tyler Shields": ("sp-1", "TS")}
    for article in articles:
        on_article = _key(client.get(article.get_absolute_url()).content.decode())
        assert on_article == {name: on_event[name] for name in on_article}
    assert _key(client.get(articles[1].get_absolute_url()).content.decode()) == {"Tyler Shields": ("sp-1", "TS")}
    compared = _key(client.get(event.get_absolute_url() + "?articles=1").content.decode())
    assert compared == {"Tyler Shields": ("sp-1", "TS")}, "comparing fewer articles keeps the event's colours"
