"""Framing-8 context rules and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.test_framing_context import own


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the tagger takes "spat" and "xenophobe" for names here
        ("The spat spotlights a major split between the two groups.", ["spat"]),
        ("The editor calls him a serial liar, rampant xenophobe, racist and birther.",
         ["liar", "xenophobe", "racist", "birther"]),
        ("Spat Industries makes shoes.", []),
    ],
)
def test_a_listed_noun_in_lower_case_tagged_a_name_is_a_noun(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Democrats reneged on the deal and buckled under pressure.", ["reneged", "buckled"]),
        ("The union held their fire until the vote.", ["held their fire"]),
        ("The party's fissures were on show.", ["fissures"]),
        ("The leader is a figure of derision on the left.", ["derision"]),
        ("Party leaders anointed a moderate candidate.", ["anointed"]),
        ("The speech was riddled with falsehoods.", ["riddled with"]),
        ("The windshield was riddled with bullet holes after the shooting.", []),
        ("The senators beat a retreat, a hasty retreat.", ["beat a retreat", "hasty retreat"]),
        ("Its allies were ostensibly neutral.", ["ostensibly"]),
        ("The networks were glued to his self-promotional event.", ["glued to", "self-promotional"]),
        ("He was taking shots at his rivals at a rowdy rally.", ["taking shots at", "rowdy"]),
        ("Republicans are not mincing words.", ["mincing words"]),
        ("The mayor hammered the senator for his vote.", ["hammered"]),
        ("The deal still needs to be hammered out.", []),
        ("Three former party big shots back her.", ["big shots"]),
        ("The governor took his biggest shot yet.", []),  # "big shots" is no lemma pattern
        ("She is a sought-after interviewer.", ["sought-after"]),
        ("The morning shows are in upheaval.", ["upheaval"]),
        ("He offered his musings on wheels.", ["musings"]),
    ],
)
def test_framing8_classes_of_terms(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a killing reported is named, not judged
        ("Last weekend's massacre at a nightclub shocked the city.", []),
        ("April marked 101 years since the start of the Armenian genocide.", []),
        ("The gunman was accused of the slaughter of nine worshippers.", []),
        ("Families of those killed in the carnage spoke on Friday.", []),
        # the figure of one, in politics, is the outlet's
        ("The primary was a bloodbath for the party's moderates.", ["bloodbath"]),
        # pork the food is no pork barrel
        ("The choice for the children is pork or nothing.", []),
        ("The bill is stuffed with pork barrel projects.", ["pork barrel"]),
    ],
)
def test_words_of_killing_are_literal_where_a_killing_is_reported(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("But she doesn’t like “surprises,” in the words of one top staffer.", []),
        ("She wants no “surprises,” as one aide put it.", []),
        ("Asked by a reporter if Clinton “gets” race, the senator avoided an answer.", []),
        ("The FBI somehow managed to “lose” the suspect's wife.", ["“lose”"]),
        ("The “experts” the network hired were wrong again.", ["“experts”"]),
    ],
)
def test_a_word_credited_in_the_sentence_or_asked_about_is_no_scare_quote(sentence: str, expected: list[str]) -> None:
    assert own(sentence, "scare_quote") == expected
