from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.compare.diff import matching_quotes, quoted_words, word_diff
from articles.compare.types import DiffPiece, QuoteGroup


def test_a_word_changed_between_two_outlets_shows_as_delete_then_insert():
    assert word_diff("we understand each other better now",
                     "we understand each other much better") == [
        DiffPiece("equal", "we understand each other"),
        DiffPiece("insert", "much"),
        DiffPiece("equal", "better"),
        DiffPiece("delete", "now"),
    ]


def test_curly_and_straight_quotes_compare_equal():
    assert word_diff("the ‘duty’ of America", "the 'duty' of America") == [
        DiffPiece("equal", "the ‘duty’ of America"),
    ]


def test_identical_quotes_are_one_equal_piece_and_empty_quotes_no_piece():
    assert word_diff("cannot have this relationship", "cannot have this relationship") == [
        DiffPiece("equal", "cannot have this relationship"),
    ]
    assert word_diff("", "") == []


words = st.lists(st.sampled_from(["a", "b", "c", "Syria", "veto", "—"]), max_size=12)


@given(words, words)
def test_the_pieces_rebuild_both_quotes(a, b):
    pieces = word_diff(" ".join(a), " ".join(b))
    old = " ".join(p.text for p in pieces if p.op != "insert").split()
    new = " ".join(p.text for p in pieces if p.op != "delete").split()
    assert old == a
    assert [w.replace("—", "-") for w in new] == [w.replace("—", "-") for w in b]


def test_the_same_quote_in_three_articles_is_one_group_led_by_the_fullest():
    quotes = [
        (0, "the future of Syria has to be determined by the Syrians themselves", "Lavrov"),
        (0, "we understand each other better", "Lavrov"),
        (1, "The future of Syria has to be determined by the Syrians themselves, "
            "without any exemptions", "Sergei Lavrov"),
        (2, "the future of Syria has to be decided by Syrians", "Lavrov"),
        (2, "cannot have this relationship", "Tillerson"),
    ]
    # "Sergei Lavrov" is another name to this pure layer (the event's actors are one per person)
    assert matching_quotes(quotes) == [QuoteGroup(members=(0, 3), articles=(0, 2), speaker="Lavrov")]
    quotes[2] = (1, quotes[2][1], "Lavrov")
    assert matching_quotes(quotes) == [QuoteGroup(members=(2, 0, 3), articles=(1, 0, 2),
                                                  speaker="Lavrov")]


def test_the_same_words_from_different_speakers_are_not_the_same_quote():
    quotes = [
        (0, "we both believe in a unified and stable Syria", "Tillerson"),
        (1, "we both believe in a unified and stable Syria", "Lavrov"),
    ]
    assert matching_quotes(quotes) == []


def test_quotes_within_one_article_are_never_grouped():
    quotes = [(0, "remain an obstacle to an improvement in relations", "Tillerson")] * 2
    assert matching_quotes(quotes) == []


def test_quotes_that_share_only_a_few_words_stay_apart():
    quotes = [
        (0, "the situation in Ukraine will remain an obstacle", "Tillerson"),
        (1, "the situation in Libya has spiralled out of control", None),
    ]
    assert matching_quotes(quotes) == []


def test_a_statement_is_not_paired_with_another_sentence_that_shares_its_small_words():
    # Counted with "it is time for the ... to ... what happened", these overlap by 0.6.
    quotes = [
        (0, "It is time for the American people to know the truth about what happened", "Mark Meadows"),
        (1, "it is time for the bureau to change what happened at the top", None),
    ]
    assert matching_quotes(quotes) == []


@pytest.mark.parametrize("unknown", [None, "", "  "])
def test_a_quote_with_no_named_speaker_is_never_paired_even_word_for_word(unknown):
    # Issue 14: Mark Meadows' statement was paired with a sentence under "the report"
    # (a document: no actor), and an unnamed source may be anyone.
    statement = "It is time for the American people to know the truth about what happened"
    quotes = [
        (0, statement, "Mark Meadows"),
        (1, statement, unknown),
        (2, "it is time for the American people to know the truth about what happened here", unknown),
    ]
    assert matching_quotes(quotes) == []


