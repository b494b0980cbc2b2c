"""No-break spaces and invisible characters (zero-width space, word joiner, BOM, soft
hyphen) in a title, byline or outlet come out as a text dump's do, whatever the format:
one plain space, nothing unseen; a body loses its invisible characters."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from articles.ingest import parse, whole_text_article
from articles.ingest.invisible import one_line

BODY = " ".join(["The ministers met for three hours and agreed on very little."] * 4)
TITLE = "Council\u00a0approves\u200b new\u202fbudget"  # no-break, zero-width, narrow no-break
BYLINE = "Jane\u00a0Doe\u2060"
OUTLET = "The\u00a0Daily\ufeff Ledger"


def _json() -> bytes:
    return json.dumps([{"title": TITLE, "author": BYLINE, "outlet": OUTLET,
                        "body": BODY + " zero\u200bwidth soft\u00adhyphen."}]).encode()


def _html() -> bytes:
    return (f"<html><head><title>{TITLE}</title><meta name='author' content='{BYLINE}'>"
            f"<meta property='og:site_name' content='{OUTLET}'></head><body><article><h1>{TITLE}</h1>"
            f"<p>{BODY} zero\u200bwidth soft\u00adhyphen.</p></article></body></html>").encode()


def _csv() -> bytes:
    return f'title,author,outlet,text\n"{TITLE}","{BYLINE}","{OUTLET}","{BODY} zero\u200bwidth."\n'.encode()


def _text() -> bytes:
    return f"{TITLE}\nBy {BYLINE}\nMarch 3, 2024\n\n{BODY} zero\u200bwidth.\n".encode()


def _zip() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.json", _json())
    return archive.getvalue()


@pytest.mark.parametrize(("name", "data"), [("a.json", _json), ("a.html", _html), ("a.csv", _csv),
                                            ("a.txt", _text), ("a.zip", _zip)])
def test_every_format_cleans_titles_bylines_and_outlets_the_same_way(name: str, data: object) -> None:
    article = parse(data(), name).articles[0]  # type: ignore[operator]
    assert article.title == "Council approves new budget"
    assert article.byline in ("Jane Doe", "")
    assert article.outlet in ("The Daily Ledger", "")
    assert not set(article.body) & set("\u200b\u2060\ufeff\u00ad")
    assert "zerowidth" in article.body


def test_json_keeps_its_byline_and_outlet_and_a_whole_text_its_title() -> None:
    article = parse(_json(), "a.json").articles[0]
    assert (article.byline, article.outlet) == ("Jane Doe", "The Daily Ledger")
    assert whole_text_article(f"{TITLE}\n\n{BODY}").title == "Council approves new budget"


def test_one_line_joins_and_trims_any_unicode_space() -> None:
    assert one_line("  A\u2007B\u3000\u00a0C\u200b \n") == "A B C"
