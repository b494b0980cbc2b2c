"""Framing-13 rules and terms for the outlet's own loaded words (issue 18), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from articles.nlp.headings import shouted_headline
from articles.nlp.pipeline import get_nlp
from tests.nlp.test_framing_context import own


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a loaded verb of speaking as an -ing noun names the same way of speaking, with or
        # without its object after "of"
        ("After weeks of subtle sniping, the frustration boiled over at a rally.", ["sniping", "boiled over"]),
        ("The bickering began before the plane landed.", ["bickering"]),
        ("Despite persistent carping that the plan costs too much, it passed.", ["carping"]),
        # not a verb the lexicon limits to a context, whose -ing noun has plain senses
        ("The hammering went on all night.", []),
        ("The needling went on for an hour at the clinic.", []),
        # a capitalised word in a name is no adjective
        ("She is known to fans as Notorious RBG.", []),
        ("The notorious prison held him for years.", ["notorious"]),
        # the writer's stance adverbs of feeling (WordNet verb.emotion, kept by hand)
        ("The scene seems disconcertingly familiar.", ["disconcertingly"]),
        ("The senator took an agonizingly long time to answer.", ["agonizingly"]),
        # classes of terms: muddle and half measures, demeanour as caricature, conflict
        # idioms, afflictions, hysteria, interjections
        ("The governor only further muddled a controversy that has dogged his campaign.", ["muddled", "dogged"]),
        ("It was a convoluted answer and a halfhearted endorsement.", ["convoluted", "halfhearted"]),
        ("The brusque governor gave a robotic speech with a shell-shocked look.",
         ["brusque", "robotic", "shell-shocked"]),
        ("The senator with the outsized personality offered mindless entertainment.", ["outsized", "mindless"]),
        ("The warnings were a big misfire, and the hysterics moved on.", ["misfire", "hysterics"]),
        ("He has been the governor's attack dog, sinking his teeth into the senator.",
         ["attack dog", "sinking his teeth into"]),
        ("Oops! The convention went off without a hitch.", ["Oops"]),
        ("The leader was pugnacious at the news conference.", ["pugnacious"]),
        # where the kept term fails its sense tests another at the same words may pass:
        # "pandering" tagged a verb is the listed verb "pander", not the listed noun
        ("The pandering to donors continued.", ["pandering"]),
        # plain senses stay plain: the animal, a weapon's misfire beside real fighting
        ("The dog followed the mailman home.", []),
        ("Troops reported that a rifle misfire wounded a soldier.", []),
    ],
)
def test_rules_and_terms_of_framing_13(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's opening shout in capitals is the outlet's judgement
        ("BUSTED: Emails Show Aide Shared Debate Questions\n\nThe emails were released on Monday.", ["BUSTED"]),
        ("FIX IS IN: Moderators Ignore The Scandals\n\nThe debate was on Tuesday.", ["FIX IS IN"]),
        # a rubric or a person the article names is no shout
        ("BREAKING: Senate Passes Budget Bill\n\nThe vote was 60 to 40.", []),
        ("TRUMP: I Will Win Iowa\n\nDonald Trump said so on Monday.", []),
        # only at the very start of the text
        ("The emails were released.\n\nBUSTED: a later line.", []),
    ],
)
def test_a_headlines_shout_in_capitals(text: str, expected: list[str]) -> None:
    assert own(text) == expected
    span = shouted_headline(get_nlp()(text))
    assert ([text[span[0]:span[1]]] if span else []) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what a named viewer holds someone or something to be is the viewer's verdict
        ("He stood with a man whom most Americans consider to be a fringe extremist.", []),
        ("Many voters consider him a reckless bully.", []),
        ("Critics deem the plan reckless.", []),
        # a column's own "we consider" is the writer's, and an event seen is no verdict
        ("We consider the plan reckless.", ["reckless"]),
        ("Aides saw the senator wading deeper into the feud.", ["wading deeper into", "feud"]),
    ],
)
def test_what_a_viewer_deems_is_the_viewers(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected
