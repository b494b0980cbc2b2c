"""Article boundaries and headers in layouts the seed does not show."""

from __future__ import annotations

import datetime as dt

from articles.ingest import parse

MARCH_2 = dt.date(2017, 3, 2)
PARA_A = (
    "Heavy rain flooded large parts of the city on Monday, and officials said more than "
    "two thousand families had been moved to schools and other shelters overnight."
)
PARA_B = (
    "The weather service warned that more storms were expected later in the week, and "
    "asked residents in low-lying districts to stay away from the river banks."
)


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse(text.encode("utf-8"), "dump.txt")


def test_a_date_printed_above_the_headline_belongs_to_the_next_article() -> None:
    dump = (
        f"Floods force thousands from their homes\nMarch 1, 2017\n\n{PARA_A}\n\n"
        f"02.03.2017\n\nStorm warning extended to the coast\n\n{PARA_B}\n"
    )
    first, second = _parse(dump).articles
    assert first.body == PARA_A
    assert (second.title, second.published, second.body) == (
        "Storm warning extended to the coast",
        MARCH_2,
        PARA_B,
    )


def test_an_outlet_line_and_navigation_above_the_headline_give_the_outlet() -> None:
    dump = (
        f"Floods force thousands from their homes\nMarch 1, 2017\n\n{PARA_A}\n"
        f"Sky News\nWorld | Asia\nUK\nStorm warning extended to the coast\n2 March 2017\n{PARA_B}\n"
    )
    first, second = _parse(dump).articles
    assert first.body == PARA_A
    assert (second.title, second.outlet, second.body) == (
        "Storm warning extended to the coast",
        "Sky News",
        PARA_B,
    )


def test_a_section_label_above_a_headline_is_not_a_title() -> None:
    dump = f"WORLD NEWS\nMarch 2, 2017 / 9:12 AM\nStorm warning extended to the coast\n\n{PARA_B}\n"
    (article,) = _parse(dump).articles
    assert (article.title, article.published, article.body) == (
        "Storm warning extended to the coast",
        MARCH_2,
        PARA_B,
    )


def test_a_long_title_case_line_between_paragraphs_starts_an_undated_article() -> None:
    dump = (
        f"Floods Force Thousands From Their Homes In The Capital\n\n{PARA_A}\n\n"
        f"Storm Warning Extended To The Whole Of The Coast\n\n{PARA_B}\n"
    )
    first, second = _parse(dump).articles
    assert (first.body, second.body) == (PARA_A, PARA_B)
    assert second.title == "Storm Warning Extended To The Whole Of The Coast"


def test_a_short_subhead_between_paragraphs_stays_in_its_article() -> None:
    dump = (
        f"Floods Force Thousands From Their Homes In The Capital\n\n{PARA_A}\n\n"
        f"What Comes Next\n\n{PARA_B}\n"
    )
    (article,) = _parse(dump).articles
    assert article.paragraphs == [PARA_A, "What Comes Next", PARA_B]
    assert article.headings == (1,)


def test_a_related_topics_menu_under_the_headline_does_not_end_the_article() -> None:
    dump = (
        "BBC News\nStorm warning extended to the coast\n2 March 2017\nShare\n"
        f"Related Topics\nWeather\nBangladesh\n{PARA_A}\n{PARA_B}\n"
    )
    (article,) = _parse(dump).articles
    assert (article.outlet, article.published) == ("BBC News", MARCH_2)
    assert article.paragraphs == [PARA_A, PARA_B]


def test_captions_and_credits_stay_out_of_headers_and_bodies() -> None:
    dump = (
        "Storm warning extended to the coast\n"
        "Photo: AFP\n"
        "Residents wade through a flooded street in Dhaka on Monday.\n"
        "By Rahim Uddin\nMarch 2, 2017\n"
        f"{PARA_A}\n"
        "Image\n"
        "A rescue boat on the river. Credit: Omar Haddad/Reuters\n"
        f"{PARA_B}\n"
    )
    (article,) = _parse(dump).articles
    assert (article.byline, article.published) == ("Rahim Uddin", MARCH_2)
    assert article.paragraphs == [PARA_A, PARA_B]


def test_a_wire_story_without_a_byline_takes_its_reporters_from_the_credit_line() -> None:
    dump = (
        "Storm warning extended to the coast\nMarch 2, 2017\n\n"
        f"DHAKA, March 2 (Reuters) - {PARA_B}\n\n"
        "(Reporting by Rahim Uddin; Editing by Ann Lee)\n"
    )
    (article,) = _parse(dump).articles
    assert (article.byline, article.outlet) == ("Rahim Uddin", "Reuters")
    assert article.paragraphs == [f"DHAKA, March 2 (Reuters) - {PARA_B}"]


def test_a_bare_name_under_the_date_above_share_buttons_is_the_byline() -> None:
    dump = (
        "Storm warning extended to the coast\nMarch 2, 2017 · 9:12 AM ET\nRahim Uddin\n"
        f"Facebook\nTwitter\n{PARA_A}\n"
    )
    (article,) = _parse(dump).articles
    assert (article.byline, article.published, article.body) == ("Rahim Uddin", MARCH_2, PARA_A)


def test_one_paragraph_a_line_copies_keep_a_question_subhead_as_a_heading() -> None:
    dump = f"Storm warning extended to the coast\nMarch 2, 2017\n{PARA_A}\nWhat happens next?\n{PARA_B}\n"
    (article,) = _parse(dump).articles
    assert article.paragraphs == [PARA_A, "What happens next?", PARA_B]
    assert article.headings == (1,)
