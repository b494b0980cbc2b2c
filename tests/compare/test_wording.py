"""Loaded words per outlet and per actor, and the words only one outlet used (issue 18)."""

from __future__ import annotations

from articles.compare.types import MentionRow
from articles.compare.wording import SentenceRow, WordRow, wording

# Two articles of 100 words. Article 0: "Ann slammed the bill." / "It was a fiasco."
# Article 1: "Ann slammed it." / "Bob gushed."
SENTENCES = [
    SentenceRow(0, 0, 21, 4), SentenceRow(0, 22, 38, 4),
    SentenceRow(1, 0, 15, 3), SentenceRow(1, 16, 27, 2),
]
LOADED = [
    WordRow(0, "slammed", 4, 11), WordRow(0, "fiasco", 31, 37),
    WordRow(1, "Slammed", 4, 11), WordRow(1, "gushed", 20, 26),
]
MENTIONS = [MentionRow(0, "Ann", 0), MentionRow(1, "Ann", 0), MentionRow(1, "Bob", 16)]


def rows() -> dict[str | None, list[dict[str, tuple[bool, int]]]]:
    found = wording(words=[100, 100], loaded=LOADED, sentences=SENTENCES, mentions=MENTIONS)
    return {row.subject: [{u.term: (u.only, len(u.sentences)) for u in cell.terms} for cell in row.cells]
            for row in found}


def test_the_whole_article_row_counts_every_own_voice_word_and_marks_those_only_one_outlet_used() -> None:
    found = wording(words=[100, 100], loaded=LOADED, sentences=SENTENCES, mentions=MENTIONS)
    whole = found[0]
    assert whole.subject is None
    assert [(c.count, c.per_1000) for c in whole.cells] == [(2, 20.0), (2, 20.0)]
    assert rows()[None] == [{"fiasco": (True, 1), "slammed": (False, 1)},
                            {"gushed": (True, 1), "slammed": (False, 1)}]


def test_an_actor_gets_the_words_of_the_sentences_naming_it_and_their_rate() -> None:
    found = {row.subject: row for row in wording(words=[100, 100], loaded=LOADED, sentences=SENTENCES,
                                                 mentions=MENTIONS)}
    assert rows()["Ann"] == [{"slammed": (False, 1)}, {"slammed": (False, 1)}]
    assert rows()["Bob"] == [{}, {"gushed": (True, 1)}]
    ann = found["Ann"].cells
    assert [(c.count, c.words, c.per_1000) for c in ann] == [(1, 4, 250.0), (1, 3, 333.3)]
    assert found["Bob"].cells[0].words == 0  # article 0 never names Bob


def test_a_word_outside_every_sentence_still_counts_for_the_article() -> None:
    found = wording(words=[50], loaded=[WordRow(0, "bombshell", 60, 69)], sentences=SENTENCES[:2])
    assert [(u.term, u.sentences) for u in found[0].cells[0].terms] == [("bombshell", ((60, 69),))]


def test_one_word_in_other_quote_glyphs_is_one_word_not_two_used_only_here() -> None:
    found = wording(words=[100, 100], loaded=[WordRow(0, "“no”", 4, 8), WordRow(1, '"No"', 4, 8)],
                    sentences=SENTENCES[:1] + SENTENCES[2:3])
    assert [[(u.term, u.only) for u in cell.terms] for cell in found[0].cells] == [
        [('"no"', False)], [('"no"', False)]]


def test_a_rate_resting_on_a_handful_of_words_is_flagged_few_not_shown_as_dramatic() -> None:
    found = {row.subject: row for row in wording(words=[100, 100], loaded=LOADED, sentences=SENTENCES,
                                                 mentions=MENTIONS)}
    assert [c.few for c in found["Ann"].cells] == [True, True]  # one word in a 4-word sentence: "250 per 1,000"
    many = [WordRow(0, f"word{i}", i * 10, i * 10 + 5) for i in range(5)]
    long = wording(words=[400], loaded=many, sentences=[SentenceRow(0, 0, 60, 400)])
    assert long[0].cells[0].few is False and long[0].cells[0].per_1000 == 12.5
