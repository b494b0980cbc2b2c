from __future__ import annotations

import pytest

from articles.ingest.bylines import Byline, dateline_outlet, is_name, parse_byline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tom Ochieng, Staff Writer", Byline("Tom Ochieng")),
        ("By Lena Fischer, Political correspondent", Byline("Lena Fischer")),
        ("By PRIYA NAIR and OMAR HADDAD", Byline("Priya Nair and Omar Haddad")),
        ("By Lena Fischer and Tom Ochieng, CNN", Byline("Lena Fischer and Tom Ochieng", "CNN")),
    ],
)
def test_bylines_with_a_role_shouting_or_an_outlet_give_the_names(
    line: str, expected: Byline
) -> None:
    assert parse_byline(line) == expected


def test_a_role_is_not_a_personal_name() -> None:
    assert not is_name("Tom Ochieng, Staff Writer")
    assert is_name("Tom Ochieng")


def test_a_sentence_with_a_comma_is_not_a_byline() -> None:
    assert parse_byline("Officials met on Monday, the ministry said") is None


def test_a_dateline_with_a_day_names_its_agency() -> None:
    assert dateline_outlet("NAIROBI, March 2 (Reuters) - Kenya's central bank ...") == "Reuters"
