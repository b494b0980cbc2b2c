"""Title-case headlines and subheads are parsed as the running text they stand for."""

from __future__ import annotations

from spacy.language import Language

from articles.nlp.analyze import analyze_text, analyze_texts
from articles.nlp.headline_case import _title_abbreviation, parse, sentence_case
from articles.nlp.names import title_words

BODY = (
    "Former Speaker Nora Whitfield said on Monday that the governor must decide whether he wants "
    "a running mate who fights. The governor wants time, aides said, and says he will decide soon."
)


def test_a_title_case_headline_keeps_names_and_acronyms_and_lowers_common_words() -> None:
    text = f"Whitfield Says Governor Must Decide If He Wants A Fighter, GOP Aides Say\n\n{BODY}"
    headline = sentence_case(text).split("\n")[0]
    assert headline == "Whitfield says governor must decide if he wants a fighter, GOP aides say"
    assert len(sentence_case(text)) == len(text)


def test_running_text_and_sentence_case_headlines_are_left_alone() -> None:
    text = f"Whitfield says the governor must decide\n\n{BODY}"
    assert sentence_case(text) == text
    assert sentence_case(BODY) == BODY


def test_a_name_the_text_capitalises_inside_sentences_stays_a_name(nlp: Language) -> None:
    text = ("Senate Rejects Budget As Reid Warns Of Shutdown\n\n"
            "The Senate rejected the budget on Friday, and Reid warned of a shutdown.")
    assert sentence_case(text).split("\n")[0] == "Senate rejects budget as Reid warns of shutdown"


def test_a_word_the_text_never_uses_is_lowered_unless_it_is_a_given_name_or_follows_one() -> None:
    text = f"Aides Say Mike Okonkwo Blasts Governor\n\n{BODY}"
    assert sentence_case(text).split("\n")[0] == "Aides say Mike Okonkwo blasts governor"


def test_the_parse_of_the_recased_copy_carries_the_texts_own_characters(nlp: Language) -> None:
    text = f"Whitfield Says Governor Must Decide If He Wants A Fighter\n\n{BODY}"
    doc = parse(nlp, text)
    assert doc.text == text
    says = doc[1]
    assert (says.text, says.pos_, says.lemma_) == ("Says", "VERB", "say")
    assert [d.text for d in parse(nlp, BODY)] == [t.text for t in nlp(BODY)]


def test_a_title_case_headline_reports_what_its_speaker_said(nlp: Language) -> None:
    text = f"Whitfield Says Governor Must Decide If He Wants A Fighter\n\n{BODY}"
    quotes = analyze_text(nlp, text).quotes
    headline = [q for q in quotes if q.start < text.index("\n")]
    assert [(q.text, q.speaker) for q in headline] == [
        ("Governor Must Decide If He Wants A Fighter", "Nora Whitfield")]
    many = list(analyze_texts(nlp, [BODY, text, BODY]))
    assert [len(a.quotes) for a in many] == [len(analyze_text(nlp, t).quotes) for t in (BODY, text, BODY)]


def test_an_abbreviated_title_stays_whole_so_the_actor_keeps_it(nlp: Language) -> None:
    text = f"Former Sen. Nora Whitfield Says Lt. Gov. Ann Lee Can't Win\n\n{BODY}"
    assert sentence_case(text).split("\n")[0] == "Former Sen. Nora Whitfield says Lt. Gov. Ann Lee can't win"
    doc = parse(nlp, text)
    assert len(list(doc.sents)) == len(list(parse(nlp, BODY).sents)) + 1  # the headline is one sentence
    assert [t.norm_ for t in doc if t.text in {"Ca", "ca", "n't"}] == ["can", "not"]


def test_an_abbreviated_title_is_looked_up_in_one_set_built_once() -> None:
    # The union of title heads and parts was built again for every capitalised word.
    assert title_words() is title_words()
    assert {"sen.", "lt."} <= title_words()
    assert _title_abbreviation("Sen") and _title_abbreviation("Lt") and not _title_abbreviation("Says")