def test_an_indirect_paraphrase_joins_the_direct_quote_it_renders_when_the_speaker_is_the_same():
    direct = "We are not going to reopen the government until we get the wall"  # quoted_words of the direct
    paraphrase = "he was not going to reopen the government until he got the wall"
    assert [g.members for g in matching_quotes([(0, direct, "Donald Trump"), (1, paraphrase, "Donald Trump")])] \
        == [(0, 1)]
    assert matching_quotes([(0, direct, "Donald Trump"), (1, paraphrase, "Nancy Pelosi")]) == []
    assert matching_quotes([(0, direct, "Donald Trump"), (1, paraphrase, None)]) == []


@pytest.mark.parametrize("paraphrase", [
    # the same speaker and topic, another statement
    "the wall would be paid for by the new trade deal with Mexico",
    # a statement of the same words that says the opposite
    "he was going to reopen the government until he got the wall",
    # one of the speaker's statements, a few words in common with the other
    "the government would stay closed for a very long time",
])
def test_a_paraphrase_of_another_statement_by_the_same_speaker_stays_apart(paraphrase):
    direct = "We are not going to reopen the government until we get the wall"
    assert matching_quotes([(0, direct, "Donald Trump"), (1, paraphrase, "Donald Trump")]) == []


def test_the_same_speaker_is_matched_whatever_the_case_of_the_name():
    quotes = [(0, "the future of Syria has to be determined by the Syrians", "Lavrov"),
              (1, "the future of Syria has to be determined by the Syrians", "LAVROV")]
    assert [g.members for g in matching_quotes(quotes)] == [(0, 1)]


def test_a_quote_inside_a_longer_rendering_matches_though_the_rest_says_not():
    quotes = [
        (0, "I understand why it upsets people", "Dana Holt"),
        (1, "I crossed the line. I understand why it upsets people. It wasn't funny. I get it.", "Dana Holt"),
    ]
    assert [g.articles for g in matching_quotes(quotes)] == [(1, 0)]


def test_a_rendering_that_says_not_in_the_shared_words_is_another_statement():
    quotes = [
        (0, "I understand why the plan upsets people", "Dana Holt"),
        (1, "I don't understand why the plan upsets people", "Dana Holt"),
    ]
    assert matching_quotes(quotes) == []


@pytest.mark.parametrize(("text", "words"), [
    ("We have no choice but to build a wall,” Mr. Trump said. “If we do not get a deal",
     "We have no choice but to build a wall … If we do not get a deal"),
    ('a wall," he said. "If we', "a wall … If we"),
    ("“we do not need 2,000 miles of wall”", "we do not need 2,000 miles of wall"),
    ("I said “no” to them", "I said “no” to them"),  # a quote inside the quote stays
    ('He said "yes" and left', 'He said "yes" and left'),
    ("plain words", "plain words"),
    # the marks pair as the quote finder pairs them (quote_marks.pair_marks)
    ("We need a wall,'' he said. ''If we do not", "We need a wall … If we do not"),  # the NYT archive's marks
    ("''We need a wall,'' Mr. Trump said.", "We need a wall"),
    ("‘We will win,’ she said.", "We will win"),  # single marks, British style
    ("the ‘reform’ package is bad", "the ‘reform’ package is bad"),
    ("“I said “no” to them”", "I said “no” to them"),
    ("We can't, we won't,\" Smith said. \"Never", "We can't, we won't … Never"),  # apostrophes are no marks
    ("“It’s over,” he said. “We’re done.”", "It’s over … We’re done."),
])
def test_quoted_words_leave_out_the_attribution_a_span_runs_over(text: str, words: str) -> None:
    assert quoted_words(text) == words


def test_a_full_stop_or_comma_after_a_word_is_not_a_wording_difference():
    # walk (event-07): "reopen the federal government" against "… government." showed the
    # last word struck out and added again
    assert word_diff("reopen the federal government", "reopen the federal government.") == [
        DiffPiece("equal", "reopen the federal government")
    ]
    assert [p.op for p in word_diff("is it a wall?", "is it a wall.")] == ["equal", "delete", "insert"]
