"""Article headers on layouts from issue 17: a byline line is never a title, dates split
over lines are read, and outlets come from the known-outlets file, header lines,
datelines, web addresses, page titles and "Source:" lines."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.ingest import ParsedArticle, parse
from articles.ingest.bylines import Byline, is_byline_line, parse_byline
from articles.ingest.dates import match_date_line
from articles.ingest.outlets import known_outlet, source_line_outlet, title_and_outlet

BODY = (
    "The council voted on Tuesday to keep all eleven library branches open on Sundays for "
    "another year, reversing a proposal to close six of them to save money.\n"
    "Members said usage had risen sharply since Sunday opening began last spring."
)


def _one(header: str) -> ParsedArticle:
    (article,) = parse(f"{header}\n{BODY}\n".encode(), "dump.txt").articles
    return article


def test_a_staff_reporter_line_is_the_byline_not_the_title() -> None:
    article = _one(
        "Council keeps library branches open on Sundays\n14\nMarch, 2022\n"
        "By Staff Reporter\nThe Daily Star"
    )
    assert (article.title, article.published, article.byline, article.outlet) == (
        "Council keeps library branches open on Sundays",
        dt.date(2022, 3, 14),
        "Staff Reporter",
        "The Daily Star",
    )


def test_a_day_line_and_a_month_year_line_are_the_date_lines_of_the_header() -> None:
    article = _one("Council keeps library branches open on Sundays\nTuesday\nOctober, 2019\nDawn")
    assert (article.title, article.published, article.outlet) == (
        "Council keeps library branches open on Sundays",
        None,
        "Dawn",
    )
    assert article.body.startswith("The council voted")


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        ("March\n5,\n2021", dt.date(2021, 3, 5)),
        ("Friday\n5 March\n2021", dt.date(2021, 3, 5)),
        ("12\nApril, 2017", dt.date(2017, 4, 12)),
    ],
)
def test_a_date_split_over_lines_is_read(lines: str, published: dt.date) -> None:
    article = _one(f"Council keeps library branches open on Sundays\n{lines}\nBy Jane Doe")
    assert (article.published, article.byline) == (published, "Jane Doe")


def test_an_outlet_and_date_line_under_the_headline_gives_both() -> None:
    article = _one("Council keeps library branches open on Sundays\nFox News · 2016-09-29")
    assert (article.outlet, article.published) == ("Fox News", dt.date(2016, 9, 29))
    assert "Fox News" not in article.body


def test_a_name_outlet_and_date_line_gives_all_three() -> None:
    article = _one(
        "Council keeps library branches open on Sundays\n"
        "Jane Doe · CBC News · Posted: Mar 05, 2021 4:00 AM ET"
    )
    assert (article.byline, article.outlet, article.published) == (
        "Jane Doe",
        "CBC News",
        dt.date(2021, 3, 5),
    )


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Staff Reporter", Byline("Staff Reporter")),
        ("By political reporter Jane Norrie", Byline("Jane Norrie")),
        ("Reporter: Daniel Oyelaran", Byline("Daniel Oyelaran")),
        ("Helena Voss Environment correspondent", Byline("Helena Voss")),
        ("BY MARGARET KLINE AND TOMAS WEST", Byline("Margaret Kline and Tomas West")),
        ("By EMMA RUTLEDGE FOR MAILONLINE", Byline("Emma Rutledge", "Daily Mail")),
        ("Maria Castellanos, CNN", Byline("Maria Castellanos", "CNN")),
        ("Express News Service", Byline("Express News Service")),
    ],
)
def test_bylines_in_many_forms(line: str, byline: Byline) -> None:
    assert parse_byline(line) == byline


@pytest.mark.parametrize(
    "line", ["Edited by Alan Harker", "Local government reporter", "Photographs by Kofi Mensah"]
)
def test_credit_and_role_lines_are_byline_lines(line: str) -> None:
    assert is_byline_line(line)


@pytest.mark.parametrize(
    "line", ["Police detain two reporters", "Editor quits over leaked memo", "Officials minister"]
)
def test_headlines_about_reporters_are_not_byline_lines(line: str) -> None:
    assert not is_byline_line(line)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("AP", "Associated Press"),
        ("REUTERS", "Reuters"),
        ("https://www.theatlantic.com/ideas/archive/2022/10/x/671234/", "The Atlantic"),
        ("finance.yahoo.com", "Yahoo Finance"),
        ("The Guardian - Back to home", "The Guardian"),
        ("Jane Doe", ""),
        ("World", ""),
    ],
)
def test_known_outlets_by_name_other_name_or_domain(text: str, outlet: str) -> None:
    assert known_outlet(text) == outlet


def test_source_lines_and_page_titles_name_the_outlet() -> None:
    assert source_line_outlet("Source: The Herald") == "The Herald"
    assert source_line_outlet(
        "This article is republished from The Conversation under a Creative Commons license."
    ) == "The Conversation"
    assert source_line_outlet("Source: a friend of the minister") == ""
    assert title_and_outlet("Mining firm fined over pollution - BBC News") == (
        "Mining firm fined over pollution",
        "BBC News",
    )
    assert title_and_outlet("Syria - the view from Moscow") == ("Syria - the view from Moscow", "")


def test_a_press_release_dateline_marks_the_article_and_gives_outlet_and_date() -> None:
    article = _one(
        "Halvorsen Maritime Orders Four Supply Vessels\n"
        "OSLO, Norway, Feb. 21, 2023 /PRNewswire/ -- Halvorsen Maritime ASA today announced "
        "an order."
    )
    assert (article.outlet, article.published) == ("PR Newswire", dt.date(2023, 2, 21))
    assert article.body.startswith("OSLO, Norway")


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Updated: 04/03/2022 - 14:20", dt.date(2022, 3, 4)),
        ("04/03/2022 04:30 PM EDT", dt.date(2022, 4, 3)),
        ("BY JONAH VELASCO - 04/04/22 10:14 AM ET", None),
        ("04/04/22 10:14 AM ET", dt.date(2022, 4, 4)),
        ("Published : Apr 4, 2022 - 17:20", dt.date(2022, 4, 4)),
    ],
)
def test_date_lines_with_clocks_labels_and_short_years(
    line: str, published: dt.date | None
) -> None:
    stamp = match_date_line(line)
    assert (stamp.value if stamp is not None else None) == published


def test_a_dek_under_the_headline_stays_in_the_body() -> None:
    article = _one(
        "Nurses vote to accept revised pay offer after months of strikes\n"
        "Union says members backed the deal by a narrow margin\nBy Sarah Holt\n4 April 2023"
    )
    assert article.title == "Nurses vote to accept revised pay offer after months of strikes"
    assert article.body.startswith("Union says members backed the deal")
    assert article.byline == "Sarah Holt"


def test_a_name_right_under_the_date_and_above_the_body_is_the_byline() -> None:
    article = _one("The Long Road Back for Small Farm Dairies\nApril 4, 2023 · 6:00 AM ET\nMaria Lindqvist")
    assert (article.byline, article.published) == ("Maria Lindqvist", dt.date(2023, 4, 4))
    assert _one("Dutch farmers block motorways\n4 April 2023\nThe Hague").byline == ""


def test_bare_desk_bylines_and_an_outlet_with_its_agency() -> None:
    assert _one("Cotton growers demand higher support price\nOur Correspondent\n4 April 2023").byline == (
        "Our Correspondent"
    )
    article = _one(
        "Alpine towns ration water after dry winter\n"
        "By France 24 with Reuters • Updated: 04/04/2023 - 16:45"
    )
    assert (article.byline, article.outlet, article.published) == (
        "",
        "France 24",
        dt.date(2023, 4, 4),
    )


def test_a_masthead_far_above_the_first_article_is_its_outlet() -> None:
    nav = "\n".join(["Sign in", "Home", "World", "Companies", "Tech", "Markets", "Climate"] * 2)
    text = f"Financial Times\n{nav}\nShipping groups warn of higher costs\nBy Harriet Okonjo\n4 April 2023\n{BODY}\n"
    (article,) = parse(text.encode(), "page.txt").articles
    assert article.outlet == "Financial Times"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Copyright 2022 The Associated Press. All rights reserved.", "Associated Press"),
        ("© 2022 Reuters", "Reuters"),
        ("The post City approves budget appeared first on The Texas Tribune.", "The Texas Tribune"),
        ("— Australian Associated Press", "Australian Associated Press"),
        ("via CBC News", "CBC News"),
    ],
)
def test_copyright_repost_and_sign_off_lines_name_the_outlet(line: str, outlet: str) -> None:
    assert source_line_outlet(line) == outlet


def test_the_seed_names_no_outlet_for_any_of_its_articles(seed_bytes: bytes) -> None:
    # Its blog layout has no masthead, source line or dateline: unknown is right (issue 17).
    assert [a.outlet for a in parse(seed_bytes, "seed.txt").articles] == ["", "", ""]


@pytest.mark.parametrize("paper", ["The Daily Ledger", "Metro Tribune", "Valley Courier"])
def test_a_paper_the_outlet_list_does_not_know_is_read_between_the_byline_and_the_date(paper: str) -> None:
    article = _one(f"Council keeps library branches open on Sundays\nBy Jane Porter\n{paper}\n5 March 2024\n")
    assert (article.title, article.byline, article.outlet) == (
        "Council keeps library branches open on Sundays", "Jane Porter", paper)
    assert article.published == dt.date(2024, 3, 5) and article.body.startswith("The council voted")


def test_a_paper_like_line_with_no_byline_above_stays_the_next_articles_headline() -> None:
    dump = (f"Council keeps library branches open\n4 March 2024\n{BODY}\n\n"
            f"The Daily Ledger\n5 March 2024\n{BODY.replace('eleven', 'twelve')}\n")
    assert [a.title for a in parse(dump.encode(), "dump.txt").articles] == [
        "Council keeps library branches open", "The Daily Ledger"]
