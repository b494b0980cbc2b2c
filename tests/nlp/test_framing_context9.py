"""Framing-9 context rules and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.helpers import quote_in
from tests.nlp.test_framing_context import own
from tests.nlp.test_signals import signals


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "expected"),
    [
        # what a verb of speech is about, named by the outlet, is the outlet's wording
        ("Republicans have criticized the strategy Obama trumpeted on Sunday.", "criticized",
         "the strategy Obama trumpeted on Sunday", ["trumpeted"]),
        ("Asked about the looming deadline, he said talks would go on.", "Asked",
         "about the looming deadline", ["looming"]),
        # what the speaker said stays the speaker's
        ("Officials warn that it would expose the country to bogus lawsuits.", "warn",
         "it would expose the country to bogus lawsuits", []),
        ("They accused the leader of capitulating to the lobby.", "accused",
         "the leader of capitulating to the lobby", []),
        ("The director called her actions extremely careless.", "called", "her actions extremely careless", []),
        ("She described a rigged system to the crowd.", "described", "a rigged system to the crowd", []),
    ],
)
def test_the_object_of_a_verb_of_speech_is_the_outlets_naming(
    sentence: str, cue: str, content: str, expected: list[str]
) -> None:
    quote = quote_in(sentence, content, cue, speaker="someone", kind="indirect")
    found = [s.text for s in signals(sentence, "loaded", (quote,)) if not s.in_quote]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Halvorson has a paltry $31,000 in the bank.", ["paltry"]),
        ("France was named by a paltry three percent.", ["paltry"]),
        ("The bill could move in the lame-duck session of Congress.", []),
        ("The nomination could move in the lame duck Congress.", []),
        ("The coach told lame jokes all night.", ["lame"]),
        ("His pathway to outright victory is narrowing.", []),
        ("The senator told an outright lie.", ["outright"]),
    ],
)
def test_amounts_fixed_compounds_and_results(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ruling would get the retailer off the hook for damages.", ["off the hook"]),
        ("The endorsement is a coup for the senator's backers.", ["a coup for"]),
        ("The department repeatedly obfuscated facts.", ["obfuscated"]),
        ("The hacker's cyber-mischief revealed the address.", ["mischief"]),
        ("The convention became a free-for-all.", ["free-for-all"]),
        ("The report documents an abuse of power.", ["abuse of power"]),
        ("Democrats hijacked the floor of the House for a day.", ["hijacked"]),
        ("Militants hijacked the aircraft after takeoff.", []),
        # plain in news: dropped
        ("The campaign touted his endorsement online.", []),
        ("A long-shot candidate can catch fire in Iowa.", []),
        ("Activists used the remarks to ratchet up the pressure.", []),
        ("The state party eventually backed down.", []),
        ("Officials are scrambling to develop a plan by the fall.", []),
        ("Voters want to upend politics as usual.", []),
        ("He falsely suggested that the president was born abroad.", []),
        ("The city must repair its crumbling infrastructure.", []),
    ],
)
def test_framing9_classes_of_terms(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected
