"""Page furniture: photo captions and credits, credit lines, site chrome."""

from __future__ import annotations

import pytest

from articles.ingest.boilerplate import (
    caption_lines,
    credited_names,
    is_boilerplate,
    is_credit_line,
)


def test_a_caption_before_a_trailing_credit_is_furniture() -> None:
    lines = [
        "Flood waters rise in the capital",
        "",
        "Residents wade through a flooded street in Dhaka on Monday.",
        "(AP Photo/Rahim Uddin)",
        "",
        "Heavy rain flooded large parts of the city on Monday, officials said.",
    ]
    assert caption_lines(lines) == {2, 3}


def test_a_leading_credit_or_label_takes_the_caption_after_it() -> None:
    lines = [
        "Flood waters rise in the capital",
        "Photo: AFP",
        "Residents wade through a flooded street in Dhaka on Monday.",
        "By Rahim Uddin",
        "Image source, Getty Images",
        "Image caption,",
        "Rescue teams used boats to reach stranded families",
        "Heavy rain flooded large parts of the city on Monday, officials said.",
    ]
    assert caption_lines(lines) == {1, 2, 4, 5, 6}


def test_an_unpunctuated_line_over_a_byline_is_a_headline_not_a_caption() -> None:
    lines = ["Photo: AFP", "Rescue teams reach stranded families", "By Rahim Uddin"]
    assert caption_lines(lines) == {0}


def test_a_caption_with_its_credit_on_the_same_line_is_furniture() -> None:
    lines = ["Rescue teams at work on Monday. Photograph: Rahim Uddin/AFP", "Text goes on."]
    assert caption_lines(lines) == {0}


@pytest.mark.parametrize(
    "text",
    [
        "(Reporting by Lena Fischer; Editing by Tom Ochieng)",
        "Additional reporting by Omar Haddad in Cairo",
        "Associated Press writers Priya Nair and Omar Haddad contributed to this report.",
        "Omar Haddad contributed reporting from Cairo.",
    ],
)
def test_wire_credit_lines_are_recognised(text: str) -> None:
    assert is_credit_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "Falling exports contributed to the slowdown, the ministry said.",
        "The report was edited by the ministry before publication.",
    ],
)
def test_sentences_about_reporting_are_not_credit_lines(text: str) -> None:
    assert not is_credit_line(text)


def test_a_credit_line_names_its_reporters_but_not_its_editors() -> None:
    assert credited_names("(Reporting by Lena Fischer and Tom Ochieng; Editing by Ann Lee)") == (
        "Lena Fischer and Tom Ochieng"
    )
    assert credited_names("Editing by Ann Lee") == ""


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to improve your experience on our site.",
        "Skip to main content",
        "Read more: Floods hit the capital for the third year",
        "Related: Floods hit the capital for the third year",
        "Sign up for our weekly newsletter on climate and the environment.",
        "You can unsubscribe at any time.",
        "See 48 comments",
        "Link Copied!",
        "Source: News agencies",
    ],
)
def test_site_chrome_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read the full statement, he said, before deciding.",
        "Residents were told to sign up for evacuation buses.",
    ],
)
def test_sentences_that_mention_chrome_words_are_text(line: str) -> None:
    assert not is_boilerplate(line)
