"""A quote's stored source columns keep the phrase of a source the text names."""

from __future__ import annotations

from articles.services.analysis_store import source_fields


def test_a_named_source_without_an_actor_row_keeps_its_phrase():
    fields = source_fields("The chairman of the banking panel", "actor", {})
    assert fields == {"speaker": None, "source_phrase": "The chairman of the banking panel", "source_type": "unknown"}


def test_an_unnamed_source_keeps_its_phrase_and_type():
    fields = source_fields("administration officials", "anonymous", {})
    assert fields == {"speaker": None, "source_phrase": "administration officials", "source_type": "anonymous"}


def test_no_source_stays_empty():
    assert source_fields(None, "unknown", {}) == {"speaker": None, "source_phrase": "", "source_type": "unknown"}


def test_a_phrase_nobody_resolved_leaves_as_unknown_and_an_actor_as_actor():
    # the event page showed "Trump (unknown)" while the export said `actor`
    from types import SimpleNamespace

    from articles.services.event_json import quote_json

    row = SimpleNamespace(text="his support for the bill", kind="indirect", source_type="unknown",
                          speaker_mention="Trump's", cue="support", start=0, end=24, confidence=0.6,
                          cue_start=None, cue_end=None, mention_start=None, mention_end=None)
    assert quote_json(row, speaker="Trump", attribution="machine")["source_type"] == "unknown"
    # an editor who names the actor and leaves the type as it was
    assert quote_json(row, speaker="Donald Trump", attribution="human", actor=True)["source_type"] == "actor"
