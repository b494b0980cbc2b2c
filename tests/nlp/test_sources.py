"""Unnamed sources typed from the phrase as written (sources.py needs no parse)."""

from __future__ import annotations

import pytest

from articles.nlp.sources import actor_source_type, source_type_of


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("sources", "anonymous"),
        ("Administration officials", "anonymous"),
        ("a person familiar with the talks", "anonymous"),
        ("one senior aide, who asked not to be named", "anonymous"),
        ("experts", "group"),
        ("Experts", "group"),
        ("Police", "group"),
        ("the family", "group"),
        ("Nine in 10 registered voters", "group"),
        ("only a third of voters", "group"),
        ("a majority of the justices", "group"),
        ("dozens of residents", "group"),
        ("A group of senators", "group"),
        ("a bipartisan group of lawmakers", "group"),
        ("a handful of donors", "group"),
        ("a number of officials", "anonymous"),
        ("a couple of reports", "document"),
        ("a new Washington Post-ABC News poll", "document"),
        ("the letter", "document"),
        ("emails released on Friday", "document"),
        ("the newspaper", "media"),
        ("The New York Times", "media"),
        ("The Oregonian", "media"),
        ("the Los Angeles Times", "media"),
        ("he", "unknown"),
        ("Mr. Okafor", "unknown"),
        # a body the article could name is no anonymous source
        ("The administration", "unknown"),
        ("the government", "unknown"),
    ],
)
def test_an_unnamed_source_is_typed_by_its_head(phrase: str, expected: str) -> None:
    assert source_type_of(phrase) == expected


def test_a_resolved_outlet_is_the_media_and_a_person_an_actor() -> None:
    assert actor_source_type("organization", "Fox News") == "media"
    assert actor_source_type("organization", "The Oregonian") == "media"  # in the outlets list
    assert actor_source_type("organization", "White House") == "actor"
    assert actor_source_type("person", "Ann Post") == "actor"
    assert actor_source_type("document", "the report") == "document"


def test_an_outlet_name_counts_only_as_a_name() -> None:
    """"time" and "the hill" in running text are common words, not Time or The Hill."""
    assert source_type_of("The Hill") == "media"
    assert source_type_of("the hill") != "media"
    assert actor_source_type("organization", "Time Warner") == "actor"
    # a place, or one common word, is no outlet though the list has a magazine of that name
    assert actor_source_type("organization", "New York") == "actor"
    assert source_type_of("Reason") != "media"
    assert source_type_of("Dawn") != "media"
