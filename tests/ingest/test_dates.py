from __future__ import annotations

import datetime as dt

import pytest

from articles.ingest.dates import find_date, match_date_line

APRIL_12 = dt.date(2017, 4, 12)


@pytest.mark.parametrize(
    "line",
    [
        "April 12, 2017",
        "Apr. 12, 2017 at 10:03 AM",
        "12 April 2017",
        "12 April, 2017",
        "12th April 2017",
        "2017-04-12",
        "2017-04-12T14:03:00Z",
        "Wed 12 Apr 2017 14.03 BST",
        "Wednesday, April 12, 2017 3:15PM EDT",
        "Published: April 12, 2017 10:03 a.m. ET",
        "Last modified on Wed 12 Apr 2017 16.41 BST",
        "Published 12 April 2017 | Updated 13 April 2017",
        "04/12/2017",
        "12.04.2017",
    ],
)
def test_a_date_stamp_line_in_common_news_formats_reads_as_12_april(line: str) -> None:
    stamp = match_date_line(line)
    assert stamp is not None
    assert stamp.value == APRIL_12


def test_a_relative_stamp_is_a_date_line_without_a_day() -> None:
    stamp = match_date_line("Updated 3 hours ago")
    assert stamp is not None
    assert stamp.value is None


@pytest.mark.parametrize(
    "line", ["Lavrov said on April 12, 2017 that", "12", "April, 2017", "Russia vetoes draft"]
)
def test_a_sentence_or_a_fragment_is_not_a_date_line(line: str) -> None:
    assert match_date_line(line) is None


def test_find_date_reads_metadata_strings() -> None:
    assert find_date("Wed, 12 Apr 2017 14:03:00 GMT") == APRIL_12
    assert find_date("2017-04-12T14:03:00+03:00") == APRIL_12
    assert find_date("31 April 2017") is None


@pytest.mark.parametrize(
    "line",
    [
        "Updated 9:12 AM ET, Thu March 2, 2017",  # time before the date
        "March 2, 2017 / 9:12 AM / Updated 9 years ago",  # parts split by slashes
        "March 2, 2017 · 9:12 AM ET",  # a bare time as one of the parts
    ],
)
def test_stamps_with_the_time_first_or_in_parts_of_their_own_are_read(line: str) -> None:
    stamp = match_date_line(line)
    assert stamp is not None and stamp.value == dt.date(2017, 3, 2)


@pytest.mark.parametrize("line", ["9:12 AM ET", "21:40", "9:12 AM / 3 years ago"])
def test_a_clock_without_a_date_is_not_a_date_line(line: str) -> None:
    assert match_date_line(line) is None


def test_years_ago_is_a_relative_stamp_without_a_day() -> None:
    stamp = match_date_line("Updated 9 years ago")
    assert stamp is not None and stamp.value is None
