from __future__ import annotations

import pytest

from articles.compare.lexical import (
    content_words,
    dot,
    event_weights,
    negated,
    numbers,
    stem,
    weighted_vector,
)


@pytest.mark.parametrize(("a", "b"), [
    ("vetoed", "veto"), ("attacks", "attack"), ("scored", "score"), ("agreed", "agree"),
    ("resolutions", "resolution"),
])
def test_inflected_forms_share_a_stem(a, b):
    assert stem(a) == stem(b)


def test_content_words_drop_stop_words_and_reporting_verbs_but_keep_numbers():
    assert content_words("Lavrov said that the US launched 59 missiles, according to him") == {
        "lavrov", "us", "launch", "59", "missil"}


def test_numbers_read_digits_and_number_words_alike():
    assert numbers("seven years, 2,300 dead, 7.8 magnitude, nineteen votes") == {
        "7", "2300", "7.8", "19"}
    assert numbers("one of the two sides") == {"2"}


@pytest.mark.parametrize(("text", "expected"), [
    ("They would not appeal", True), ("He didn’t vote", True), ("No one was hurt", True),
    ("Nothing notable happened at the nodal point", False),
])
def test_negation_is_found_in_the_raw_text(text, expected):
    assert negated(text) is expected


def test_a_word_most_claims_of_the_event_use_weighs_less_than_a_rare_one():
    claims = [content_words(t) for t in [
        "Russia vetoed the draft", "Russia met the US", "Russia and Syria are partners",
        "Russia criticised the strike"]]
    weights = event_weights(claims)
    assert weights["russia"] < weights["draft"] / 2


def test_word_vectors_have_unit_length_and_their_dot_is_a_cosine():
    weights = {"draft": 2.0, "veto": 1.0, "russia": 0.1}
    a = weighted_vector({"draft", "veto"}, weights)
    b = weighted_vector({"draft", "russia"}, weights)
    assert dot(a, a) == pytest.approx(1.0)
    assert dot(a, b) == pytest.approx(dot(b, a))
    assert 0 < dot(a, b) < 1
    assert weighted_vector({"unknown"}, weights) == {}
