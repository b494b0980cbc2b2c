"""CSV and TSV tables of articles (Media Cloud, scrapers, spreadsheets)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator

import pytest

from articles.ingest import IngestError, parse
from articles.ingest.formats.json_articles import articles_of_records
from articles.ingest.formats.limits import Limits

BODY = ("The council approved the budget on Tuesday after a long debate, officials said.\n\n"
        "The mayor promised a review of spending, \"line by line\", in the coming months.")


def _csv(rows: list[list[str]], separator: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_a_media_cloud_export_becomes_articles_by_column_name() -> None:
    table = _csv([
        ["id", "indexed_date", "language", "media_name", "media_url", "publish_date", "title", "url", "text"],
        ["1", "2024-03-06", "en", "The Daily Ledger", "ledger.example", "2024-03-05 09:12:00",
         "Council approves the city budget", "https://ledger.example/budget", BODY],
        ["2", "2024-03-07", "en", "Morning Post", "post.example", "2024-03-06", "Mayor attacks the plan",
         "https://post.example/plan", "The mayor said the plan was wrong, and said so twice."],
    ])
    result = parse(table.encode(), "mediacloud.csv")
    first, second = result.articles
    assert (first.title, first.outlet, first.published, first.url) == (
        "Council approves the city budget", "The Daily Ledger", dt.date(2024, 3, 5), "https://ledger.example/budget")
    assert first.paragraphs == BODY.split("\n\n")  # a quoted cell of several lines keeps its paragraphs
    assert (second.title, second.outlet, second.published) == ("Mayor attacks the plan", "Morning Post",
                                                               dt.date(2024, 3, 6))


def test_columns_are_found_in_any_order_and_case_and_with_a_bom() -> None:
    table = _csv([["Body", "BYLINE", "Headline", "Source", "Published", "Link"],
                  [BODY, "Jane Porter", "Council approves the city budget", "The Daily Ledger", "5 March 2024",
                   "https://ledger.example/budget"]])
    [article] = parse(b"\xef\xbb\xbf" + table.encode(), "export.csv").articles
    assert (article.title, article.byline, article.outlet, article.published, article.url) == (
        "Council approves the city budget", "Jane Porter", "The Daily Ledger", dt.date(2024, 3, 5),
        "https://ledger.example/budget")


def test_a_european_spreadsheets_semicolons_and_a_tsv_files_tabs() -> None:
    rows = [["Titel", "title", "content", "author"], ["x", "Council approves, at last, the budget", BODY, "Ann Lee"]]
    for data, name in ((_csv(rows, ";").encode("cp1252"), "excel.csv"), (_csv(rows, "\t").encode(), "sheet.tsv")):
        [article] = parse(data, name).articles
        assert (article.title, article.byline, article.body) == ("Council approves, at last, the budget", "Ann Lee",
                                                                 BODY)


def test_excels_sep_line_names_the_separator() -> None:
    table = "sep=;\n" + _csv([["title", "text", "source"], ["Council, at last, approves", BODY, "Ledger"]], ";")
    [article] = parse(table.encode(), "excel.csv").articles
    assert (article.title, article.outlet) == ("Council, at last, approves", "Ledger")


def test_the_row_of_an_empty_text_is_skipped_with_a_note() -> None:
    table = _csv([["title", "story"], ["Empty one", ""], ["Council approves the city budget", BODY]])
    result = parse(table.encode(), "rows.csv")
    assert [a.title for a in result.articles] == ["Council approves the city budget"]
    assert result.notes == ("skipped row 2 of rows.csv: its text is empty",)


def test_a_million_rows_without_text_make_a_few_notes_not_a_million() -> None:
    """Each note is stored with the upload and shown on its review page: past the first 20
    the rows skipped are counted in one."""
    table = _csv([["title", "text"], ["Council approves the city budget", BODY]]) + "Empty,\r\n" * 1_000_000
    result = parse(table.encode(), "rows.csv")
    assert len(result.articles) == 1
    assert result.notes[:2] == ("skipped row 3 of rows.csv: its text is empty",
                                "skipped row 4 of rows.csv: its text is empty")
    assert result.notes[20:] == ("and 999,980 more skipped in rows.csv",)


def test_a_table_without_a_text_column_is_refused_naming_its_columns_and_the_needed_ones() -> None:
    table = _csv([["id", "title", "publish_date", "url"], ["1", "Council approves", "2024-03-05", "https://x.example"]])
    with pytest.raises(IngestError) as caught:
        parse(table.encode(), "links.csv")
    assert caught.value.message == ("links.csv has no column of article text; its columns are "
                                    "'id', 'title', 'publish_date', 'url'.")
    assert '"text" (or body, content, story)' in caught.value.hint


def test_a_csv_inside_a_zip_is_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("coverage/export.csv", _csv([["title", "text"], ["Council approves the city budget", BODY]]))
    [article] = parse(buffer.getvalue(), "coverage.zip").articles
    assert (article.source_name, article.title) == ("coverage/export.csv", "Council approves the city budget")


def test_a_cell_longer_than_csvs_default_limit_is_read() -> None:
    long_body = "The council met again. " * 8000  # 184,000 characters
    [article] = parse(_csv([["title", "text"], ["Council meets", long_body]]).encode(), "long.csv").articles
    assert article.word_count == 32000


def test_a_table_past_the_article_limit_is_refused_as_soon_as_it_passes_it() -> None:
    """A 10 MB table of two-word rows (2.4 million) took half a minute and half a gigabyte
    to be refused; the rows past the limit are not read."""
    table = "title,text\n" + "".join(f"Row {n},Some words\n" for n in range(1000))
    with pytest.raises(IngestError, match=r"holds more than 50 articles; the limit is 50 a file"):
        parse(table.encode(), "many.csv", limits=Limits(max_articles=50))
    read = []

    def records() -> Iterator[tuple[str, dict[str, str]]]:
        for n in range(100_000):
            read.append(n)
            yield f"skipped row {n}", {"body": "Some words"}

    with pytest.raises(IngestError):
        articles_of_records(records(), "many.csv", IngestError("none", ""), Limits(max_articles=50))
    assert len(read) == 51


def test_a_table_pasted_in_the_text_box_is_read_as_a_table() -> None:
    """Kept as pasted.txt: no article was found, and 'take the whole text' made one of its cells."""
    table = _csv([["Title", "Text", "Author"], ["Council approves the city budget", BODY, "Jane Porter"]], "\t")
    [article] = parse(table.encode(), "pasted.txt").articles
    assert (article.title, article.byline) == ("Council approves the city budget", "Jane Porter")
    text = "Text, body and content: a guide\n\nBy Jane Porter\n\n" + BODY
    assert parse(text.encode(), "pasted.txt").articles[0].title == "Text, body and content: a guide"


def test_a_quote_that_never_closes_is_reported_and_the_rows_after_it_are_kept() -> None:
    text = "The council approved the budget on Tuesday after a long debate."
    rows = [f"Story {n} makes news,{text}" for n in range(1, 5)]
    rows[1] = rows[1].replace(",", ',"', 1)  # row 3 opens a quote it never closes
    result = parse(("title,text\n" + "\n".join(rows) + "\n").encode(), "export.csv")
    assert [a.title for a in result.articles] == [f"Story {n} makes news" for n in range(1, 5)]
    assert {a.body for a in result.articles} == {text}
    [note] = result.notes
    assert note.startswith("row 3 (line 3) opens a quote (\") that does not close its cell")
    assert "upload it again" in note
    quoted = _csv([["title", "text"], ["Council approves the city budget", BODY], ["Story makes news", text]])
    assert parse(quoted.encode(), "export.csv").notes == ()  # a cell of several lines, its quotes doubled


def test_a_table_whose_quotes_are_all_broken_is_refused_saying_what_to_do() -> None:
    table = "title,text\n" + "".join(f'Story {n} makes news,"{BODY.splitlines()[0]}\n' for n in range(40))
    with pytest.raises(IngestError, match="more than 20 rows with a quote mark") as refused:  # two rows a pair
        parse(table.encode(), "export.csv")
    assert "Close the quote" in refused.value.hint


QUOTED = '"' + BODY.replace('"', '""') + '"'  # the cell as csv writes it


@pytest.mark.parametrize("table", [
    f'title,text,author\nCouncil approves the city budget,{QUOTED} ,Ann Lee\nMayor attacks the plan,No.,Bob Smith\n',
    f'title,author,text\nCouncil approves the city budget,Ann Lee,{QUOTED}  \nMayor attacks the plan,Bob Smith,No.\n',
])
def test_a_cell_of_several_lines_with_a_space_after_its_closing_quote_stays_one_cell(table: str) -> None:
    """A space between a cell's closing quote and the separator or the line's end (a file
    written by hand or by a script) made a cell of several lines read as a quote that never
    closes: its first paragraph became the article, its second an article of its own."""
    result = parse(table.encode(), "export.csv")
    assert [(a.title, a.byline) for a in result.articles] == [
        ("Council approves the city budget", "Ann Lee"), ("Mayor attacks the plan", "Bob Smith")]
    assert result.articles[0].paragraphs == BODY.split("\n\n") and result.notes == ()


def test_a_quote_left_open_on_the_last_line_is_reported_too() -> None:
    """A quote that opens on the file's last line has no line after it to take: csv read it
    to the end of the file, its separators into the cell, and no note said why the row's
    text was empty."""
    table = f"title,text\nCouncil approves the city budget,{QUOTED}\n\"Mayor attacks the plan,The mayor said no.\n"
    result = parse(table.encode(), "export.csv")
    assert [a.title for a in result.articles] == ["Council approves the city budget"]
    assert result.notes[0].startswith("row 3 (line 5) opens a quote (\") that does not close its cell")
