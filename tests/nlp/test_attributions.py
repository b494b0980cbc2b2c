"""Beliefs and findings in PolNeAR's sense, read by the learned model (attributions.py)."""

from __future__ import annotations

import pytest

from articles.nlp.attributions import MODEL_PATH


def test_the_model_ships_small_and_credits_polnear() -> None:
    assert MODEL_PATH.stat().st_size < 300_000
    assert "PolNeAR" in MODEL_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "cue", "content", "source_type"),
    [
        ("Senator Ann Okafor believes that the tax plan will fail.", "believes", "the tax plan will fail", "actor"),
        ("A new poll shows that most voters oppose the plan.", "shows", "most voters oppose the plan", "document"),
        ("Party leaders fear the nominee will lose the state.", "fear", "the nominee will lose the state", "group"),
    ],
)
def test_a_belief_or_a_finding_is_an_indirect_quote(quotes_of, text, cue, content, source_type):
    assert [(q.cue, q.text, q.kind, q.source_type) for q in quotes_of(text)] == [
        (cue, content, "indirect", source_type)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor visited the new library on Monday.",
        "We believe that the tax plan will fail.",
        "Okafor did not think the plan would pass.",
        "The state assembly voted on Tuesday to repeal the curfew imposed last spring.",
        "The governor vetoed the measure.",
        "The new rule prevents landlords from raising rents during the winter months.",
        "The strike closed in on its third week as talks stalled.",
        "Premier Ann Lowe attacked the opposition.",
        "Gov. Carl Brandt on Wednesday named his former chief of staff, Owen Pike, to the vacant seat.",
        "The mayor appointed a retired judge to lead the inquiry into the contracts.",
        "Marta Quill, 34, pleaded guilty to fraud on Monday.",
    ],
)
def test_an_act_the_writers_view_or_a_negation_is_not_a_quote(quotes_of, text):
    assert quotes_of(text) == []


def test_a_participle_after_a_quote_is_asked_about_with_its_speaker(nlp):
    from articles.nlp.attributions import candidates

    doc = nlp("“It is a disaster,” Okafor said, referring to the new tariffs on steel.")
    referring = next(t for t in doc if t.lower_ == "referring")
    assert [(c.subject.text, doc[c.start : c.end].text) for c in candidates(referring)] == [
        ("Okafor", "the new tariffs on steel")
    ]


def test_a_cue_word_whose_rule_found_no_content_is_asked_about(nlp):
    from articles.nlp.quotes import unclaimed_verbs

    doc = nlp("The senator praised the new tariffs. She said that they would save jobs.")
    assert "praised" in [t.text for t in unclaimed_verbs(doc)]
    assert "said" not in [t.text for t in unclaimed_verbs(doc)]


@pytest.mark.parametrize(
    "text", ["The company declined to comment.", "A spokeswoman for the council refused to elaborate."]
)
def test_declining_to_comment_says_nothing(quotes_of, text):
    assert quotes_of(text) == []


def test_the_parsers_own_vectors_count_and_a_doc_without_them_still_scores(nlp):
    import numpy as np

    from articles.nlp.attributions import DENSE_PARTS, candidates, dense_inputs, probability

    doc = nlp("Senator Ann Okafor contends that the tax plan will fail.")
    verb = next(t for t in doc if t.lower_ == "contends")
    candidate = candidates(verb)[0]
    assert dense_inputs(candidate).shape == (len(DENSE_PARTS) * doc.tensor.shape[1],)
    with_vectors = probability(candidate)
    doc.tensor = np.zeros((0, 0), dtype=np.float32)  # as a Doc read back from a DocBin
    assert dense_inputs(candidate).shape == (0,)
    assert 0.0 < probability(candidate) < 1.0 and probability(candidate) != with_vectors
