"""Reading a dump line by line: the streamed lines are the lines of the whole text."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest import IngestError, Limits, parse
from articles.ingest.decode import _CHUNK, decode, decode_lines, iter_lines

from .conftest import SEED


def test_iter_lines_splits_on_every_kind_of_line_end() -> None:
    assert list(iter_lines("a\r\nb\rc\n\nd")) == ["a", "b", "c", "", "d"]
    assert list(iter_lines("a\r\r\nb\n")) == ["a", "", "b"]
    assert list(iter_lines("a\n")) == ["a"]


def test_a_crlf_and_a_multibyte_character_split_across_chunks_decode_whole() -> None:
    head = "x" * (_CHUNK - 1)
    text = head + "\r\n" + "y" * (_CHUNK - 2) + "’ends\r" + "last"
    data = text.encode("utf-8")
    assert data[_CHUNK - 1 : _CHUNK + 1] == b"\r\n"  # the line end straddles the boundary
    assert list(decode_lines(data, "t.txt")) == [head, "y" * (_CHUNK - 2) + "’ends", "last"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("ab ’—\u00a0é\r\n.")), min_size=1, max_size=400
    ).filter(lambda t: t.strip()),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_streamed_lines_are_the_lines_of_the_decoded_text(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    try:
        whole = decode(data, "t.txt")
    except IngestError:
        with pytest.raises(IngestError):  # refused the same way
            list(decode_lines(data, "t.txt"))
        return
    # A final line end closes the last line; it does not open an empty one.
    assert list(decode_lines(data, "t.txt")) == whole.removesuffix("\n").split("\n")


def test_a_large_dump_is_parsed_without_a_second_copy_of_it() -> None:
    # The seed repeated to ~1 MB: the result holds the article text once (about the
    # input's size, twice for text with curly quotes, which Python stores in 2-byte
    # strings); reading it must not add a decoded copy and a list of lines on top.
    seed = SEED.read_bytes()
    data = b"\n\n* * *\n\n".join([seed] * (1024 * 1024 // len(seed)))
    parse(seed, "warm.txt")  # load word lists and compile patterns outside the count
    tracemalloc.start()
    try:
        result = parse(data, "big.txt", limits=Limits(max_file_bytes=8 * len(data)))
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.articles) == 3 * (1024 * 1024 // len(seed))
    assert peak - retained < 0.5 * len(data)  # working memory beyond the result
    assert peak < 2.5 * len(data)
