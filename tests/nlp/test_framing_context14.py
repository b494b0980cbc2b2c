"""Framing-14 rules for the outlet's own loaded words (issue 18), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.nlp.test_framing_context import own
from tests.nlp.test_signals import signals


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what someone concludes, suspects or fears is so is the holder's conclusion
        ("The inspectors concluded that the managers were careless with the records.", []),
        ("Rivals suspected that her biting remarks were meant to provoke outrage.", []),
        ("Aides believe the senator's attacks are reckless.", []),
        # a verdict found is the finder's, also for the second verb of a pair
        ("Many voters read the speech and found it offensive.", []),
        # the writer's own conclusion stays the outlet's, and "find it hard to" is no verdict
        ("We suspect that the senator's attacks were reckless.", ["reckless"]),
        ("The party may find it difficult to inflict payback on her.", ["payback"]),
        # what someone wants or felt is told in the outlet's words
        ("The senator felt that the reckless plan would fail.", ["reckless"]),
    ],
)
def test_what_someone_concludes_is_theirs(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a listed verb of the present after its subject, tagged a plural noun
        ("When Trump incites violence with his remark, voters notice.", ["incites"]),
        ("Clinton exudes class and knowledge. Trump spews hate and ignorance.", ["spews"]),
        # a plural noun after a name is no verb
        ("The Trump attacks continued.", []),
    ],
)
def test_a_present_verb_taken_for_a_noun(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # when or amid what someone named something is the outlet's telling
        ("Commentators called him “the grownup on the stage” amidst the food fight between the rivals.",
         ["food fight"]),
        # what the naming says stays the speaker's
        ("Commentators called him “the grownup” amidst the food fight, a “disgraceful spectacle.”", ["food fight"]),
    ],
)
def test_the_occasion_of_a_naming_is_the_outlets(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what a verb of speech reports is its speaker's where the quote finder missed it:
        # a tag in the middle, a gerund's doer, a pair's second verb
        ("Mr. Trump is so reckless, the vice president said, that he would resign.", []),
        ("Her friends have mocked the campaign for months, Susan said.", []),
        ("He undermines confidence by suggesting that the senator is reckless.", []),
        ("Journalists are pointing this out and informing us that such remarks are truly unprecedented.", []),
        # not a concession, nor what a report reveals (the outlet endorses it)
        ("That said, a loss would provide a sour and deflating end to her campaign.", ["sour", "deflating"]),
        ("The report revealed that the agency was careless.", ["careless"]),
    ],
)
def test_what_a_verb_of_speech_reports_is_the_speakers(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a listed word opening a Title Case headline is its label, though tagged a name
        ("Bombshell Clinton Emails Surface Before Debate.\n\nA correspondent posted them on Wednesday.",
         ["Bombshell"]),
        # a person's name there stays a name
        ("Savage Tells Listeners About Trump Campaign.\n\nHe spoke on Wednesday.", []),
    ],
)
def test_a_listed_word_opening_a_headline(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


def test_a_loaded_word_a_speaker_says_in_quotes_stays_a_signal_in_the_quote() -> None:
    # the rule for what a verb of speech reports marks the word as the speaker's; it does
    # not drop a quoted loaded word from the signals
    found = signals('"This ruling is extreme and disgraceful," Ward said. The bill passed.', "loaded")
    assert [s.text for s in found] == ["extreme", "disgraceful"]
    assert all(s.in_quote for s in found)
