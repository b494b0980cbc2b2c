"""A dump whose articles are headed by banner lines ("===== ARTICLE 2 (Outlet) — Headline")
splits at each banner, with the headline as title and the outlet in parentheses."""

from __future__ import annotations

import pytest

from articles.ingest import parse
from articles.ingest.banners import read_banner

BODY = ("The council met for three hours on Tuesday and approved the budget after a long debate "
        "about the libraries, the buses and the new pool.\n\nIt takes effect in May, officials said.\n\n")


def test_each_banner_starts_an_article_with_its_headline_and_outlet() -> None:
    dump = (
        "===== ARTICLE 0 (The Daily Ledger) — Council approves budget after long debate\n\n" + BODY
        + "===== ARTICLE 1 (Harbor Times) — Budget passes; pool plan survives\n\n"
        + "Budget passes; pool plan survives\n\n" + BODY
        + "===== ARTICLE 2 (Valley Post) — Council Backs Spending Plan\n\nSite Mobile Navigation\n\n"
        + "City Leaders Back Spending Plan After Long Debate\n\n" + BODY
    )
    articles = parse(dump.encode(), "event.txt").articles
    assert [(a.outlet, a.title) for a in articles] == [
        ("The Daily Ledger", "Council approves budget after long debate"),
        ("Harbor Times", "Budget passes; pool plan survives"),
        ("Valley Post", "Council Backs Spending Plan"),
    ]
    assert all(a.body.startswith("The council met") for a in articles), "the headline printed again is dropped"


@pytest.mark.parametrize(("line", "read"), [
    ("*** 3. Council approves budget — (The Daily Ledger)", ("Council approves budget", "The Daily Ledger")),
    ("### Council approves budget ###", ("Council approves budget", "")),
    ("----- 2017 figures show a rise", ("2017 figures show a rise", "")),
    ("### A section heading", None),  # Markdown inside an article
    ("-----", None),
    ("-- not a banner", None),
])
def test_what_reads_as_a_banner(line: str, read: tuple[str, str] | None) -> None:
    assert read_banner(line) == read
