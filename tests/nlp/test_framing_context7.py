"""Framing-7 context rules and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from articles.nlp.analyze import analyze_doc
from articles.nlp.pipeline import get_nlp
from tests.nlp.test_framing_context import own


def own_analysed(text: str) -> list[str]:
    """Loaded words in the outlet's voice, with the quotes the analysis finds."""
    found = analyze_doc(get_nlp()(text)).signals
    return [s.text for s in found if s.kind == "loaded" and not s.in_quote]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The governor pummeled his rival on Friday.", ["pummeled"]),
        ("The governor pummelled his rival on Friday.", ["pummelled"]),
        ("No American icon will be spared.", []),
    ],
)
def test_a_longer_verb_keeps_both_spellings_of_its_past(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor on Friday pummeled the governor as divisive.", ["pummeled"]),
        ("The mayor slammed the plan as reckless and cruel.", ["slammed"]),
        ("Her allies hailed the bill as a historic triumph.", []),
        ("The mayor's plan is reckless.", ["reckless"]),
    ],
)
def test_what_an_attacker_or_a_praiser_casts_someone_as_is_theirs(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


def test_what_someone_is_said_to_be_in_quotes_is_a_source_not_a_scare_quote() -> None:
    text = "The party chairman was said to be “furious” with the candidate for dividing the party."
    assert own(text, "scare_quote") == []
    assert own("The so-called “reset” with Russia has failed.", "scare_quote") == ["“reset”"]


def test_that_said_is_a_concession_not_a_speaker() -> None:
    text = "That said, a loss in the state would provide a sour and deflating end to her campaign."
    assert own_analysed(text) == ["sour", "deflating"]
    assert own_analysed("The aide said a loss in the state would be a sour end to her campaign.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The campaign shrugged off the senator's comments.", ["shrugged off"]),
        ("The governor caught flak from both parties.", ["flak"]),
        ("The candidate, who has been feuding with party leaders, spoke on Friday.", ["feuding"]),
        ("The endorsement caused quite a stir in the capital.", ["stir"]),
        ("Voters doubted her professed opposition to the deal.", ["professed"]),
        ("The refusal was seen as payback for the speaker's hesitation.", ["payback"]),
        ("The mayor's steely performance pleased donors.", ["steely"]),
        ("The speaker said nothing to heal the fractured party.", ["fractured"]),
        ("The senator is a widely respected conservative.", ["widely respected"]),
        ("The leaders belatedly recognized the anger of voters.", ["belatedly"]),
        ("The senator has waffled on the trade deal.", ["waffled"]),
        ("Her plan glosses over the cost of the program.", ["glosses over"]),
        ("The new rule could move the needle on security.", []),
    ],
)
def test_framing7_classes_of_terms(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The interview set off a panic among party donors.", ["panic"]),
        ("Panic spread through the crowd after the bombing.", []),
        ("The network's coverage was pure propaganda.", ["propaganda"]),
        ("The terrorist group's propaganda recruits fighters online.", []),
    ],
)
def test_panic_and_propaganda_beside_terrorism_are_literal(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected
