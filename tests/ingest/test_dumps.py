"""Multi-article dumps in other house styles than the seed."""

from __future__ import annotations

import datetime as dt

from articles.ingest import parse

from .conftest import fixture_bytes

APRIL_12 = dt.date(2017, 4, 12)


def _parse(name: str):  # type: ignore[no-untyped-def]
    return parse(fixture_bytes(name), name)


def test_a_wire_dump_splits_on_titles_with_pipe_and_comma_bylines() -> None:
    first, second = _parse("wire_reuters.txt").articles
    assert first.title == "Tillerson says U.S.-Russia ties at low point after Moscow talks"
    assert first.byline == "Jonathan Landis and Andrea Osborne"
    assert second.title == "Russia blocks U.N. Security Council draft on Syria gas attack"
    assert second.byline == "Michelle Nichols"
    assert (first.outlet, second.outlet) == ("Reuters", "Reuters")
    assert (first.published, second.published) == (APRIL_12, APRIL_12)


def test_a_wire_story_keeps_its_dateline_and_paragraphs_but_not_its_credit_line() -> None:
    # The credit line ("Reporting by ...; Editing by ...") names who worked on the story;
    # it is not the story's text (issue 3's held-out dumps).
    first, second = _parse("wire_reuters.txt").articles
    assert first.paragraphs[0].startswith("MOSCOW (Reuters) - U.S. Secretary of State")
    assert len(first.paragraphs) == 3
    assert second.paragraphs[0].startswith("UNITED NATIONS (Reuters) - Russia on Wednesday")
    assert second.paragraphs[-1].endswith("prejudged the outcome of an investigation.")
    assert "Reporting by" not in first.body + second.body
    assert "Share this" not in first.body


def test_a_guardian_style_page_reads_the_byline_with_places_and_the_bst_stamp() -> None:
    first, second = _parse("guardian_like.txt").articles
    assert first.title == "Tillerson and Lavrov trade barbs over Syria in frosty Moscow meeting"
    assert first.byline == "Shaun Walters and Julia Borgen"
    assert first.published == APRIL_12
    assert second.title == "Russia vetoes UN resolution condemning Syria chemical attack"
    assert second.byline == "Julia Borgen"
    assert second.published == APRIL_12


def test_a_guardian_style_page_keeps_the_standfirst_and_subhead_but_not_the_furniture() -> None:
    first, second = _parse("guardian_like.txt").articles
    assert first.paragraphs[0].startswith("US secretary of state says trust")
    assert [first.paragraphs[i] for i in first.headings] == ["Divisions over Assad"]
    for junk in ("First published", "Share on", "Topics", "Most viewed", "all-time low"):
        assert junk not in first.body
        assert junk not in second.body
    assert second.paragraphs[-1].endswith("had to come before any conclusions.")


def test_a_blog_dump_drops_navigation_share_and_comment_widgets() -> None:
    result = _parse("blog_share_junk.txt")
    first, second = result.articles
    assert first.title == "Why Moscow is not impressed by Washington’s threats"
    assert second.title == "The veto nobody should be surprised by"
    assert (first.byline, second.byline) == ("Maria Petrova", "Maria Petrova")
    assert (first.published, second.published) == (APRIL_12, dt.date(2017, 4, 13))
    for article in result.articles:
        for junk in ("Share this", "Like Loading", "Leave a Reply", "Recent Posts", "sanctions"):
            assert junk not in article.body


def test_a_blog_dump_with_one_paragraph_a_line_keeps_each_paragraph() -> None:
    first, second = _parse("blog_share_junk.txt").articles
    assert first.paragraphs == [
        "Secretary Tillerson arrived in Moscow expecting to dictate terms. "
        "He left with nothing of the sort.",
        "Russia’s position on Syria has not moved an inch, and the Kremlin made sure everyone "
        "knew it by keeping the American visitor waiting for hours before a meeting with "
        "President Putin.",
        "Lavrov, for his part, delivered a lecture on Iraq and Libya that the State Department "
        "will not enjoy reading.",
    ]
    assert len(second.paragraphs) == 3


def test_a_70_column_dump_splits_at_the_separator_and_reads_iso_dates() -> None:
    first, second = _parse("wrapped_70.txt").articles
    assert (first.title, first.byline) == (
        "Diplomats see little progress after Moscow talks",
        "Elena Marsh",
    )
    assert (second.title, second.byline) == (
        "Security Council vote ends in another Russian veto",
        "Tomas Keller",
    )
    assert (first.published, second.published) == (APRIL_12, APRIL_12)
    assert (len(first.paragraphs), len(second.paragraphs)) == (3, 3)


def test_a_70_column_dump_joins_wrapped_hyphenation_and_keeps_compounds() -> None:
    first, second = _parse("wrapped_70.txt").articles
    assert first.paragraphs[0].startswith(
        "Two hours of talks between the US secretary of state and the Russian president"
    )
    assert "investigated by independent inspectors" in first.body
    assert "the American president prepares for his re-election campaign" in first.body
    assert "a well-known deal with the Russian government." in first.body
    assert "the Syrian government to hand over" in second.body
    assert "the guilt of Damascus and that a fact-finding mission" in second.body


def test_articles_without_dates_split_at_separators_and_double_blank_lines() -> None:
    body = (
        "Officials said on Wednesday that the talks had ended without agreement, and that "
        "both delegations would report back to their governments before the next round."
    )
    dump = (
        f"First story about the talks\n\n{body}\n\n----\n\n"
        f"Second story about the vote\n\n{body}\n\n\n\n"
        f"Third story about the summit\n\n{body}\n"
    )
    result = parse(dump.encode(), "plain.txt")
    assert [a.title for a in result.articles] == [
        "First story about the talks",
        "Second story about the vote",
        "Third story about the summit",
    ]
    assert all(a.body == body and a.published is None for a in result.articles)
