"""Hypothesis on every parser entry point: whatever the bytes, a parser returns its
result or raises IngestError (a message for the user); never anything else."""

from __future__ import annotations

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import IngestError, Limits, parse, whole_text_article
from articles.ingest.decode import decode
from articles.ingest.dump import parse_dump
from articles.ingest.reflow import reflow
from articles.ingest.segment import segment

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.zip", "noext", "a.TXT", ""])
# Text that looks like a dump: headlines, dates, bylines, separators, quotes, markup.
LINES = st.sampled_from([
    "Tillerson meets Lavrov", "12 April 2017", "April 12, 2017 10:31 am", "By A. Reporter", "----", "",
    "\"We talked,\" Lavrov said.", "<p>markup</p>", "Share this:", "Related", "Posted in News", "* * *",
    "The ministers met for several hours and discussed Syria at length in Moscow today.",
])
DUMPS = st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=60).map("\n".join)
SMALL = Limits(max_file_bytes=64 * 1024, max_total_bytes=256 * 1024, max_zip_entries=20, max_zip_ratio=100)


def _zip_of(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(
        st.sampled_from(["title", "body", "text", "date", "author", "outlet", "articles", "x"]), children, max_size=5),
    max_leaves=30,
)


@FUZZ
@given(data=st.binary(max_size=4096), name=NAMES)
def test_parse_of_any_bytes_returns_articles_or_an_ingest_error(data: bytes, name: str) -> None:
    try:
        result = parse(data, name, limits=SMALL)
    except IngestError as exc:
        assert exc.message
    else:
        assert all(a.body for a in result.articles)


@FUZZ
@given(text=DUMPS)
def test_the_dump_parser_and_segmenter_take_any_text(text: str) -> None:
    segment(text)
    reflow(text.split("\n"))
    whole_text_article(text)
    try:
        parse_dump(text, "fuzz.txt")
    except IngestError as exc:
        assert exc.message


@FUZZ
@given(text=DUMPS, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "utf-8-sig"]))
def test_decode_reads_any_encoded_text_or_refuses_it_with_a_message(text: str, encoding: str) -> None:
    try:
        decoded = decode(text.encode(encoding, errors="replace"), "fuzz.txt")
    except IngestError as exc:
        assert exc.message
    else:
        assert isinstance(decoded, str)


@FUZZ
@given(value=JSON_VALUES)
def test_the_json_reader_takes_any_json_value(value: object) -> None:
    try:
        parse(json.dumps(value).encode(), "fuzz.json", limits=SMALL)
    except IngestError as exc:
        assert exc.message


@FUZZ
@given(tags=st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<article>", "<script>",
                                      "<!--", "-->", "<title>", "&amp;", "&#0;", "<br>", "<![CDATA[", "]]>"]),
                     max_size=40),
       words=st.lists(st.text(max_size=20), max_size=40))
def test_the_html_reader_takes_any_tag_soup(tags: list[str], words: list[str]) -> None:
    soup = "".join(t + w for t, w in zip(tags, words, strict=False))
    try:
        parse(("<html><body>" + soup).encode(), "fuzz.html", limits=SMALL)
    except IngestError as exc:
        assert exc.message


@FUZZ
@given(entries=st.lists(st.tuples(st.sampled_from(["a.txt", "../b.txt", "c.zip", "d.json", "e.html", "/f.md", "g"]),
                                  st.binary(max_size=512)), max_size=8),
       cut=st.integers(min_value=0, max_value=64))
def test_the_zip_reader_takes_any_archive_whole_or_truncated(entries: list[tuple[str, bytes]], cut: int) -> None:
    data = _zip_of(entries)
    for variant in (data, data[: max(0, len(data) - cut)]):
        try:
            parse(variant, "fuzz.zip", limits=SMALL)
        except IngestError as exc:
            assert exc.message
