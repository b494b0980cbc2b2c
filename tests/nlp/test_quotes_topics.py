"""What someone spoke about, and an attitude someone holds towards something, are
reported content, as PolNeAR marks them (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Senator Ann Okafor spoke about the year-end budget agreement.", "the year-end budget agreement",
         "Ann Okafor"),
        ("Judge Ben Ruiz has commented on the ruling.", "the ruling", "Ben Ruiz"),
        ("Mayor Dana Whitcomb complained about the state's new gas tax.", "the state's new gas tax",
         "Dana Whitcomb"),
        ("The governor, Tom Reyes, weighed in on the transit strike.", "the transit strike", "Tom Reyes"),
    ],
)
def test_what_someone_spoke_about_is_reported(quotes_of, text, content, speaker):
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [(content, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Dana Whitcomb spoke on condition of anonymity.",
        "Mayor Dana Whitcomb spoke on CNBC on Tuesday.",
        "Mayor Dana Whitcomb spoke on Monday.",
        "Mayor Dana Whitcomb wrote on Facebook.",
        "Mayor Dana Whitcomb spoke on behalf of the council.",
    ],
)
def test_how_when_or_where_someone_spoke_is_no_content(quotes_of, text):
    assert quotes_of(text) == []


def test_a_clause_said_on_a_day_is_the_content_not_the_day(quotes_of):
    quotes = quotes_of("Mayor Dana Whitcomb commented on Monday that the budget was too small.")
    assert [q.text for q in quotes] == ["the budget was too small"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Senator Ann Okafor is open to a compromise on the budget.", "a compromise on the budget"),
        ("Union leaders were furious at the ruling.", "the ruling"),
        ("Her aides are cautious about the new polls.", "the new polls"),
        ("Mayor Dana Whitcomb was uncertain about the new tax.", "the new tax"),
    ],
)
def test_an_attitude_held_towards_something_is_reported(quotes_of, text, content):
    assert [q.text for q in quotes_of(text)] == [content]


def test_a_place_open_to_visitors_holds_no_attitude(quotes_of):
    assert quotes_of("The museum is open to visitors on Sundays.") == []


def test_making_sure_is_no_attitude(quotes_of):
    assert quotes_of("The clerks work late to make sure that every ballot is counted.") == []
