"""CSV and TSV: a table of articles, as Media Cloud, scrapers and spreadsheets export them.

The header row names the columns, in any order and case ("Title", "publish_date",
"media_name"…); each row becomes an article as a JSON object does (json_articles'
articles_of_records), its cells renamed to that reader's fields.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from articles.ingest.decode import decode
from articles.ingest.formats.json_articles import articles_of_records
from articles.ingest.formats.limits import Limits
from articles.ingest.types import IngestError, ParseResult

# The JSON reader's field -> the column names that hold it, the first found winning.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("text", "body", "content", "story", "article_text", "full_text"),
    "published": ("date", "publish_date", "published", "published_at", "publication_date", "pub_date"),
    "byline": ("author", "authors", "byline"),
    "outlet": ("outlet", "source", "media_name", "publisher", "publication", "domain"),
    "url": ("url", "link"),
}
# ';' separates the cells of European spreadsheets (whose decimal mark is the comma).
_SEPARATORS = (",", ";", "\t", "|")
# Excel's first line "sep=;" names the separator of the rows below it.
_EXCEL_SEPARATOR = re.compile(r'"?sep=(.)"?\n')
# Rows whose quote never closes that are read line by line; past that many, the quoting is broken.
MAX_BROKEN_QUOTES = 20
_BROKEN_HINT = "Close the quote in the file (a quote mark inside a cell is written twice: \"\"), or save it again " \
               "from the spreadsheet as CSV, and upload it again."
# A cell may hold a whole article: csv's default cap of 128 KB refused a long one.
csv.field_size_limit(64 * 1024 * 1024)


def parse_csv(data: bytes, name: str, limits: Limits) -> ParseResult:
    label = name or "The CSV file"
    text = decode(data, name)  # a byte-order mark goes here, and line ends become "\n"
    declared = _EXCEL_SEPARATOR.match(text)
    if declared:
        text = text[declared.end():]
    separator = declared.group(1) if declared else _separator(text, name)
    broken: list[str] = []
    rows = _rows(text, separator, label, broken, skipped_lines=1 if declared else 0)
    try:
        header = next(rows, [])
        columns = _columns(header)
        if "body" not in columns:
            raise _no_text_column(label, header)
        nothing = IngestError(f"No article with a text found in {label}.",
                              f"Put each article's text in the {header[columns['body']]!r} column, one article a row.")
        records = ((f"skipped row {number} of {label}: its text is empty",
                    {field: row[i] for field, i in columns.items() if i < len(row)})
                   for number, row in enumerate(rows, start=2)  # as a spreadsheet numbers them, the header 1
                   if any(cell.strip() for cell in row))  # not a blank line, or a spreadsheet's empty row
        result = articles_of_records(records, name, nothing, limits)
    except csv.Error as exc:
        raise IngestError(f"{label} is not a CSV table we can read ({exc}).",
                          "Save it again from the spreadsheet as CSV (UTF-8), or upload the articles as JSON.") from exc
    return ParseResult(result.articles, (*broken, *result.notes))


def _rows(text: str, separator: str, label: str, broken: list[str], skipped_lines: int) -> Iterator[list[str]]:
    """The table's rows. A quote mark that never closes its cell takes the lines after it
    into that cell, silently (csv reads on to the next quote mark, or the end of the file):
    a row of several lines whose quotes do not close where its cells end is read from its
    own line alone, without the mark, the lines after it as rows, and a note appended to
    `broken` names it (the file's last line too, whose quote took only its own separators).
    Past MAX_BROKEN_QUOTES such rows the file is refused."""
    lines = io.StringIO(text, newline="").readlines()  # split where csv splits them
    start, number = 0, 0  # the first line not read yet; the rows read
    while start < len(lines):
        reader = csv.reader(lines[start:], delimiter=separator)
        while True:
            first = start + reader.line_num  # the index of the line the row starts on
            row = next(reader, None)
            if row is None:
                return
            number += 1
            end = start + reader.line_num
            if (end - first > 1 or end == len(lines)) and not _quotes_close(lines[first:end], separator):
                break
            yield row
        line = first + 1 + skipped_lines
        if len(broken) == MAX_BROKEN_QUOTES:
            raise IngestError(f"{label} has more than {MAX_BROKEN_QUOTES} rows with a quote mark (\") that does not "
                              f"close its cell (the last at row {number}, line {line}).", _BROKEN_HINT)
        yield next(csv.reader([lines[first]], delimiter=separator), [])
        broken.append(f"row {number} (line {line}) opens a quote (\") that does not close its cell: "
                      "that line was read as the row, without the quote mark, and the lines after it as rows. "
                      "Check those articles; " + _BROKEN_HINT[0].lower() + _BROKEN_HINT[1:])
        start = first + 1


def _quotes_close(row: list[str], separator: str) -> bool:
    """Whether each quoted cell of a row's lines closes where the cell ends (csv's strict
    reading), not at the end of the file or before more text. Spaces after a closing quote
    are no more text ('"…" ,', a file written by hand): csv reads them into the cell."""
    blank = re.escape(" \t".replace(separator, ""))
    spaced = re.compile(rf'"[{blank}]+(?={re.escape(separator)}|[\r\n]|$)')
    try:
        return len(list(csv.reader([spaced.sub('"', line) for line in row], delimiter=separator, strict=True))) == 1
    except csv.Error:
        return False


def is_table(head: bytes) -> bool:
    """Whether a text's first line (of its first bytes) is a table's header: a text column
    and another known one ("title,text", "Title;Text;Author"), as a CSV pasted in the text box
    starts; a headline hardly names two of them."""
    first_line = next(iter(head.decode("utf-8", errors="ignore").removeprefix("\ufeff").splitlines()), "")
    if "\x00" in first_line:  # UTF-16, or no text: not read as a table here
        return False
    return any("body" in found and len(found) >= 2 and len(header) >= 2
               for header in (next(csv.reader([first_line], delimiter=s), []) for s in _SEPARATORS)
               for found in [_columns(header)])


def _separator(text: str, name: str) -> str:
    """The separator whose split of the header row finds the most known columns (then the
    most cells); a .tsv file's is the tab."""
    if PurePosixPath(name).suffix.lower() == ".tsv":
        return "\t"
    first_line = text[: text.find("\n")] if "\n" in text else text
    def score(separator: str) -> tuple[int, int]:
        header = next(csv.reader([first_line], delimiter=separator), [])
        return len(_columns(header)), len(header)
    return max(_SEPARATORS, key=score)


def _columns(header: list[str]) -> dict[str, int]:
    """The JSON reader's field -> the index of the column holding it."""
    index = {_column_name(cell): i for i, cell in reversed(list(enumerate(header)))}
    found = {}
    for field, names in COLUMNS.items():
        i = next((index[n] for n in names if n in index), None)
        if i is not None:
            found[field] = i
    return found


def _column_name(cell: str) -> str:
    # "Publish Date", "publish-date" and "PUBLISH_DATE" are one column.
    return re.sub(r"[\s-]+", "_", cell.strip().strip('"').lower())


def _no_text_column(label: str, header: list[str]) -> IngestError:
    found = ", ".join(repr(cell.strip()) for cell in header if cell.strip()) or "none"
    return IngestError(
        f"{label} has no column of article text; its columns are {found}.",
        "Name the column that holds each article's text \"text\" (or body, content, story); "
        "title, date, author, outlet and url columns are read too.",
    )
