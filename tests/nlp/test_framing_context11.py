"""Framing-11 context rules and terms for the outlet's own loaded words (issue 18), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.test_framing_context import own


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a rout told as a beating, where "beat" or "won" would report it
        ("The governor trounced his rival in the primary.", ["trounced"]),
        ("The senator was clobbered in the state's caucuses.", ["clobbered"]),
        ("She got walloped in the last election.", ["walloped"]),
        ("The mayor crushed his challenger by thirty points.", ["crushed"]),
        ("The party suffered a drubbing in the midterms.", ["drubbing"]),
        ("He won a thumping victory on Tuesday.", ["thumping"]),
        ("After her resounding win, donors returned.", ["resounding"]),
        ("The floodgates of outside money are open now.", ["floodgates"]),
        ("The candidates smell blood after the debate.", ["smell blood"]),
        # crushing a revolt by force is the plain word for it
        ("The army crushed the uprising within days.", []),
    ],
)
def test_terms_of_framing_11(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a listed participle after a linking verb describes the subject, as after "be"
        ("The mayor seems fixated on the stadium deal.", ["fixated"]),
        ("The senator appeared obsessed with the polls.", ["obsessed"]),
        ("The donors seemed thrilled with the pick.", ["thrilled"]),
        # an unlisted participle stays a participle
        ("The plan seemed designed to fail.", []),
    ],
)
def test_a_listed_participle_after_a_linking_verb_is_an_adjective(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # plain words of news, not the outlet's judgement: a strong rival, a skill, a forgery,
        # a disorder or a crisis reported, a soldier honoured
        ("Cruz is his most formidable remaining opponent.", []),
        ("She proved adept at answering questions.", []),
        ("The site posts fake news stories.", []),
        ("Chaos broke out on the convention floor.", []),
        ("Currency turmoil has followed each time.", []),
        ("The party nominated a war hero.", []),
        # a ruler named by his seat, a system of a kind: the plain word
        ("Ankara now sides with the regime in Damascus.", []),
        ("California prices carbon under a regime of cap and trade.", []),
        ("Critics of the Obama regime gathered outside.", ["regime"]),
    ],
)
def test_plain_words_and_names_are_not_loaded(sentence: str, expected: list[str]) -> None:
    assert own(sentence) == expected


def test_a_transcripts_speaker_in_capitals_speaks_the_paragraph() -> None:
    text = ("Governor Anna Briggs spoke to host Tom Keller on Sunday. A partial transcript follows.\n\n"
            "KELLER: Obviously the voters are angry about the plan.\n\n"
            "BRIGGS: It was a devastating week for our city, and we need to heal.")
    assert own(text) == []
    # a full name in capitals names the speaker, for this turn and the later ones
    text = ("A partial transcript follows.\n\nTOM KELLER: Obviously the plan is a disaster.\n\n"
            "KELLER: It was a devastating week.")
    assert own(text) == []
    # a heading in capitals is no speaker: what follows is the outlet's
    assert own("BREAKING: A devastating report has shaken the campaign.") == ["devastating"]
    # (and a headline's opening shout is itself the outlet's judgement: framing-13)
    assert own("FIX IS IN: Moderators ignore the devastating report.") == ["FIX IS IN", "devastating"]
