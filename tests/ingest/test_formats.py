"""One upload per format and encoding, and every bad input we refuse."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import zipfile

import pytest

from articles.ingest import (
    IngestError,
    Limits,
    NoArticlesFound,
    parse,
    whole_text,
    whole_text_article,
)

from .conftest import fixture_bytes

TEXT = (
    "Talks in Moscow end without a deal\n"
    "By Jane Doe\n"
    "12 April 2017\n"
    "\n"
    "The foreign ministers met for three hours on Wednesday and agreed on “very little”, "
    "officials said.\n"
    "\n"
    "Both sides promised further talks — perhaps in May — and an expert group.\n"
)
BODY = (
    "The foreign ministers met for three hours on Wednesday and agreed on “very little”, "
    "officials said.\n\nBoth sides promised further talks — perhaps in May — and an expert "
    "group."
)


def _zip(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _only(data: bytes, name: str):  # type: ignore[no-untyped-def]
    (article,) = parse(data, name).articles
    return article


# -- text encodings ------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_text_in_any_utf_encoding_reads_the_same(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data  # with a BOM
    article = _only(data, "dump.txt")
    assert (article.title, article.byline, article.published) == (
        "Talks in Moscow end without a deal",
        "Jane Doe",
        dt.date(2017, 4, 12),
    )
    assert article.body == BODY


def test_utf16_without_a_bom_is_recognised() -> None:
    assert _only(TEXT.encode("utf-16-le"), "dump.txt").body == BODY


# Few NULs at the high bytes: Cyrillic letters' is 0x04, curly quotes' and dashes' 0x20.
@pytest.mark.parametrize("text", [
    "Новости дня\n\nМинистры встретились в Москве в среду и договорились о немногом, сказали чиновники.\n",
    "“Talks” — “end” — “without” — “a” — “deal” — “again”\n" * 20,
])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_and_with_few_nuls_is_decoded_not_refused_as_binary(text: str, encoding: str) -> None:
    assert whole_text(text.encode(encoding), "pasted.txt") == text


def test_bytes_with_nuls_that_do_not_decode_as_utf16_text_stay_binary() -> None:
    data = bytes(random.Random(7).choice([0, 1, 2, 3, 7, 8]) if i % 2 else 0 for i in range(2000))
    with pytest.raises(IngestError, match="binary"):
        parse(data, "blob.txt")


def test_windows_1252_text_keeps_its_curly_quotes_and_dashes() -> None:
    article = _only(TEXT.encode("cp1252"), "dump.txt")
    assert article.body == BODY


@pytest.mark.parametrize("name", ["dump.txt", "page.html", "feed.json"])
def test_utf8_text_with_one_stray_windows_1252_byte_keeps_its_curly_quotes(name: str) -> None:
    # a piece pasted from a Windows-1252 file ("It\x92s"): the whole file was read as
    # cp1252, every curly quote and dash of the rest becoming "â€œ", "â€”"
    text = TEXT + "@@ over, the envoy said.\n"
    if name == "page.html":
        paragraphs = text.split("\n\n")[1:]
        text = ("<html><body><article><h1>Talks in Moscow end without a deal</h1>"
                + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    if name == "feed.json":
        text = json.dumps([{"title": "Talks", "body": text}], ensure_ascii=False)
    stray = text.encode().replace(b"@@", b"It\x92s")
    body = _only(stray, name).body
    assert "“very little”" in body and "It’s" in body and "â€" not in body


def test_latin_1_text_keeps_its_accents_and_no_break_spaces() -> None:
    text = TEXT.replace("Jane Doe", "José Núñez").replace("—", "-")
    text = text.replace("“very little”", "«très peu»\u00a0!")
    article = _only(text.encode("latin-1"), "dump.txt")
    assert article.byline == "José Núñez"
    assert "«très peu»\u00a0!" in article.body


def test_windows_line_endings_become_newlines_only() -> None:
    assert _only(TEXT.replace("\n", "\r\n").encode(), "dump.md").body == BODY
    assert _only(TEXT.replace("\n", "\r").encode(), "dump").body == BODY


# -- html, json -----------------------------------------------------------------------


def test_an_html_page_gives_its_article_with_metadata_and_subheads() -> None:
    article = _only(fixture_bytes("article.html"), "page.html")
    assert article.title == "Russia vetoes UN resolution on Syria"
    assert article.published == dt.date(2017, 4, 12)
    assert article.byline == "Jane Doe"
    assert article.outlet == "Example News"
    assert article.url == "https://news.example.org/world/russia-veto"
    assert article.paragraphs[0].startswith("Moscow has vetoed a draft resolution")
    assert article.headings == (1,)
    assert article.paragraphs[1] == "Reaction in Washington"
    assert "“reported use of chemical weapons”" in article.body
    assert "Share this" not in article.body
    assert "Home" not in article.body


@pytest.mark.parametrize(
    "preamble",
    [b"", b'<?xml version="1.0" encoding="utf-8"?>\n', b"\xef\xbb\xbf",
     b"<!-- saved from url=(0042)https://news.example.org/world/russia-veto -->\n"],
)
def test_a_page_without_an_extension_is_read_as_a_page_after_a_declaration_or_comment(preamble: bytes) -> None:
    # Was read as a text dump, markup and all, when anything came before <!doctype html>.
    article = _only(preamble + fixture_bytes("article.html").lstrip(), "page")
    assert article.title == "Russia vetoes UN resolution on Syria"
    assert "<" not in article.body and "Share this" not in article.body


@pytest.mark.parametrize("name", ["article.mhtml", "article.mht", "article"])
def test_a_page_saved_as_one_file_is_read_as_the_page(name: str) -> None:
    """Chrome's "Webpage, Single File" (MHTML, written by chromium's Page.captureSnapshot
    here) was refused as an unsupported type: its HTML part is the page."""
    saved = parse(fixture_bytes("article.mhtml"), name)
    page = parse(fixture_bytes("article.html"), "article.html")
    assert [(a.title, a.body) for a in saved.articles] == [(a.title, a.body) for a in page.articles]
    assert "“reported use of chemical weapons”" in saved.articles[0].body  # quoted-printable UTF-8


def test_a_single_file_page_without_a_page_in_it_says_so() -> None:
    data = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n" \
           b"Content-Type: image/png\r\n\r\nPNG\r\n--x--\r\n"
    with pytest.raises(IngestError) as caught:
        parse(data, "empty.mhtml")
    assert "no web page" in caught.value.message


@pytest.mark.parametrize("name", ["pasted.txt", "page.txt", "notes.md"])
def test_a_pages_source_under_a_text_name_is_read_as_the_page(name: str) -> None:
    """A page's source pasted in the text box (kept as pasted.txt), or a saved page renamed
    .txt, found no article, and "take the whole text" made an article of its markup."""
    [article] = parse(fixture_bytes("article.html"), name).articles
    assert article.title == "Russia vetoes UN resolution on Syria" and "<" not in article.body
    assert whole_text(FRONT_PAGE, name) == "Home World"  # what "take the whole text" takes


def test_an_html_page_without_article_text_raises_no_articles_found() -> None:
    with pytest.raises(NoArticlesFound):
        parse(b"<html><body><nav>Home</nav></body></html>", "empty.htm")


JSON_ITEMS = [
    {
        "title": "Talks end",
        "body": "First paragraph.\n\nSecond paragraph.",
        "published": "2017-04-12T14:03:00Z",
        "byline": "Jane Doe",
        "outlet": "Reuters",
        "url": "https://example.org/a",
    },
    {
        "title": "Veto",
        "text": "One line.\nAnother line.",
        "date": "Wed, 12 Apr 2017 18:00:00 GMT",
        "author": ["Ann Roe", {"name": "Bo Li"}],
        "source": {"id": "rt", "name": "RT"},
    },
]


@pytest.mark.parametrize("payload", [JSON_ITEMS, {"articles": JSON_ITEMS}])
def test_json_lists_of_articles_are_read_with_their_aliases(payload: object) -> None:
    first, second = parse(json.dumps(payload).encode(), "feed.json").articles
    assert first.title == "Talks end"
    assert first.body == "First paragraph.\n\nSecond paragraph."
    assert (first.published, first.byline, first.outlet, first.url) == (
        dt.date(2017, 4, 12),
        "Jane Doe",
        "Reuters",
        "https://example.org/a",
    )
    assert second.body == "One line.\n\nAnother line."
    assert (second.published, second.byline, second.outlet) == (
        dt.date(2017, 4, 12),
        "Ann Roe, Bo Li",
        "RT",
    )
    assert first.source_name == "feed.json"


@pytest.mark.parametrize("name", ["items.jsonl", "items.ndjson", "items.json", "items"])
def test_json_lines_one_article_a_line_are_read(name: str) -> None:
    """Scrapers write JSON Lines (Scrapy's -o items.jsonl, news-please): it was refused as an
    unsupported type, or as "not valid JSON (Extra data, line 2)" under .json."""
    items = [JSON_ITEMS[0] | {"title": "Talks\u2028end"}, JSON_ITEMS[1]]  # a raw line separator in a string
    lines = "\r\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\r\n"
    first, second = parse(lines.encode(), name).articles
    assert (first.title.split(), second.title, second.byline) == (["Talks", "end"], "Veto", "Ann Roe, Bo Li")


def test_a_broken_line_of_json_lines_is_named() -> None:
    lines = json.dumps(JSON_ITEMS[0]) + "\n{\"title\": \"Veto\",\n"
    with pytest.raises(IngestError) as caught:
        parse(lines.encode(), "items.jsonl")
    assert "line 2" in caught.value.message


def test_json_under_a_text_name_is_read_as_json() -> None:
    """A scraper's JSON pasted in the text box (kept as pasted.txt) found no article, and
    "take the whole text" made an article of its source."""
    first, second = parse(json.dumps({"articles": JSON_ITEMS}).encode(), "pasted.txt").articles
    assert (first.title, second.title) == ("Talks end", "Veto")
    bracketed = TEXT.replace("Talks in Moscow", "[UPDATED] Talks in Moscow")
    assert [a.title for a in parse(bracketed.encode(), "dump.txt").articles] == [
        "[UPDATED] Talks in Moscow end without a deal"]


def test_json_without_any_body_says_what_to_fix_and_offers_no_whole_text() -> None:
    # Taking "the whole text" of a JSON file as one article would analyse its source code.
    with pytest.raises(IngestError) as caught:
        parse(b'[{"foo": 1, "bar": 2}]', "shape.json")
    assert not isinstance(caught.value, NoArticlesFound)
    assert '"title" and a "body"' in caught.value.hint


def test_json_items_without_a_body_are_skipped_with_a_note() -> None:
    result = parse(json.dumps([*JSON_ITEMS, {"title": "Empty"}]).encode(), "feed.json")
    assert len(result.articles) == 2
    assert result.notes == ("skipped item 3 of feed.json: it has no body or text",)


# -- zip ------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["Russia vetoes UN resolution_files", "Russia vetoes UN resolution-Dateien"])
def test_the_folder_a_browser_saves_with_a_page_is_not_read_as_articles(folder: str) -> None:
    """"Save page as…, complete" writes NAME.html and a folder NAME_files (in German
    NAME-Dateien) of styles, scripts, images and frames: zipped, each frame was an article
    (an advert's one word) and each other file a problem of the review page."""
    page = "coverage/Russia vetoes UN resolution.html"
    data = _zip({
        page: fixture_bytes("article.html"),
        f"coverage/{folder}/style.css": b"body{color:red}",
        f"coverage/{folder}/logo.png": b"\x89PNG\r\n\x1a\n",
        f"coverage/{folder}/ad-frame.html": b"<html><body><div>Advertisement</div></body></html>",
        f"coverage/{folder}/comments.html": b"<html><body><p>Great article!</p><p>Totally agree.</p></body></html>",
        "coverage/other_files/notes.txt": TEXT.encode(),  # no other.html beside it: read
        "coverage/Budget.html": fixture_bytes("article.html").replace(b"Syria", b"Budget"),
        "coverage/Budget_notes/story.txt": TEXT.encode(),  # a text file: the user's own folder, read
    })
    result = parse(data, "saved.zip")
    assert [a.source_name for a in result.articles] == [
        page, "coverage/other_files/notes.txt", "coverage/Budget.html", "coverage/Budget_notes/story.txt"]
    assert result.notes == (f"coverage/{folder}/: 4 files a browser saved with the page {page!r} "
                            "(styles, scripts, images, frames), not read",)


def test_a_folder_of_pages_only_beside_a_page_is_the_users_and_read() -> None:
    """"election.html" beside "election_coverage/" of saved articles: a browser's folder
    holds the page's styles, scripts or images, this one only pages (it was left unread)."""
    data = _zip({
        "election.html": fixture_bytes("article.html"),
        "election_coverage/budget.html": fixture_bytes("article.html").replace(b"Syria", b"Budget"),
    })
    result = parse(data, "coverage.zip")
    assert [a.source_name for a in result.articles] == ["election.html", "election_coverage/budget.html"]
    assert result.notes == ()


def test_a_zip_of_mixed_files_reads_each_entry_and_names_its_source() -> None:
    data = _zip(
        {
            "coverage/dump.txt": TEXT.encode("cp1252"),
            "coverage/page.html": fixture_bytes("article.html"),
            "coverage/feed.json": json.dumps(JSON_ITEMS).encode(),
            "coverage/": b"",
            "__MACOSX/._dump.txt": b"\x00\x05\x16\x07",
            "coverage/photo.jpg": b"\xff\xd8\xff\xe0",
            "coverage/inner.zip": _zip({"x.txt": TEXT.encode()}),
        }
    )
    result = parse(data, "coverage.zip")
    assert [(a.source_name, a.title) for a in result.articles] == [
        ("coverage/dump.txt", "Talks in Moscow end without a deal"),
        ("coverage/page.html", "Russia vetoes UN resolution on Syria"),
        ("coverage/feed.json", "Talks end"),
        ("coverage/feed.json", "Veto"),
    ]
    assert result.notes == (
        "skipped 'coverage/photo.jpg': unsupported type (.jpg); only .txt, .md, .html, .json, .csv or .rss files "
        "are read (for a PDF or Word file, copy the text into a .txt file)",
        "skipped 'coverage/inner.zip': archives inside the archive are not opened; unpack it first",
    )


@pytest.mark.parametrize("bad_name", ["../x.txt", "/etc/x.txt", "a/../../x.txt", "C:/x.txt"])
def test_zip_entries_with_unsafe_paths_are_skipped_with_a_note(bad_name: str) -> None:
    data = _zip({bad_name: TEXT.encode(), "ok.txt": TEXT.encode()})
    result = parse(data, "up.zip")
    assert [a.source_name for a in result.articles] == ["ok.txt"]
    assert result.notes == (f"skipped {bad_name!r}: unsafe path (absolute or outside the archive); zip the files "
                            "again from the folder that holds them",)


def test_a_zip_entry_that_cannot_be_read_alone_is_skipped_with_the_hint_it_would_get_alone() -> None:
    result = parse(_zip({"notes.txt": b"  \n", "ok.txt": TEXT.encode()}), "up.zip")
    assert result.notes[0] == "skipped 'notes.txt': notes.txt is empty. Upload a file that contains the articles."


def test_a_zip_whose_only_entry_is_unsafe_is_refused() -> None:
    with pytest.raises(IngestError, match=r"No article found in any file of up\.zip"):
        parse(_zip({"../x.txt": TEXT.encode()}), "up.zip")


def test_a_zip_bomb_of_zeros_is_stopped_by_its_ratio() -> None:
    bomb = _zip({"zeros.txt": bytes(30 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(IngestError, match="zip bomb") as caught:
        parse(bomb, "bomb.zip")
    assert caught.value.hint


def test_a_zip_over_the_total_cap_is_refused_even_at_a_low_ratio() -> None:
    limits = Limits(max_total_bytes=1000, max_file_bytes=10_000)
    data = _zip({f"{n}.txt": TEXT.encode() for n in range(5)}, compression=zipfile.ZIP_STORED)
    with pytest.raises(IngestError, match="more than 0 MB"):
        parse(data, "many.zip", limits=limits)


def test_a_zip_with_too_many_entries_is_refused() -> None:
    data = _zip({f"{n}.txt": b"x" for n in range(6)})
    with pytest.raises(IngestError, match="6 entries; the limit is 5"):
        parse(data, "many.zip", limits=Limits(max_zip_entries=5))


def test_a_zip_entry_bigger_than_the_file_limit_is_refused() -> None:
    data = _zip({"big.txt": TEXT.encode() * 50})
    assert len(data) < len(TEXT.encode()) * 10
    with pytest.raises(IngestError, match="decompresses to more than"):
        parse(data, "big.zip", limits=Limits(max_file_bytes=len(data) + 10))


def test_a_zip_whose_header_lies_about_sizes_is_counted_as_read() -> None:
    data = bytearray(_zip({"zeros.txt": bytes(5 * 1024 * 1024)}))
    # Claim a tiny uncompressed size in the central directory: the count must not trust it.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(IngestError, match=r"zip bomb|not a readable ZIP"):
        parse(bytes(data), "liar.zip")


def test_a_corrupt_zip_is_refused() -> None:
    data = _zip({"a.txt": TEXT.encode()})
    with pytest.raises(IngestError, match="not a readable ZIP archive"):
        parse(data[: len(data) // 2], "cut.zip")
    flipped = bytearray(data)
    start = flipped.find(b"PK\x03\x04") + 30 + len("a.txt")
    flipped[start + 5] ^= 0xFF
    with pytest.raises(IngestError, match="not a readable ZIP archive"):
        parse(bytes(flipped), "flipped.zip")


def _corrupt_lzma_zip(entries: dict[str, bytes], corrupt: str) -> bytes:
    """An LZMA archive whose entry `corrupt` has garbage where its compressed data starts."""
    raw = bytearray(_zip(entries, compression=zipfile.ZIP_LZMA))
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo(corrupt)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 4, start + 40):
        raw[i] ^= 0x5A
    return bytes(raw)


def test_a_corrupt_lzma_entry_is_skipped_with_what_to_do_and_the_others_are_read() -> None:
    data = _corrupt_lzma_zip({"bad.txt": TEXT.encode() * 20, "good.txt": TEXT.encode()}, "bad.txt")
    result = parse(data, "mixed.zip")
    assert [a.source_name for a in result.articles] == ["good.txt"]
    (note,) = result.notes
    assert note.startswith("skipped 'bad.txt': its data is corrupt or truncated; create the archive again")


def test_a_zip_whose_only_entry_is_corrupt_lzma_is_refused_as_unreadable() -> None:
    with pytest.raises(IngestError, match="not a readable ZIP archive") as caught:
        parse(_corrupt_lzma_zip({"a.txt": TEXT.encode() * 20}, "a.txt"), "coverage.zip")
    assert "Create the archive again" in caught.value.hint and "'a.txt'" in caught.value.hint


# -- bad inputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty.txt is empty."),
        (b"  \n\n\t ", "blank.txt", "blank.txt is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "image.txt", "looks like a binary file"),
        (bytes(range(256)) * 4, "noise.txt", "looks like a binary file"),
        (b"%PDF-1.4", "paper.pdf", "unsupported type (.pdf)"),
        (b"[1, 2", "bad.json", "is not valid JSON"),
        (b'"just a string"', "str.json", "does not hold articles: it is a string"),
        (b'{"title": "x"}', "obj.json", "does not hold articles"),
        (b"[1, 2]", "nums.json", "item 1 is a number, not an object"),
        (b"[" * 30 + b"]" * 30, "deep.json", "nested more than 20 levels"),
        (b"[" * 100_000 + b"]" * 100_000, "deeper.json", "nested more than 20 levels"),
        (b"PK\x03\x04 not really a zip", "fake.zip", "not a readable ZIP archive"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_a_hint(
    data: bytes, name: str, message: str
) -> None:
    with pytest.raises(IngestError) as caught:
        parse(data, name)
    assert message in caught.value.message
    assert caught.value.hint


def test_an_oversize_file_is_refused_before_it_is_read() -> None:
    with pytest.raises(IngestError, match="the limit is 1 MB"):
        parse(b"x" * (1024 * 1024 + 1), "big.txt", limits=Limits(max_file_bytes=1024 * 1024))


def test_a_file_of_more_articles_than_the_cap_is_refused_with_what_to_do() -> None:
    feed = json.dumps([{"title": f"t{n}", "body": f"Body {n}."} for n in range(3)]).encode()
    assert len(parse(feed, "feed.json", limits=Limits(max_articles=3)).articles) == 3
    with pytest.raises(IngestError, match=r"feed\.json holds more than 2 articles; the limit is 2 a file") as caught:
        parse(feed, "feed.json", limits=Limits(max_articles=2))
    assert "Split it into files of at most 2 articles" in caught.value.hint


def test_undecodable_text_is_refused() -> None:
    # Random bytes (without NULs) that no codec reads as text.
    data = random.Random(7).randbytes(4000).replace(b"\x00", b"")
    with pytest.raises(IngestError) as caught:
        parse(data, "odd.txt")
    assert "decoded" in caught.value.message or "binary" in caught.value.message


MARKDOWN_BODY = ("The council approved the budget on Tuesday after a long debate, officials said, and the "
                 "mayor promised a [review](https://example.org/review_2024) of **spending** in the coming months.")


def test_a_markdown_file_reads_its_headings_bylines_and_dates() -> None:
    """A .md file of articles in ordinary Markdown had none found: "# Headline" was no
    headline line, and "*By Jane Porter*" no byline."""
    md = "\n\n".join([
        f"# Council approves the city budget\n\n*By Jane Porter*\n\n5 March 2024\n\n{MARKDOWN_BODY}",
        "* * *",
        f"## Mayor attacks the council plan ##\n**By Ann Lee**\n_6 March 2024_\n\n{MARKDOWN_BODY} Again.",
    ])
    result = parse(md.encode(), "coverage.md")
    assert [(a.title, a.byline, a.published) for a in result.articles] == [
        ("Council approves the city budget", "Jane Porter", dt.date(2024, 3, 5)),
        ("Mayor attacks the council plan", "Ann Lee", dt.date(2024, 3, 6)),
    ]
    assert "a review of spending in" in result.articles[0].body  # a link's words, not its address


@pytest.mark.parametrize("name", ["pasted.txt", "notes.txt", "notes"])
def test_markdown_pasted_in_the_text_box_is_read_as_a_markdown_file(name: str) -> None:
    """Pasted text is kept as pasted.txt: its "# Headline" and "*By …*" were read as plain
    lines, and no article was found."""
    md = f"# Council approves the city budget\n\n*By Jane Porter*\n\n5 March 2024\n\n{MARKDOWN_BODY}"
    [article] = parse(md.encode(), name).articles
    assert (article.title, article.byline, article.published) == (
        "Council approves the city budget", "Jane Porter", dt.date(2024, 3, 5))
    assert "a review of spending in" in article.body


def test_a_txt_file_keeps_its_asterisks_and_hashes() -> None:
    text = f"Council approves the city budget\nBy Jane Porter\n5 March 2024\n\n#1 *priority* {MARKDOWN_BODY}"
    [article] = parse(text.encode(), "coverage.txt").articles
    assert article.body.startswith("#1 *priority*")


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_before_a_headline_does_not_hide_its_article(invisible: str) -> None:
    """Text copied from web pages carries zero-width spaces and soft hyphens: one at the
    start of the headline line skipped the whole article as lines "before the first"."""
    second = TEXT.replace("Talks in Moscow end without a deal", "Ministers agree to meet again soon")
    dump = f"{invisible}{TEXT}\n-----\n{second.replace('foreign', f'for{invisible}eign')}"
    result = parse(dump.encode(), "copied.txt")
    assert [a.title for a in result.articles] == ["Talks in Moscow end without a deal",
                                                  "Ministers agree to meet again soon"]
    assert invisible not in result.articles[1].body


def test_text_without_an_article_raises_no_articles_found_with_the_text() -> None:
    text = "hello there, this is just a note to myself.\nnothing else here.\n"
    with pytest.raises(NoArticlesFound) as caught:
        parse(text.encode(), "note.txt")
    assert caught.value.text == text
    assert caught.value.hint


def test_the_hint_says_how_long_a_headline_must_be() -> None:
    """"World News" over a byline and date is no headline (two words in Title Case: page
    furniture); the hint said only "a headline line"."""
    dump = "World News\nBy Ann Lee\n6 March 2024\n\n" + "The mayor resigned on Tuesday, she said. " * 5
    with pytest.raises(NoArticlesFound) as caught:
        parse(dump.encode(), "brief.txt")
    assert "three words or more" in caught.value.hint and "two in sentence case" in caught.value.hint


BRIEF = "The markets fell sharply on Tuesday after the central bank raised its rates, traders said. " * 3


def test_a_two_word_headline_over_its_byline_or_after_a_separator_is_a_title() -> None:
    """"Mayor resigns" over its byline and date was no headline (fewer than three words),
    and its article was lost."""
    over_bylines = ("Markets tumble\nBy Ann Lee\n6 March 2024\n\n" + BRIEF
                    + "\n\nTalks collapse\nBy Bob Smith\n7 March 2024\n\n" + BRIEF)
    assert [(a.title, a.byline) for a in parse(over_bylines.encode(), "dump.txt").articles] == [
        ("Markets tumble", "Ann Lee"), ("Talks collapse", "Bob Smith")]
    separated = "-----\nMarkets tumble\n\n" + BRIEF + "\n-----\nTalks collapse\n\n" + BRIEF
    assert [a.title for a in parse(separated.encode(), "dump.txt").articles] == ["Markets tumble", "Talks collapse"]


def test_ordinary_two_word_lines_stay_in_the_text() -> None:
    """Furniture over a date ("Last updated"), a Title Case label, a kicker above the real
    headline, and a short line between paragraphs are no titles."""
    dump = ("Council approves budget\nBy Ann Lee\n6 March 2024\n\n" + BRIEF
            + "\n\nLast updated\n7 March 2024\n\n" + BRIEF
            + "\n\nStock markets\nWhy central banks are buying gold again\nBy Bob Smith\n8 March 2024\n\n" + BRIEF
            + "\n\nTraders said:\n\n" + BRIEF + "\n\nMarkets tumble\n\n" + BRIEF)
    articles = parse(dump.encode(), "dump.txt").articles
    assert [a.title for a in articles] == ["Council approves budget", "Why central banks are buying gold again"]
    assert "Last updated" in articles[0].body and "Markets tumble" in articles[1].body


def test_the_whole_text_can_be_taken_as_one_article() -> None:
    article = whole_text_article("A title line\nfirst line of the\nbody text.\n\nMore.")
    assert article.title == "A title line"
    assert article.body == "first line of the body text.\n\nMore."
    titled = whole_text_article("just text.", title="Given")
    assert (titled.title, titled.body) == ("Given", "just text.")


FRONT_PAGE = (b"<!doctype html><html><head><title>Front page</title><style>body{color:red}</style>"
              b"<script>var tracking = 1;</script></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
              b"</nav></body></html>")


def test_a_page_without_an_article_offers_its_visible_text_not_its_markup() -> None:
    with pytest.raises(NoArticlesFound) as caught:
        parse(FRONT_PAGE, "front.html")
    assert caught.value.text == whole_text(FRONT_PAGE, "front.html") == "Home World"


def test_a_page_taken_whole_keeps_one_paragraph_per_block() -> None:
    page = (b"<html><head><script>track()</script></head><body><h1>Notice</h1><p>Closed for\n  repairs"
            b" <b>today</b>.</p><ul><li>Back soon</li><li>Call us</li></ul><div>Thanks<br>The desk</div></body></html>")
    assert whole_text(page, "notice.htm").split("\n\n") == [
        "Notice", "Closed for repairs today.", "Back soon", "Call us", "Thanks", "The desk"]


def test_a_page_taken_whole_keeps_text_beside_comments_and_control_characters() -> None:
    # lxml refuses to write such text back into its tree; the page is read, never rewritten
    page = b"<html><body><div>Before<!-- a note -->after</div><p>Odd\x01 byte</p></body></html>"
    assert whole_text(page, "odd.html").split("\n\n") == ["Beforeafter", "Odd\x01 byte"]


def test_a_text_file_taken_whole_is_its_text_and_json_cannot_be() -> None:
    assert whole_text("Caf\u00e9 note\n".encode("cp1252"), "note.txt") == "Caf\u00e9 note\n"
    with pytest.raises(IngestError, match="cannot be taken as one article"):
        whole_text(b"[]", "feed.json")


def test_an_xhtml_page_with_an_xml_declaration_is_taken_whole_with_its_text() -> None:
    # lxml refuses a decoded page that still declares its encoding; the text was lost ("")
    page = (b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            b"<ul><li>Home</li><li>About us</li></ul></body></html>")
    with pytest.raises(NoArticlesFound) as caught:
        parse(page, "notice.html")
    assert caught.value.text == whole_text(page, "notice.html") == "Home\n\nAbout us"


def test_json_fields_that_are_lists_or_objects_are_read_as_their_text_never_as_python() -> None:
    # A scraper's {"body": [{"text": …}, …]}, a title split in parts, several links:
    # str() of them put "{'text': '…'}" into the article that was analysed.
    item = {"title": ["Talks end", "without a deal"], "url": ["https://example.org/a", "https://example.org/b"],
            "body": [{"type": "p", "text": "The ministers met."}, {"type": "p", "text": "They left."}],
            "author": [{"name": "Jane Doe"}, {"id": 7}]}
    [article] = parse(json.dumps([item]).encode(), "feed.json").articles
    assert (article.title, article.body, article.url, article.byline) == (
        "Talks end without a deal", "The ministers met.\n\nThey left.", "https://example.org/a", "Jane Doe")


def test_a_wordpress_post_gives_the_text_of_its_rendered_html_not_its_markup() -> None:
    # WordPress's REST API: {"title": {"rendered": …}, "content": {"rendered": "<p>…"}}; the
    # object's "rendered" was not read (no article), and HTML in a JSON body kept its tags.
    post = {"title": {"rendered": "Talks end &#8211; no deal"}, "date": "2017-04-12T14:03:00",
            "content": {"rendered": "<!-- wp:paragraph -->\n<p>The minister said &#8220;no&#8221;.</p>\n"
                                    "<!-- /wp:paragraph -->\n<p>Talks <em>may</em>\nresume<br>in May.</p>",
                        "protected": False}}
    [article] = parse(json.dumps([post]).encode(), "posts.json").articles
    assert article.title == "Talks end \u2013 no deal"
    assert article.body == "The minister said \u201cno\u201d.\n\nTalks may resume\n\nin May."
    assert article.published == dt.date(2017, 4, 12)


def test_plain_json_text_keeps_its_angle_brackets_ampersands_and_lines() -> None:
    item = {"title": "AT&T & Q&A", "body": "Costs < 5% of sales & rising.\nShares fell &amp; rose."}
    [article] = parse(json.dumps([item]).encode(), "feed.json").articles
    assert (article.title, article.body) == ("AT&T & Q&A", "Costs < 5% of sales & rising.\n\nShares fell & rose.")


def test_plain_json_text_with_an_inline_tag_keeps_its_paragraphs() -> None:
    # One link made the whole field HTML, whose blank lines part nothing: one paragraph.
    item = {"title": "Vote", "body": "The council met, <a href='https://example.org'>its site</a> said.\n\n"
                                     "The <em>mayor</em> left early.<!-- note -->\n\nThe vote is on Friday."}
    [article] = parse(json.dumps([item]).encode(), "feed.json").articles
    assert article.body == "The council met, its site said.\n\nThe mayor left early.\n\nThe vote is on Friday."


@pytest.mark.parametrize("text", ["Turnout A<B and C>D in every ward.", "The ratio x<p and q>y held."])
def test_plain_json_text_keeps_the_words_between_a_lone_lt_and_gt(text: str) -> None:
    item = {"title": "Turnout", "body": f"{text}\n\nThe count ended at noon."}
    [article] = parse(json.dumps([item]).encode(), "feed.json").articles
    assert article.body == f"{text}\n\nThe count ended at noon."


def test_a_json_field_with_block_tags_is_read_as_html() -> None:
    item = {"title": "Vote", "body": '<p class="lead">The council met.</p>\n\n<p>It voted<br/>at noon.</p>'}
    [article] = parse(json.dumps([item]).encode(), "feed.json").articles
    assert article.body == "The council met.\n\nIt voted\n\nat noon."


def test_a_dump_whose_only_article_is_too_short_says_so_not_that_it_lacks_a_headline() -> None:
    """The brief had its headline, byline and date: telling the user to add them sent
    them looking for the wrong problem."""
    brief = "Council approves budget\nBy Ann Lee\n6 March 2024\n\nThe council approved it on Tuesday.\n"
    with pytest.raises(NoArticlesFound) as caught:
        parse(brief.encode(), "brief.txt")
    assert "too short" in caught.value.message + caught.value.hint
    assert "'Council approves budget'" in caught.value.message + caught.value.hint
    assert "headline line" not in caught.value.hint
    assert caught.value.text == brief, "the whole text is still offered as one article"
