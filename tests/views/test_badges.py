"""Speaker badges (initials shown before each quote) are unique within an event."""

from __future__ import annotations

from articles.web.pages import unique_badge


def test_two_actors_with_the_same_initials_get_different_badges() -> None:
    taken: set[str] = set()
    assert unique_badge("AG", "Al Gore", taken) == "AG"
    assert unique_badge("AG", "Amy Garcia", taken) == "AGa"
    assert unique_badge("AG", "Ann Garrett", taken) == "AGar"
    assert taken == {"AG", "AGa", "AGar"}


def test_a_name_too_short_to_extend_gets_a_number() -> None:
    taken = {"JB", "JBo"}
    assert unique_badge("JB", "Jo Bo", taken) == "JB2"
