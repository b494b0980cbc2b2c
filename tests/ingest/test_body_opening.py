"""A body that opens with its headline again (or page furniture and the print headline)
starts at its text: the headline would read as text, its capitalised words as actors."""

from __future__ import annotations

import json

from articles.ingest import parse

TEXT = "The council met for three hours on Tuesday and approved the budget.\n\nIt takes effect in May."


def _json(title: str, body: str) -> bytes:
    return json.dumps([{"title": title, "outlet": "The Daily Ledger", "body": body}]).encode()


def test_a_first_paragraph_repeating_the_title_is_dropped_with_a_note() -> None:
    result = parse(_json("Council Approves ‘Lean’ Budget", "Council approves 'lean' budget\n\n" + TEXT), "a.json")
    assert result.articles[0].body == TEXT
    assert any("headline" in note for note in result.notes)


def test_page_furniture_and_the_print_headline_before_the_text_are_dropped() -> None:
    body = "Site Mobile Navigation\n\nCity Leaders Back Spending Plan After Long Debate\n\n" + TEXT
    result = parse(_json("Council approves budget", body), "a.json")
    assert result.articles[0].body == TEXT


def test_a_title_case_first_sentence_without_furniture_stays() -> None:
    body = "Budget Talks Stall Again\n\n" + TEXT
    assert parse(_json("Council approves budget", body), "a.json").articles[0].body == body


def test_a_body_that_is_only_the_headline_is_kept() -> None:
    assert parse(_json("Council approves budget", "Council approves budget"), "a.json").articles[0].body \
        == "Council approves budget"



def test_an_untitled_article_takes_the_headline_its_text_opens_with_as_title() -> None:
    body = "Council Backs Budget After Three-Hour Debate\n\n" + TEXT
    result = parse(_json("", body), "a.json")
    assert (result.articles[0].title, result.articles[0].body) == ("Council Backs Budget After Three-Hour Debate", TEXT)
    assert any("as its title" in note for note in result.notes)


def test_an_untitled_article_opening_with_a_sentence_keeps_it() -> None:
    result = parse(_json("", TEXT), "a.json")
    assert (result.articles[0].title, result.articles[0].body) == ("", TEXT)
