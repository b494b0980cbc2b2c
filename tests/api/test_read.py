"""The read side of /api/: events, articles, quotes, actors, story points."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.api import read
from articles.models import Actor, Claim, Event, Quote, StoryPoint

pytestmark = pytest.mark.django_db


def get(client: Client, url: str, status: int = 200, **headers: str) -> Any:
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:500]
    return response.json()


def every_page(client: Client, url: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for _ in range(100):  # bounded: a broken cursor must fail, not loop
        page = get(client, url)
        rows.extend(page["results"])
        if page["next"] is None:
            return rows
        url = page["next"]
    raise AssertionError("more than 100 pages")


def test_the_events_list_has_the_event_with_its_download_links(client: Client, small_event: Event) -> None:
    page = get(client, "/api/events")
    [event] = page["results"]
    assert event["slug"] == small_event.slug and event["article_count"] == 7
    assert event["json_url"].endswith(f"/events/{small_event.slug}/export/event.json")
    assert client.get(event["csv_url"]).status_code == 200


def test_articles_come_page_by_page_in_order_without_gaps_or_repeats(client: Client, small_event: Event) -> None:
    rows = every_page(client, f"/api/events/{small_event.slug}/articles?limit=3")
    assert [r["position"] for r in rows] == list(range(7))
    assert get(client, f"/api/events/{small_event.slug}/articles?limit=3")["next_cursor"]


def test_a_page_cursor_keeps_the_filters(client: Client, small_event: Event) -> None:
    rows = every_page(client, f"/api/events/{small_event.slug}/quotes?speaker=ann%20example&limit=2")
    assert len(rows) == 7 and {r["speaker"] for r in rows} == {"Ann Example"}


def test_one_article_comes_with_its_text(client: Client, small_event: Event) -> None:
    article = small_event.articles.get(position=3)
    data = get(client, f"/api/articles/{article.pk}")
    assert data["body"] == article.body and data["outlet"] == "Wire Two" and data["event"] == small_event.slug


@pytest.mark.parametrize(("query", "expected"), [
    ("", 10),
    ("?speaker=Bob%20Other", 3),
    ("?kind=indirect", 3),
    ("?outlet=daily%20one", 4),
    ("?attribution=human", 1),
    ("?kind=direct&outlet=Wire%20Two", 3),
])
def test_quotes_filter_by_speaker_kind_outlet_and_attribution(
    client: Client, small_event: Event, query: str, expected: int
) -> None:
    assert len(every_page(client, f"/api/events/{small_event.slug}/quotes{query}")) == expected


def test_a_speaker_or_outlet_of_another_event_is_a_400_saying_so(client: Client, small_event: Event) -> None:
    """They gave an empty list, as if the speaker were not quoted here; the event page's
    ?actor= of another event is a 400 saying why."""
    other = Event.objects.create(name="Other event", slug="other-event")
    Actor.objects.create(event=other, name="Carl Elsewhere", kind="person")
    speaker = get(client, f"/api/events/{small_event.slug}/quotes?speaker=Carl%20Elsewhere", status=400)
    assert speaker["detail"].startswith("speaker: 'Carl Elsewhere' is not a speaker of this event")
    assert f"/api/events/{small_event.slug}/actors" in speaker["detail"]
    outlet = get(client, f"/api/events/{small_event.slug}/quotes?outlet=Other%20Times", status=400)
    assert outlet["detail"].startswith("outlet: no article of this event is from 'Other Times'")
    assert len(every_page(client, f"/api/events/{small_event.slug}/quotes?speaker=BOB%20OTHER")) == 3


def test_a_human_attribution_is_marked_as_such(client: Client, small_event: Event) -> None:
    [quote] = get(client, f"/api/events/{small_event.slug}/quotes?attribution=human")["results"]
    assert quote["speaker"] == "Bob Other" and quote["article_position"] == 1


def test_quotes_an_editor_rejected_are_not_listed(client: Client, small_event: Event) -> None:
    Quote.objects.filter(attribution="human").update(is_quote=False)
    assert get(client, f"/api/events/{small_event.slug}/quotes?attribution=human")["results"] == []


def test_actors_come_with_their_aliases(client: Client, small_event: Event) -> None:
    actors = {a["name"]: a for a in every_page(client, f"/api/events/{small_event.slug}/actors")}
    assert set(actors) == {"Ann Example", "Bob Other"}
    assert actors["Ann Example"]["aliases"] == ["Ann"] and actors["Ann Example"]["title"] == "minister"


def test_story_points_name_their_members_and_the_articles_that_leave_them_out(
    client: Client, small_event: Event
) -> None:
    [point] = get(client, f"/api/events/{small_event.slug}/story-points")["results"]
    assert [m["article_position"] for m in point["members"]] == [0, 2] and point["member_count"] == 2
    assert point["missing_from"] == [1, 3, 4, 5, 6] and point["possibly_in"] == []


def test_an_unknown_event_is_a_json_404(client: Client, db: None) -> None:
    assert get(client, "/api/events/no-such-event/quotes", status=404) == {"detail": "Not Found"}


@pytest.mark.parametrize("cursor", ["%25%25", "abc", "-1", "1.5", "1" * 19])
def test_a_cursor_that_is_not_a_row_key_is_a_400(client: Client, small_event: Event, cursor: str) -> None:
    data = get(client, f"/api/events/{small_event.slug}/articles?cursor={cursor}", status=400)
    assert data["detail"].startswith("cursor:")


def test_a_cursor_past_the_last_row_is_an_empty_last_page(client: Client, small_event: Event) -> None:
    page = get(client, f"/api/events/{small_event.slug}/articles?cursor={'9' * 18}")
    assert page == {"next": None, "next_cursor": None, "results": []}


def test_a_bad_filter_value_is_a_400_naming_the_parameter(client: Client, small_event: Event) -> None:
    data = get(client, f"/api/events/{small_event.slug}/quotes?kind=shouted", status=400)
    assert data["detail"].startswith("kind:")


def test_an_unchanged_resource_answers_304_to_its_etag(client: Client, small_event: Event) -> None:
    url = f"/api/events/{small_event.slug}/quotes"
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag


def test_a_changed_resource_gets_a_new_etag(client: Client, small_event: Event) -> None:
    url = f"/api/events/{small_event.slug}/quotes"
    etag = client.get(url)["ETag"]
    Quote.objects.filter(attribution="machine", kind="indirect").update(attribution="human")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_openapi_schema_lists_every_resource(client: Client, db: None) -> None:
    paths = get(client, "/api/openapi.json")["paths"]
    assert {"/api/events", "/api/events/{slug}/quotes", "/api/events/{slug}/actors", "/api/events/{slug}/articles",
            "/api/events/{slug}/story-points", "/api/uploads", "/api/uploads/{upload_id}"} <= set(paths)


def test_the_docs_page_loads_nothing_from_another_site(client: Client, db: None) -> None:
    page = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page and "//cdn" not in page


def test_the_docs_page_scripts_are_bundled_static_files() -> None:
    from django.contrib.staticfiles import finders

    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui-init.js")


def test_a_long_article_comes_in_parts_like_its_page(client: Client, small_event: Event) -> None:
    from articles.web.parts import body_parts

    paragraphs = [f"Paragraph {i} of a long report, said the minister." for i in range(450)]
    body = "\n\n".join(paragraphs)
    article = small_event.articles.get(position=0)
    article.body, article.headings = body, [0, 199, 200, 449]
    article.save()
    parts = body_parts(body)
    assert len(parts) == 3
    url, seen = f"/api/articles/{article.pk}", []
    while url:
        data = get(client, url)
        assert data["body"] == body[data["part_start"]:data["part_end"]] and data["length"] == len(body)
        assert data["part_count"] == 3
        seen.append((data["part"], data["headings"]))
        url = data["next"]
    assert seen == [(1, [0, 199]), (2, [200]), (3, [449])]
    assert "".join(get(client, f"/api/articles/{article.pk}?part={n}")["body"] + "\n\n" for n in (1, 2, 3)) \
        == body + "\n\n"
    missing = client.get(f"/api/articles/{article.pk}?part=4")
    assert missing.status_code == 404 and missing.json() == {"detail": "This article has 3 parts."}
    assert client.get(f"/api/articles/{article.pk}?part=0").status_code == 400


def test_a_short_article_is_one_part(client: Client, small_event: Event) -> None:
    data = get(client, f"/api/articles/{small_event.articles.get(position=1).pk}")
    assert (data["part"], data["part_count"], data["next"], data["part_start"]) == (1, 1, None, 0)
    assert data["part_end"] == data["length"] == len(data["body"])


@pytest.mark.parametrize("path", ["articles", "quotes", "story-points"])
def test_lists_never_read_the_articles_text(client: Client, small_event: Event, path: str) -> None:
    # An article may be megabytes: a list of 200 rows that read it once per row took
    # 800 MB of memory for a 79 KB answer.
    with CaptureQueriesContext(connection) as queries:
        get(client, f"/api/events/{small_event.slug}/{path}?limit=200")
    assert not [q["sql"] for q in queries if '"articles_article"."body"' in q["sql"]]


def test_a_story_point_lists_its_first_members_and_counts_them_all(
    client: Client, small_event: Event, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A fact of a 3,000-article event has thousands of sentences: a page of 50 points was 27 MB.
    point = StoryPoint.objects.get(event=small_event)
    point.members.set(Claim.objects.filter(article__event=small_event))
    monkeypatch.setattr(read, "MEMBERS_LISTED", 3)
    [row] = get(client, f"/api/events/{small_event.slug}/story-points")["results"]
    assert [m["article_position"] for m in row["members"]] == [0, 1, 2] and row["member_count"] == 7


def test_an_article_says_how_much_of_its_text_the_analysis_read(client: Client, small_event: Event) -> None:
    """Cut at NEWSFRAME_MAX_ARTICLE_CHARS, an article's `missing_from` means "not in the part
    analysed": the API says where that part ends (null: the whole text was read)."""
    small_event.articles.filter(position=2).update(analysed_chars=40)
    listed = {r["position"]: r for r in every_page(client, f"/api/events/{small_event.slug}/articles")}
    assert listed[2]["analysed_chars"] == 40 and listed[3]["analysed_chars"] is None
    one = get(client, f"/api/articles/{small_event.articles.get(position=2).pk}")
    assert one["analysed_chars"] == 40
    schema = get(client, "/api/openapi.json")["components"]["schemas"]["ArticleOut"]["properties"]
    assert "analysed_chars" in schema and "part analysed" in schema["analysed_chars"]["description"]
