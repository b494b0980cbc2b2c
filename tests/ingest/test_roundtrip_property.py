"""A clean article, mangled the ways copied web text is, parses back to itself."""

from __future__ import annotations

import datetime as dt
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest import parse

from .conftest import FIXTURES


def _word_groups() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for line in (FIXTURES / "roundtrip_words.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, words = line.partition(":")
            groups[name] = words.split()
    return groups


_GROUPS = _word_groups()
WORDS, STARTERS = _GROUPS["WORDS"], _GROUPS["STARTERS"]
FIRST_NAMES, LAST_NAMES = _GROUPS["FIRST_NAMES"], _GROUPS["LAST_NAMES"]

OTHER_BEFORE = (
    "Earlier talks produced a framework for the region\n"
    "April 1, 2017\n"
    "The\n"
    "framework was agreed after long negotiations between the two delegations, officials\n"
    "said on Saturday, and will be reviewed by the council next month.\n"
    "Both\n"
    "delegations described the atmosphere as constructive.\n"
)
OTHER_AFTER = (
    "Council postpones its vote on the draft resolution\n"
    "2 May 2017\n"
    "The\n"
    "council postponed the vote by one week after members asked for more time to study\n"
    "the proposal, according to two diplomats familiar with the discussions.\n"
    "A\n"
    "new date has not been set, and several members said they expected further changes to\n"
    "the text before it is put to a vote.\n"
    "Trump\n"
    "meets NATO chief in Washington\n"
    "Ministers\n"
    "agree new sanctions package\n"
    "No comments:\n"
    "Post a Comment\n"
    "Note: only a member of this blog may post a comment.\n"
    "Newer Post Older Post Home\n"
    "Subscribe to: Post Comments (Atom)\n"
)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(STARTERS))
    rest = draw(st.lists(st.sampled_from(WORDS), min_size=5, max_size=14))
    return " ".join([first, *rest]) + "."


@st.composite
def articles(draw: st.DrawFn) -> dict[str, object]:
    title_words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=9))
    title = " ".join([draw(st.sampled_from(STARTERS)), *title_words])
    paragraphs = draw(
        st.lists(
            st.lists(sentences(), min_size=2, max_size=4).map(" ".join),
            min_size=3,
            max_size=6,
        )
    )
    published = draw(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)))
    has_byline = draw(st.booleans())
    name = f"{draw(st.sampled_from(FIRST_NAMES))} {draw(st.sampled_from(LAST_NAMES))}"
    return {
        "title": title,
        "paragraphs": paragraphs,
        "published": published,
        "byline": name if has_byline else "",
    }


def render_date(day: dt.date, style: int) -> list[str]:
    month = day.strftime("%B")
    return [
        [f"{month} {day.day}, {day.year}"],
        [f"{day.day} {month} {day.year}"],
        [day.isoformat()],
        [f"{day.strftime('%a')} {day.day} {day.strftime('%b')} {day.year} 14.03 BST"],
        [f"Published: {month} {day.day}, {day.year} 10:03 AM"],
        [str(day.day), f"{month}, {day.year}"],
    ][style]


def render_byline(name: str, style: int) -> list[str]:
    if not name:
        return []
    return [[f"By {name}"], [f"{name} | Reuters"], name.split()][style]


def render_body(paragraphs: list[str], style: int, width: int) -> list[str]:
    lines: list[str] = []
    for n, paragraph in enumerate(paragraphs):
        if style == 0:  # first word alone, then hard-wrapped (the seed's shape)
            first, rest = paragraph.split(" ", 1)
            lines += [first, *textwrap.wrap(rest, width, break_on_hyphens=False)]
        elif style == 1:  # hard-wrapped, blank line between paragraphs
            lines += ([""] if n else []) + textwrap.wrap(paragraph, width)
        else:  # one paragraph a line
            lines.append(paragraph)
        if n == 1:
            lines.append("Share this")  # a widget stranded between paragraphs
    return lines


@settings(max_examples=150, deadline=None)
@given(
    article=articles(),
    date_style=st.integers(0, 5),
    byline_style=st.integers(0, 2),
    body_style=st.integers(0, 2),
    width=st.integers(40, 100),
)
def test_a_wrapped_article_among_others_parses_back_to_itself(
    article: dict[str, object],
    date_style: int,
    byline_style: int,
    body_style: int,
    width: int,
) -> None:
    title = str(article["title"])
    published = article["published"]
    assert isinstance(published, dt.date)
    byline = str(article["byline"])
    paragraphs = list(article["paragraphs"])  # type: ignore[call-overload]
    header = [title]
    if byline_style == 2:  # a bare split name is only a byline above the date
        header += render_byline(byline, 2) + render_date(published, date_style)
    else:
        header += render_date(published, date_style) + render_byline(byline, byline_style)
    dump = "\n".join(
        [
            OTHER_BEFORE,
            *header,
            *render_body(paragraphs, body_style, width),
            OTHER_AFTER,
        ]
    )
    result = parse(dump.encode("utf-8"), "dump.txt")
    assert [a.title for a in result.articles] == [
        "Earlier talks produced a framework for the region",
        title,
        "Council postpones its vote on the draft resolution",
    ]
    parsed = result.articles[1]
    assert parsed.published == published
    assert parsed.byline == byline
    assert parsed.body == "\n\n".join(paragraphs)
    assert result.articles[2].body.endswith("before it is put to a vote.")
