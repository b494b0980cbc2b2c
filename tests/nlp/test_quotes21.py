"""quotes-21: where indirect speech ends, and cut fragments that are no quotes (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The agency said it left those trips out of its count because, apparently, such visits were "
         "routine for any governor.",
         "it left those trips out of its count because, apparently, such visits were routine for any governor"),
        ("The coach said she would stay another season because the club had promised her a new stadium.",
         "she would stay another season because the club had promised her a new stadium"),
    ],
)
def test_the_reason_given_right_after_what_was_said_is_part_of_it(quotes_of, text, content):
    assert [q.text for q in quotes_of(text) if q.cue == "said"] == [content]


def test_a_because_clause_of_a_next_act_is_not_the_speakers(quotes_of):
    text = "The mayor said the plan would fail, and he left early because the meeting ran late."
    assert [q.text for q in quotes_of(text) if q.cue == "said"] == ["the plan would fail"]


def test_a_quote_cut_before_a_nested_one_leaves_no_dangling_fragment(quotes_of):
    text = "He said it was foolish to think that “the walls will keep us safe.”"
    texts = [q.text for q in quotes_of(text)]
    assert "it was foolish to" not in texts
    assert any("the walls will keep us safe" in t for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "The candidate was able to raise more than 200 million dollars during his primary race against a "
        "better-funded rival.",
        "Republicans are likely to control at least one chamber of Congress for the next four years.",
        # "certain to" and "sure to" forecast, where "certain that" holds a belief
        "Both parties pledged to act, but their efforts are almost certain to be futile in the end.",
        "The governor is certain to win a second term in the fall.",
        "The new rule is sure to anger farmers across the state.",
    ],
)
def test_the_writers_word_on_someones_chances_is_no_attribution(quotes_of, text):
    assert [q.text for q in quotes_of(text) if q.cue != "pledged"] == []


def test_an_attitude_after_be_is_still_reported(quotes_of):
    quotes = quotes_of("The mayor is confident that the bridge will reopen.")
    assert [q.text for q in quotes] == ["the bridge will reopen"]


def test_a_reason_that_is_itself_an_attribution_stays_its_own_quote(quotes_of):
    text = "The former governor endorsed the senator because he worries that the mayor would lose in the fall."
    assert [(q.cue, q.text) for q in quotes_of(text)] == [
        ("endorsed", "the senator"), ("worries", "the mayor would lose in the fall")
    ]
