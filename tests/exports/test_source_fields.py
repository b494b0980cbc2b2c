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
