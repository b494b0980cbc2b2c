from __future__ import annotations

import pytest

from articles.compare.summary import (
    densities,
    label_table,
    quote_kind_shares,
    quotes_per_speaker,
    reporting_verbs,
    speaker_order,
    summarize,
    voice_shares,
)
from articles.compare.types import (
    ClaimRow,
    Densities,
    LabelRow,
    MentionRow,
    QuoteKindShares,
    QuoteRow,
    SignalRow,
    SpeakerOrder,
    SpeakerQuotes,
    VerbUse,
    VoiceShares,
)


def quote(article, speaker, kind, length, position, cue="said", stance="neutral"):
    return QuoteRow(article, speaker, kind, cue, stance, "…", length, position)


QUOTES = [
    quote(0, "Sergey Lavrov", "direct", 10, 300),
    quote(0, "Sergey Lavrov", "indirect", 6, 100),
    quote(0, "Rex Tillerson", "mixed", 20, 200, cue="insisted", stance="emphatic"),
    quote(0, None, "direct", 4, 50),
    quote(1, "Rex Tillerson", "direct", 12, 80),
]


def test_quotes_are_counted_per_speaker_with_words_and_kinds():
    assert quotes_per_speaker(QUOTES) == [
        SpeakerQuotes(0, "Sergey Lavrov", 2, 16, 1, 1, 0),
        SpeakerQuotes(0, "Rex Tillerson", 1, 20, 0, 0, 1),
        SpeakerQuotes(0, None, 1, 4, 1, 0, 0),
        SpeakerQuotes(1, "Rex Tillerson", 1, 12, 1, 0, 0),
    ]


def test_quote_kinds_are_shares_and_an_article_without_quotes_gets_zeros():
    assert quote_kind_shares(QUOTES, 3) == [
        QuoteKindShares(0, 4, 0.5, 0.25, 0.25),
        QuoteKindShares(1, 1, 1.0, 0.0, 0.0),
        QuoteKindShares(2, 0, 0.0, 0.0, 0.0),
    ]


def test_claims_split_into_own_voice_and_attributed():
    claims = [ClaimRow(0, "own"), ClaimRow(0, "own"), ClaimRow(0, "attributed"),
              ClaimRow(1, "attributed", hedged=True)]
    assert voice_shares(claims, 2) == [
        VoiceShares(0, 3, 2, 1, pytest.approx(2 / 3), pytest.approx(1 / 3)),
        VoiceShares(1, 1, 0, 1, 0.0, 1.0),
    ]


def test_loaded_words_in_quotes_are_not_the_outlets_framing():
    signals = [
        SignalRow(0, "hedge", "alleged"),
        SignalRow(0, "scare_quote", "duty"),
        SignalRow(0, "loaded", "arrogant", category="insult"),
        SignalRow(0, "loaded", "fraudsters", in_quote=True),
        SignalRow(1, "hedge", "reportedly", in_quote=True),
    ]
    assert densities(signals, [500, 250]) == [
        Densities(0, 500, 2, 1, 1, 4.0, 2.0),
        Densities(1, 250, 0, 0, 0, 0.0, 0.0),
    ]


def test_an_empty_article_has_zero_density_rather_than_an_error():
    assert densities([], [0]) == [Densities(0, 0, 0, 0, 0, 0.0, 0.0)]


def test_reporting_verbs_are_counted_per_actor_with_their_stance():
    signals = [
        SignalRow(0, "reporting_verb", "Asserted", "emphatic", "Sergey Lavrov"),
        SignalRow(0, "reporting_verb", "said", "neutral", "Sergey Lavrov"),
        SignalRow(0, "reporting_verb", "asserted", "emphatic", "Sergey Lavrov"),
        SignalRow(0, "reporting_verb", "pointed  out", "endorsing", None),
        SignalRow(1, "reporting_verb", "claimed", "distancing", "Rex Tillerson"),
        SignalRow(1, "hedge", "allegedly"),
    ]
    assert reporting_verbs(signals) == [
        VerbUse(0, "Sergey Lavrov", "asserted", "emphatic", 2),
        VerbUse(0, "Sergey Lavrov", "said", "neutral", 1),
        VerbUse(0, None, "pointed out", "endorsing", 1),
        VerbUse(1, "Rex Tillerson", "claimed", "distancing", 1),
    ]


def test_the_labels_table_lists_each_articles_terms_for_each_subject():
    signals = [
        SignalRow(0, "label", "Russian Foreign Secretary", actor="Sergey Lavrov", position=40),
        SignalRow(0, "label", "chemical attack", position=90),
        SignalRow(0, "label", "Russian foreign secretary", actor="Sergey Lavrov", position=400),
        SignalRow(1, "label", "Foreign Minister", actor="Sergey Lavrov", position=10),
        SignalRow(1, "label", "alleged sarin gas attack", position=300),
        SignalRow(1, "label", "chemical attack", position=20),
        SignalRow(2, "label", "Secretary of State", actor="Rex Tillerson", position=5),
    ]
    assert label_table(signals, 3) == [
        LabelRow(None, (("chemical attack",), ("chemical attack", "alleged sarin gas attack"),
                        ())),
        LabelRow("Sergey Lavrov", (("Russian Foreign Secretary",), ("Foreign Minister",), ())),
        LabelRow("Rex Tillerson", ((), (), ("Secretary of State",))),
    ]


def test_speaker_order_follows_first_mention_and_first_quote():
    mentions = [MentionRow(0, "Rex Tillerson", 30), MentionRow(0, "Vladimir Putin", 60),
                MentionRow(0, "Sergey Lavrov", 20), MentionRow(0, "Rex Tillerson", 5)]
    assert speaker_order(mentions, QUOTES, 2) == [
        SpeakerOrder(0, ("Rex Tillerson", "Sergey Lavrov", "Vladimir Putin"),
                     ("Sergey Lavrov", "Rex Tillerson")),
        SpeakerOrder(1, (), ("Rex Tillerson",)),
    ]


def test_summarize_bundles_every_table_for_the_event():
    summary = summarize(words=[1000, 400], quotes=QUOTES, claims=[ClaimRow(1, "own")])
    assert len(summary.quote_kinds) == 2
    assert summary.voices[1] == VoiceShares(1, 1, 1, 0, 1.0, 0.0)
    assert summary.speakers[0].speaker == "Sergey Lavrov"
    assert summary.labels == ()
