"""Framing-5 context rules for the outlet's own loaded words and scare quotes (issue 18),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from articles.nlp.signals import embedded_posts
from tests.nlp.test_signals import signals


def own(text: str, kind: str = "loaded") -> list[str]:
    return [s.text for s in signals(text, kind) if not s.in_quote]


def test_an_embedded_post_is_its_authors_words() -> None:
    tweet = ('The spokesman replied online.\n\n<tweet id="1" author="@aide">This plan is pathetic and '
             "reckless.</tweet>\n\nThe senator slammed the plan.")
    assert own(tweet) == ["slammed"]
    pasted = ("The host spoke at dawn.\n\nThis plan is pathetic, he says. pic.twitter.com/x "
              "— Morning Show (@MorningShow) May 4, 2017\n\nThe senator slammed the plan.")
    assert own(pasted) == ["slammed"]
    assert embedded_posts("No post here — just a dash.") == []


def test_the_that_clause_of_a_speech_noun_is_the_speakers_paraphrase() -> None:
    text = ("He rejected charges that he made misleading comments about his service, "
            "despite claims from activists that the bill is a ploy.")
    assert own(text) == []
    assert own("The misleading comments were printed on Monday.") == ["misleading"]


def test_a_scare_quote_repeating_a_quoted_word_in_another_number_is_attributed() -> None:
    text = ('The mayor turned down an "exception" to the ban. "There will always be exceptions '
            'for people like him," the candidate said.')
    assert own(text, "scare_quote") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The host is one of many slamming Trump for the move.", ["slamming"]),
        ("Mayor turns down the offer;\nSpurns offer, blasts 'an ignorant view.'", ["Spurns", "blasts"]),
        ("The blasts shook the town on Monday.", []),
    ],
)
def test_a_listed_verb_the_tagger_took_for_a_noun_counts_before_its_object(text: str, expected: list[str]) -> None:
    assert own(text) == expected


def test_the_common_name_of_an_affair_is_not_loaded() -> None:
    assert own("Investigators are looking into Russian meddling in the election.") == []
    assert own("He cooperates in the Russia meddling case.") == []
    assert own("The governor accused the council of meddling in the budget.") == ["meddling"]


@pytest.mark.parametrize(
    "sentence",
    [
        'The aide changed a reference to the "consulate" in the draft.',
        'As they marched, they chanted "stop the war" and "no justice".',
        'She blamed the violence on a "disturbed person," not on his faith.',
    ],
)
def test_a_mentioned_word_or_a_chanted_or_blamed_phrase_is_no_scare_quote(sentence: str) -> None:
    assert own(sentence, "scare_quote") == []


def test_a_label_of_people_is_no_label_as_the_kind_of_an_act() -> None:
    assert own("No evidence of a racist attack was produced.") == []
    assert own("The columnist called the senator a racist and a liar on Monday.") == ["racist", "liar"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The speaker was mum on whether she would accept the deal.", ["was mum"]),
        ("He spent the speech mocking his rivals.", ["mocking"]),
        ("The industry has been in a free-fall for a decade.", ["free-fall"]),
        ("The state was a hotbed of union activism.", ["hotbed"]),
    ],
)
def test_framing5_classes_of_terms(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "As the Speaker has pointed out, that is the “textbook definition” of bias.",
        'The "SNL" sketch aired on Saturday.',
        "Many followed the dictum that the country was an \"evil empire\" bent on conquest.",
        'Mr. Lee lamented the "good old days" when crowds were calm.',
    ],
)
def test_attributed_by_as_a_speech_noun_or_lament_or_an_acronym_is_no_scare_quote(sentence: str) -> None:
    assert own(sentence, "scare_quote") == []


def test_a_distancing_quote_is_still_a_scare_quote() -> None:
    assert own('Critics of the "alternative" news ecosystem gathered on Monday.', "scare_quote") == ['"alternative"']


@pytest.mark.parametrize(
    "sentence",
    [
        "He was beaten by agents of Fulgencio Batista, the Cuban dictator.",
        "He wrote on farming under the Communist regime in Ethiopia.",
        "Kasich cannot win the nomination outright.",
        "Of course, talks over the package could still collapse.",
        "Delaying repairs will certainly cost more than fixing them now.",
    ],
)
def test_a_ruler_after_his_country_a_literal_outright_and_concession_markers_are_not_loaded(sentence: str) -> None:
    assert own(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She boasts a roughly 45-point lead among black voters.", []),
        ("Kasich boasted to reporters about his organization.", ["boasted"]),
        ("The judge has lectured on antitrust law at Harvard.", []),
        ("The senator lectured Democrats about spending.", ["lectured"]),
        ("The firm had the advantage of a clearly defined user base.", []),
    ],
)
def test_speech_verbs_in_their_plain_sense_and_a_booster_of_manner_are_not_loaded(
    sentence: str, expected: list[str]
) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("No American icon will be spared.", []),
        ("The two candidates are now sparring.", ["sparring"]),
        ("Liberals decried rote testing regimes.", []),
        ("He spoke out against the Castro regime.", ["regime"]),
    ],
)
def test_another_verbs_form_and_a_system_are_not_loaded(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected
