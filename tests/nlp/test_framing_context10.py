"""Framing-10 context rule and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.helpers import quote_in
from tests.nlp.test_framing_context import own
from tests.nlp.test_signals import signals


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what a named viewer sees someone as is the viewer's judgement
        ("Many voters regard him as a bully.", []),
        ("The plan is seen by critics as reckless.", []),
        ("Trump sees the senator as arrogant.", []),
        # with no viewer named, the judgement is the outlet's at one remove
        ("The refusal was widely viewed as payback.", ["payback"]),
        ("He has faced criticism for comments seen as insulting women.", ["insulting"]),
        ("The reckless plan was seen as a way to win.", ["reckless"]),
    ],
)
def test_what_a_named_viewer_sees_someone_as_is_the_viewers_judgement(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The hearing turned into a political showdown.", ["showdown"]),
        ("The convention fracas angered the party.", ["fracas"]),
        ("His sexual and political escapades were featured in a film.", ["escapades"]),
        ("His political career ended in disgrace.", ["in disgrace"]),
        ("The editorial is a rousing defense of the governor.", ["rousing"]),
        ("One kind-hearted Canadian wants to help.", ["kind-hearted"]),
        ("A man sucker-punched a protester at the rally.", ["sucker-punched"]),
        ("Trump, who has insulted women, spoke first.", ["insulted"]),
        ("The reporter revealed her left-wing bias online.", ["left-wing bias"]),
        ("He made offensive statements about Muslims.", ["offensive"]),
        ("The tweet was a subtle dig at the governor.", ["a subtle dig at"]),
        ("Republicans denounced the overreach by the agency.", ["overreach"]),
        # plain senses: a military offensive, insulation, a plain feat of numbers is no verb
        ("The army launched an offensive in the north.", []),
        ("The senator spoke at the dig site.", []),
    ],
)
def test_terms_of_framing_10(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "kind", "expected"),
    [
        # an evaluative adjective before its noun in a report is the outlet's description
        ("He sent lurid photos to a woman, the Post reported.", "reported", "He sent lurid photos to a woman",
         "indirect", ["lurid"]),
        ("She admitted she went too far with a controversial photographer.", "admitted",
         "she went too far with a controversial photographer", "indirect", ["controversial"]),
        # in a warning, an accusation or a charge it is the speaker's judgement
        ("She warned that the lurid photos would surface.", "warned", "the lurid photos would surface",
         "indirect", []),
        ("He denied charges that he sent lurid photos.", "denied", "he sent lurid photos", "indirect", []),
        # on a quoted noun, part of the speaker's phrase; inside quotation marks, the speaker's
        ("The aide said they are engaged in controversial “mischief” online.", "said",
         "they are engaged in controversial “mischief” online", "indirect", []),
        ("“He sent lurid photos,” the woman said.", "said", "He sent lurid photos", "direct", []),
    ],
)
def test_an_epithet_in_a_report_is_the_outlets_description(
    sentence: str, cue: str, content: str, kind: str, expected: list[str]
) -> None:
    quote = quote_in(sentence, content, cue, speaker="someone", kind=kind)
    assert [s.text for s in signals(sentence, "loaded", (quote,)) if not s.in_quote] == expected


def test_what_a_speaker_says_something_is_stays_the_speakers() -> None:
    sentence = "The aide said a loss would be a bitter end to her campaign."
    content = "a loss would be a bitter end to her campaign"
    quote = quote_in(sentence, content, "said", speaker="someone", kind="indirect")
    assert [s.text for s in signals(sentence, "loaded", (quote,)) if not s.in_quote] == []
