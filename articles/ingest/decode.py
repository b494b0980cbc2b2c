"""Bytes of a text upload -> str.

Order of evidence: a byte-order mark; UTF-16 without a BOM (NULs at every other byte);
strict UTF-8, or UTF-8 with a few stray bytes (read as Windows-1252); then a legacy
single-byte code page. News English that is not UTF-8 is
almost always Windows-1252 (curly quotes at 0x91-0x94) or Latin-1, so mostly-ASCII
bytes go to cp1252 directly; charset-normalizer decides for the rest. Only line endings
are normalised: quotes, dashes and no-break spaces come through as they are.

`decode_lines` does the same one line at a time, decoding the bytes in chunks: a text
dump is then never held as one decoded string next to its bytes.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator

from articles.ingest.types import IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ASCII = bytes(range(128))
# Share of non-ASCII bytes under which a text is "English with a few special characters".
_MOSTLY_ASCII = 0.1
# Control characters other than tab/newline/form feed signal a binary file.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"} | {"\x7f"}
_CHUNK = 64 * 1024  # bytes decoded at a time: the working set of a streamed parse
_SNIFF = 8192  # characters looked at for binary content


def decode(data: bytes, filename: str = "") -> str:
    """Decode an uploaded text file; raise IngestError for empty or binary input."""
    label = filename or "The file"
    encoding, skip = _check_and_detect(data, label)
    text = _decode_normalising_newlines(data, encoding, skip, label)
    _reject_binary(text[:_SNIFF], label)
    return text


def decode_lines(data: bytes, filename: str = "") -> Iterator[str]:
    """The lines of an uploaded text file, decoded chunk by chunk, without line ends.

    Raises IngestError like `decode`: for empty, binary or undecodable input before the
    first line, for a bad byte further on when the reader gets there.
    """
    label = filename or "The file"
    encoding, skip = _check_and_detect(data, label)
    return _lines(data, encoding, skip, label)


def _check_and_detect(data: bytes, label: str) -> tuple[str, int]:
    if not data or data.isspace():  # not data.strip(): that would copy the whole upload
        raise IngestError(
            f"{label} is empty.",
            "Upload a file that contains the text of the articles.",
        )
    encoding, skip = _detect(data, label)
    head = codecs.getincrementaldecoder(encoding)(errors="replace").decode(
        data[skip : skip + 4 * _SNIFF]
    )
    _reject_binary(head[:_SNIFF], label)
    return encoding, skip


def _lines(data: bytes, encoding: str, skip: int, label: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors=_errors(encoding))
    carry = ""  # the unfinished last line of the previous chunk
    view = memoryview(data)
    for start in range(skip, len(data), _CHUNK):
        try:
            chunk = decoder.decode(view[start : start + _CHUNK])
        except UnicodeDecodeError as exc:
            raise _bad_byte(label, encoding, start - skip + exc.start) from exc
        if carry:
            chunk = carry + chunk
        # A "\r" at the end may be the first half of "\r\n": wait for the next chunk.
        end = len(chunk) - 1 if chunk.endswith("\r") else len(chunk)
        cut = max(chunk.rfind("\n", 0, end), chunk.rfind("\r", 0, end))
        if cut < 0:
            carry = chunk
            continue
        carry = chunk[cut + 1 :]
        yield from iter_lines(chunk[: cut + 1])
    try:
        carry += decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise _bad_byte(label, encoding, len(data) - skip) from exc
    if carry:
        yield from iter_lines(carry)


def iter_lines(text: str) -> Iterator[str]:
    """The lines of `text` one by one ("\\n", "\\r\\n" or "\\r"), without splitting it
    into a list first."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        line = text[start:end]
        if "\r" in line:
            # "\r\n" is one line end; any other "\r" ends a line of its own.
            yield from line.removesuffix("\r").split("\r")
        else:
            yield line
        start = end + 1


