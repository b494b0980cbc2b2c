"""Framing-6 context rules and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from articles.nlp.analyze import analyze_text
from articles.nlp.pipeline import get_nlp
from articles.nlp.signals import _outlets_aside, _without_narration
from tests.nlp.test_framing_context import own


def test_narration_between_quoted_passages_is_the_outlets() -> None:
    text = ("“Today’s vote was a failure of nerve,\" said the Union of Tenants, one of several groups "
            "bashing Mayor Lee on Monday. “We expected a fight and got a retreat.”")
    assert own(text) == ["bashing"]


def test_a_verb_reporting_its_own_content_after_a_quote_is_not_cut_out() -> None:
    body = ('The charter said the club would "welcome every member," though the text was changed '
            "while asking members to shun bigots in their ranks.")
    doc = get_nlp()(body)
    assert _without_narration(doc, body, (0, len(body))) == [(0, len(body))]
    tagged = '"We will win," the mayor said on Monday. "And we will govern."'
    doc = get_nlp()(tagged)
    kept = "".join(tagged[a:b] for a, b in _without_narration(doc, tagged, (0, len(tagged))))
    assert "mayor" not in kept and "said" not in kept and "govern" in kept
    trailing = '"We are not at war with the town," she said, only with reckless extremists. "That is all."'
    doc = get_nlp()(trailing)
    kept = "".join(trailing[a:b] for a, b in _without_narration(doc, trailing, (0, len(trailing))))
    assert "said" not in kept and "reckless extremists" in kept


def test_when_and_where_the_tag_says_the_words_were_said_is_the_outlets_telling() -> None:
    # a statement the quote finder joins across its attribution, here across paragraphs
    text = ("“This is a long statement about the plan and the budget!” Dana Price tweeted during "
            "the disastrous first half of the game.\n\n“The other team has zero skills.”")
    analysis = analyze_text(get_nlp(), text)
    assert len(analysis.quotes) == 1
    assert [(s.text, s.in_quote) for s in analysis.signals if s.kind == "loaded"] == [("disastrous", False)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The new advert paints the governor as a job-killer.", []),
        ("His rivals branded him a traitor at the rally.", []),
        ("The mayor is a traitor to his own voters.", ["traitor"]),
    ],
)
def test_what_a_subject_casts_someone_as_is_the_subjects_portrayal(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


def test_a_listed_adjective_capitalised_as_the_first_word_is_read_as_one() -> None:
    assert own("Controversial Nevada Sheriff Tom Brandt backed the mayor on Monday.") == ["Controversial"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The senator called out the governor over the budget.", ["called out"]),
        ("The nurse called out to the crowd for help.", []),
        ("Democrats pounced on the remarks within the hour.", ["pounced on"]),
        ("Democrats have already pounced.", ["pounced"]),
        ("Ironically, the plan may help his rivals.", ["Ironically"]),
        ("The governor rebuffed calls to resign.", []),
        ("The bill angered hard-core activists of the party.", ["hard-core"]),
    ],
)
def test_framing6_terms(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


def test_a_participle_aside_in_a_paraphrase_is_the_outlets() -> None:
    doc = get_nlp()(
        "The mayor urged the council to pass the budget on Tuesday, while mocking its members "
        "for their long recess."
    )
    body = doc.text
    whole = (body.index("the council"), len(body) - 1)
    kept = "".join(body[a:b] for a, b in _outlets_aside(doc, whole))
    assert "mocking" not in kept and "pass the budget" in kept


def test_continued_tags_a_quote() -> None:
    body = '"What have you been doing all year?" the mayor continued, calling out the council.'
    doc = get_nlp()(body)
    kept = "".join(body[a:b] for a, b in _without_narration(doc, body, (0, len(body))))
    assert "continued" not in kept and "calling out" not in kept


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Party leaders tried to freeze him out of the race.", ["freeze him out"]),
        ("The governor called them out on live television.", ["called them out"]),
    ],
)
def test_a_phrasal_verb_with_its_object_pronoun_inside(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        'The council said the mayor had taken "about $40,000" from builders.',
        "Aides held “more than one meeting” with the builders.",
        'The town agreed to pay "$2-3 million." to the firm.',
    ],
)
def test_a_quoted_figure_is_no_scare_quote(sentence: str) -> None:
    assert own(sentence, "scare_quote") == []


def test_a_quoted_term_is_still_a_scare_quote() -> None:
    assert own('The board praised the "reforms" that cut the library budget.', "scare_quote") == ['"reforms"']


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Their friendship has been anything but cordial.", ["anything but"]),
        ("The council will do anything but raise the rates.", []),
    ],
)
def test_anything_but_judges_only_before_an_adjective(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


def test_words_quoted_after_calls_for_are_the_callers() -> None:
    text = 'Activists stepped up their calls for the mayor to "stand firm" on Sunday.'
    assert own(text, "scare_quote") == []


def test_a_heading_in_capitals_is_not_read_as_an_adjective() -> None:
    assert own("The delegates are listed below.\n\nOUTSTANDING.\n\nThese are still to be chosen.") == []
