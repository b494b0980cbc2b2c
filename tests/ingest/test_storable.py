"""Uploads with characters PostgreSQL text cannot hold (issue 17): a JSON `\\u0000`
escape, alone or inside a ZIP, is removed from every field and the review notes say so."""

from __future__ import annotations

import io
import json
import zipfile

from articles.ingest import ParsedArticle, parse, whole_text_article
from articles.ingest.storable import storable_text

BODY = " ".join(["The ministers met for three hours and agreed on very little."] * 4)
ITEM = {
    "title": "Talks\u0000 end without a deal",
    "body": BODY + "\u0000",
    "url": "https://example.com/a\u0000b",
    "author": "Jane\u0000 Doe",
    "outlet": "Example\ud800 News",
}
FIELDS = ("title", "body", "byline", "outlet", "url", "source_name")


def _stored(article: ParsedArticle) -> list[str]:
    return [getattr(article, name) for name in FIELDS]


def _assert_storable(article: ParsedArticle) -> None:
    for value in _stored(article):
        assert "\x00" not in value
        value.encode("utf-8")  # no lone surrogate: PostgreSQL (and UTF-8) refuse them


def test_nul_escapes_in_json_are_removed_from_every_field_with_a_note() -> None:
    result = parse(json.dumps([ITEM]).encode("utf-8"), "nul.json")
    (article,) = result.articles
    _assert_storable(article)
    assert (article.title, article.byline, article.outlet, article.url) == (
        "Talks end without a deal",
        "Jane Doe",
        "Example News",
        "https://example.com/ab",
    )
    assert article.body == BODY
    assert any("removed 5 character(s)" in note and "Talks end" in note for note in result.notes)


def test_nul_escapes_in_json_inside_a_zip_are_removed_with_a_note() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("coverage/nul.json", json.dumps({"articles": [ITEM, {"body": BODY}]}))
    result = parse(buffer.getvalue(), "coverage.zip")
    first, second = result.articles
    _assert_storable(first)
    assert first.title == "Talks end without a deal"
    assert second.body == BODY
    notes = [note for note in result.notes if "removed" in note]
    assert len(notes) == 1 and notes[0].startswith("coverage/nul.json")


def test_a_clean_upload_gets_no_note() -> None:
    clean = {key: value.replace("\u0000", "").replace("\ud800", "") for key, value in ITEM.items()}
    result = parse(json.dumps([clean]).encode("utf-8"), "clean.json")
    assert result.notes == ()


def test_the_whole_text_taken_as_one_article_is_storable_too() -> None:
    _assert_storable(whole_text_article("Title\u0000\n" + BODY + "\ud83d", ""))


def test_storable_text_keeps_tabs_newlines_and_every_valid_character() -> None:
    assert storable_text("a\tb\nc – “d” 😀 \x01e") == ("a\tb\nc – “d” 😀 \x01e", 0)
    assert storable_text("a\x00b\udc80c") == ("abc", 2)