def _detect(data: bytes, label: str) -> tuple[str, int]:
    """The codec to use and how many leading BOM bytes to skip."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16, 0
    if b"\x00" in data:
        raise _binary_error(label)
    if _decodes(data, "utf-8") or _mostly_utf8(data):
        return "utf-8", 0
    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii <= _MOSTLY_ASCII * len(data):
        return ("cp1252" if _decodes(data, "cp1252") else "latin-1"), 0
    return _charset_normalizer_guess(data, label), 0


def _stray_bytes_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return bytes(exc.object[exc.start:exc.end]).decode("cp1252", errors="replace"), exc.end


# A UTF-8 text with a few bytes that are not UTF-8 (a piece pasted from a Windows-1252
# file, a character cut in two) reads those bytes as Windows-1252, where they most often
# come from: decoding it all as cp1252 turned each of its curly quotes into "â€œ".
STRAY_BYTES = "newsframe-stray-cp1252"
codecs.register_error(STRAY_BYTES, _stray_bytes_as_cp1252)
_MOSTLY = 4  # a UTF-8 text has at least this many well-formed non-ASCII characters per stray byte


def _errors(encoding: str) -> str:
    return STRAY_BYTES if encoding == "utf-8" else "strict"


def _mostly_utf8(data: bytes) -> bool:
    """Whether the non-ASCII bytes are mostly well-formed UTF-8 (cp1252 text's rarely are)."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    view = memoryview(data)
    good = bad = 0
    for start in range(0, len(data) + 1, _CHUNK):
        text = decoder.decode(view[start : start + _CHUNK], final=start + _CHUNK > len(data))
        stray = text.count("\ufffd")
        bad += stray
        good += len(text) - len(text.encode("ascii", "ignore")) - stray
    return good >= _MOSTLY * bad


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in UTF-16 has NULs at one parity only: in every high byte of English, in the
    # spaces, digits and punctuation of Russian or Greek (whose letters' high byte is 0x03
    # or 0x04), in curly quotes' and dashes' neither. A share of NULs at one parity and
    # next to none at the other, and a sample that decodes to text without control
    # characters, tell it from a binary file (whose NULs fall anywhere).
    sample = data[: 4096 & ~1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (zeros.count(0) >= _UTF16_NULS * len(zeros) and other.count(0) <= _UTF16_STRAY_NULS * len(other)
                and _reads_as_text(sample, encoding)):
            return encoding
    return None


_UTF16_NULS = 0.1  # a share of one parity's bytes: about a space every ten characters
_UTF16_STRAY_NULS = 0.05  # the other parity's: a CJK character such as U+4E00 has one


def _reads_as_text(sample: bytes, encoding: str) -> bool:
    try:  # not final: the sample may end inside a surrogate pair
        text = codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample)
    except UnicodeDecodeError:
        return False
    return sum(1 for ch in text if ch in _CONTROL) <= max(2, len(text) // 100)


def _decodes(data: bytes, encoding: str) -> bool:
    # Chunk by chunk: data.decode() would build the whole text only to throw it away.
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _charset_normalizer_guess(data: bytes, label: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            f"{label} could not be decoded as text in any known encoding.",
            "Save it as UTF-8 text (in most editors: Save As, encoding UTF-8) and upload again.",
        )
    # charset-normalizer may name a Western code page cousin for Western text; cp1252
    # is the superset of Latin-1 that Windows editors actually write.
    if best.encoding in {"latin_1", "iso8859_15", "cp1250", "mac_roman"} and _decodes(
        data, "cp1252"
    ):
        return "cp1252"
    return str(best.encoding)


def _decode_normalising_newlines(data: bytes, encoding: str, skip: int, label: str) -> str:
    # TextIOWrapper decodes and turns \r\n and \r into \n in one pass, so the text is
    # built once instead of once per replace().
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors=_errors(encoding), newline=None)
    try:
        if skip:
            stream.buffer.read(skip)
        return stream.read()
    except UnicodeDecodeError as exc:
        raise _bad_byte(label, encoding, exc.start) from exc
    finally:
        stream.detach()


def _bad_byte(label: str, encoding: str, position: int) -> IngestError:
    return IngestError(
        f"{label} is not valid {encoding} text (bad byte at position {position}).",
        "Save it as UTF-8 text and upload again.",
    )


def _reject_binary(sample: str, label: str) -> None:
    controls = sum(1 for ch in sample if ch in _CONTROL)
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise _binary_error(label)


def _binary_error(label: str) -> IngestError:
    return IngestError(
        f"{label} looks like a binary file, not text.",
        "Upload the articles as plain text, HTML, JSON or a ZIP of those; "
        "for a PDF or Word file, copy the text into a .txt file first.",
    )
