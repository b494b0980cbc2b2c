"""quotes-23: stances held by one who "is a supporter of …", and headlines that quote part of
what their speaker said (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Mayor Dana Okafor is a longtime supporter of the harbour tunnel, and she spoke in Leeds on Monday.",
         "supporter", "the harbour tunnel"),
        ("Senator Ann Lowe has been a fierce critic of the new pension rules since the spring.",
         "critic", "the new pension rules"),
        ("The senator remains a vocal opponent of the coal subsidies and voted against them twice.",
         "opponent", "the coal subsidies"),
    ],
)
def test_one_who_is_a_supporter_of_something_holds_that_stance(quotes_of, text, cue, content):
    assert [q.text for q in quotes_of(text) if q.cue == cue] == [content]


def test_the_writers_aside_after_the_stance_is_not_part_of_it(quotes_of):
    text = ("Ms. Okafor is an outspoken supporter of the Clean Rivers Act, which passed in 2019, "
            "and she campaigns on it.")
    assert [q.text for q in quotes_of(text) if q.cue == "supporter"] == ["the Clean Rivers Act"]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's description of someone, not a stance the article reports
        "The prize went to Dana Okafor, a longtime supporter of the harbour tunnel, on Monday.",
        # a grouping of people, not one who holds the stance
        "The rally drew thousands of supporters of the harbour tunnel to the square.",
        # a change, not what someone is
        "Over the years Okafor became a supporter of the harbour tunnel.",
    ],
)
def test_descriptions_and_groups_of_supporters_are_no_quote(quotes_of, text):
    assert not [q for q in quotes_of(text) if q.cue in {"supporter", "supporters"}]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Ann Lowe: ‘Not Again’ Will The Council Raise Fares This Year.\n\n"
         "LEEDS — Councillor Ann Lowe said on Monday that fares would stay as they are.",
         "‘Not Again’ Will The Council Raise Fares This Year.", "Ann Lowe"),
        ("Okafor: ‘Bus Lanes’ Have ‘No Future In This City.’\n\n"
         "Mayor Dana Okafor told reporters on Tuesday that the lanes would go.",
         "‘Bus Lanes’ Have ‘No Future In This City.’", "Dana Okafor"),
    ],
)
def test_a_headline_quoting_part_of_its_speakers_words_is_one_quote(quotes_of, text, content, speaker):
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes if q.start < text.index("\n")] == [(content, speaker)]


def test_a_headline_that_is_all_quote_keeps_its_words_alone(quotes_of):
    text = ("Okafor: ‘The Bus Lanes Have No Future In This City.’\n\n"
            "Mayor Dana Okafor told reporters on Tuesday that the lanes would go.")
    quotes = [q for q in quotes_of(text) if q.start < text.index("\n")]
    assert [q.text for q in quotes] == ["The Bus Lanes Have No Future In This City."]
