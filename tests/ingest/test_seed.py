from __future__ import annotations

import datetime as dt

import pytest

from articles.ingest import ParsedArticle, parse

from .conftest import SEED


@pytest.fixture(scope="module")
def articles() -> tuple[ParsedArticle, ...]:
    return parse(SEED.read_bytes(), SEED.name).articles


def test_the_seed_splits_into_its_three_articles(articles: tuple[ParsedArticle, ...]) -> None:
    assert [a.title for a in articles] == [
        "TILLERSON AND LAVROV HOLD PRESS CONFERENCE AFTER MEETING WITH PUTIN",
        "CHECKMATE: 5 ways Russia outwitted the US in one day",
        "Russia vetoes UN Security Council resolution on Syrian chemical weapons attack",
    ]


def test_each_seed_article_is_dated_12_april_2017(articles: tuple[ParsedArticle, ...]) -> None:
    assert [a.published for a in articles] == [dt.date(2017, 4, 12)] * 3


def test_only_the_opinion_piece_has_a_byline(articles: tuple[ParsedArticle, ...]) -> None:
    assert [a.byline for a in articles] == ["", "Adam Garrie", ""]


def test_the_seed_names_no_outlet_and_keeps_its_file_name(
    articles: tuple[ParsedArticle, ...],
) -> None:
    assert [a.outlet for a in articles] == ["", "", ""]
    assert {a.source_name for a in articles} == {SEED.name}


def test_section_headings_are_kept_as_heading_paragraphs(
    articles: tuple[ParsedArticle, ...],
) -> None:
    first, second, third = articles
    assert [first.paragraphs[i] for i in first.headings] == [
        "LAVROV’S PERSPECTIVE",
        "TILLERSON’S PERSPECTIVE",
        "NOTEWORTHY CONCLUSIONS",
    ]
    assert [second.paragraphs[i] for i in second.headings] == [
        "1. Morning In Moscow",
        "2. Russia Reaches Out To Her Middle East Partners",
        "3. Russia Faces Off the US, UK and France at the Security Council",
        "4. T. Rex Finally Meets Putin",
        "5. Sergey Lavrov Dominates A Press Conference With Rex Tillerson",
    ]
    assert third.headings == ()


def test_paragraphs_are_rebuilt_from_the_wrapped_fragments(
    articles: tuple[ParsedArticle, ...],
) -> None:
    first, second, third = articles
    assert first.paragraphs[0].startswith(
        "U.S. Secretary of State Rex Tillerson met with Vladimir Putin and Russian "
        "Foreign Secretary Sergei Lavrov today"
    )
    assert "It seems that the USA and Russia still don’t quite see eye-to-eye" in first.body
    assert (
        "Secretary of State Rex Tillerson continues to remark that Assad was behind"
        in first.paragraphs[first.headings[1] + 1]
    )
    assert second.paragraphs[0] == (
        "A powerhouse day of Russian diplomacy left the US with few cogent arguments for war."
    )
    assert third.paragraphs[0].startswith("Moscow has vetoed a draft resolution")
    assert len(first.paragraphs) == 14
    assert len(second.paragraphs) == 27
    assert len(third.paragraphs) == 11


def test_no_paragraph_starts_mid_sentence(articles: tuple[ParsedArticle, ...]) -> None:
    for article in articles:
        for paragraph in article.paragraphs:
            assert not paragraph[0].islower(), paragraph
            assert "\n" not in paragraph


def test_the_body_is_paragraphs_separated_by_one_blank_line(
    articles: tuple[ParsedArticle, ...],
) -> None:
    for article in articles:
        assert "\n\n\n" not in article.body
        assert article.body == article.body.strip()
        assert all(p == p.strip() and p for p in article.paragraphs)


@pytest.mark.parametrize("junk", ["No comments", "Post a Comment", "Stoltenberg", "Get Along"])
def test_footer_and_sidebar_lines_belong_to_no_article(
    articles: tuple[ParsedArticle, ...], junk: str
) -> None:
    for article in articles:
        assert junk not in article.body
        assert junk not in article.title


def test_the_last_article_ends_with_its_own_last_sentence(
    articles: tuple[ParsedArticle, ...],
) -> None:
    assert articles[2].paragraphs[-1] == (
        "The rebel forces controlling Khan Shaykhun were only asked to “provide delay-free "
        "and safe access” to the site of the reported incident."
    )
    assert articles[0].paragraphs[-1].endswith("cyber crime.")
    assert articles[1].paragraphs[-1].endswith("worn out from the experience.")


def test_quotes_and_typography_survive(articles: tuple[ParsedArticle, ...]) -> None:
    assert "“special envoys”" in articles[0].body
    assert "America’s ‘duty’" in articles[1].body
