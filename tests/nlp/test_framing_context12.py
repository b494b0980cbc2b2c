"""Framing-12 context rules and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.test_framing_context import own


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a listed adjective as a passive participle: a "by" phrase naming a thing is the
        # feeling's cause, so the word is still the adjective
        ("Some conservative voters were incensed by the budget deal.", ["incensed"]),
        ("The donors seemed thrilled by the pick.", ["thrilled"]),
        # without "by", as before
        ("Party elders were incensed at the vote.", ["incensed"]),
        # a listed verb's -ing form made a noun names the same act
        ("Online, the daily slandering of immigrants went on.", ["slandering"]),
        ("The governor's bullying of reporters drew little notice.", ["bullying"]),
        # an unlisted one stays plain
        ("The hammering of nails went on all night.", []),
        # context `attributive`: the word judges the thing before its noun; after "be" it
        # is someone's reported feeling
        ("The company sold its troubled media unit.", ["troubled"]),
        ("The mayor was troubled by the report on the jail.", []),
        # dramatic words of feeling where "angry" or "nervous" would report it
        ("Jittery investors sold their shares on Monday.", ["Jittery"]),
        ("A giddy crowd cheered the verdict.", ["giddy"]),
        # contests and scoldings told as brawls
        ("The agencies waged a bureaucratic tug of war over the memo.", ["tug of war"]),
        ("The hearing turned into a shouting match.", ["shouting match"]),
        ("The governor lit into the senator on Tuesday.", ["lit into"]),
        ("The chairman went ballistic over the leak.", ["went ballistic"]),
        ("The speaker was left in the hot seat after the vote.", ["in the hot seat"]),
        # fear, indecision and deceit
        ("The specter of a shutdown hangs over the talks.", ["specter"]),
        ("The council dithered for months over the site.", ["dithered"]),
        ("The agency airbrushed its account of the raid.", ["airbrushed"]),
        # a listed verb stays a verb: no adjective row shadows its participle
        ("The budget deal infuriated conservatives.", ["infuriated"]),
        # venting concerns is the plain word for complaining
        ("Several senators vented about the schedule.", []),
    ],
)
def test_rules_and_terms_of_framing_12(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected
