"""Hard-wrapped lines -> paragraphs.

Copied web text arrives one fragment a line. Three kinds of break matter:
- a real paragraph break: a blank line, a heading, a short line that ends a sentence,
  or (in copies that put each paragraph's first word on its own line, as some blog
  platforms do) a one-word capitalised line right after a sentence end;
- a wrap inside a sentence: joined with one space;
- a word hyphenated at a line end: joined, keeping the hyphen only when the word is a
  real compound ("re-election", "Russian-American") rather than a wrap ("govern-ment").
Only whitespace changes: no word is rewritten.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from articles.ingest.wordlists import load_list

_CLOSERS = "”\"’')]»"
_OPENERS = "“\"‘'(«["
_SENTENCE_END = (".", "?", "!", "…")
# A sentence-ending line shorter than this share of the typical line ends a paragraph.
_SHORT_LINE = 0.6
_NUMBER_MARK = re.compile(r"\d{1,2}[.)]")
# Word endings that only occur inside a word: a wrap before them was a soft hyphen.
_SUFFIX = re.compile(
    r"(?:tions?|sions?|ments?|ness(?:es)?|ings?|ly|ity|ities|ives?|ous|able|ible|als?|ally"
    r"|ed|ers?|est|isms?|ists?|i[sz]e[sd]?|i[sz]ing|ances?|ences?|ants?|ents?|ful|less|ship"
    r"|ures?|ry|ic|ics|ical|tic|ted|ding|ting|ning)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False


def reflow(lines: Sequence[str]) -> list[Paragraph]:
    """Rebuild the paragraphs of one article body from its raw lines (blank lines kept)."""
    stripped = [line.strip() for line in lines]
    width = _typical_width(stripped)
    one_per_line = _one_paragraph_per_line(stripped)
    vocabulary = _vocabulary(stripped)
    paragraphs: list[Paragraph] = []
    isolated: list[bool] = []  # came from one line standing between blank lines
    current: list[str] = []
    start = 0

    def flush(end: int) -> None:
        if current:
            paragraphs.append(Paragraph(_join_lines(current, vocabulary)))
            alone = len(current) == 1 and _blank_at(stripped, start - 1) and _blank_at(stripped, end)
            isolated.append(alone)
            current.clear()

    def add_heading(text: str) -> None:
        paragraphs.append(Paragraph(text, heading=True))
        isolated.append(False)

    i = 0
    while i < len(stripped):
        line = stripped[i]
        nxt = _next_nonblank(stripped, i)
        next_line = stripped[nxt] if nxt is not None else ""
        if not line:
            flush(i)
        elif _NUMBER_MARK.fullmatch(line) and nxt is not None and _is_subhead(next_line):
            # "1." / "Morning In Moscow": a numbered subhead split over two lines.
            flush(i)
            add_heading(f"{line} {next_line}")
            i = nxt
        elif (not current or ends_sentence(current[-1])) and (
            _is_heading_line(line, next_line)
            or (one_per_line and (paragraphs or current) and _is_line_subhead(line, next_line))
        ):
            flush(i)
            add_heading(line)
        else:
            if current and _starts_paragraph(current[-1], line, width, one_per_line):
                flush(i)
            if not current:
                start = i
            current.append(line)
        i += 1
    flush(len(stripped))
    # In copies that keep blank lines between paragraphs, a short unpunctuated line
    # standing alone before more text is a subhead ("What happens next").
    return [
        Paragraph(p.text, heading=True)
        if alone and _is_subhead(p.text) and _has_next(paragraphs, n)
        else p
        for n, (p, alone) in enumerate(zip(paragraphs, isolated, strict=True))
    ]


def ends_sentence(line: str) -> bool:
    """True when `line` closes a sentence (allowing closing quotes), not an abbreviation."""
    text = line.rstrip().rstrip(_CLOSERS).rstrip()
    if not text.endswith(_SENTENCE_END):
        return False
    last = text.split()[-1].rstrip(".").lstrip(_OPENERS).lower()
    return last not in load_list("abbreviations.txt")


def _starts_paragraph(previous: str, line: str, width: float, one_per_line: bool) -> bool:
    if not ends_sentence(previous) or not _starts_like_sentence(line):
        return False
    if " " not in line or one_per_line:
        return True  # the first word alone on its line, or unwrapped paragraphs
    # A short line that ends a sentence is a paragraph's last line; a lone word like
    # "U.S." is not (it is the first-word fragment of the paragraph that continues).
    return width > 0 and " " in previous and len(previous) < _SHORT_LINE * width


def _starts_like_sentence(line: str) -> bool:
    head = line.lstrip(_OPENERS + "—–- ")
    return bool(head) and (head[0].isupper() or head[0].isdigit())


def _is_heading_line(line: str, next_line: str) -> bool:
    """An ALL-CAPS subhead ("LAVROV’S PERSPECTIVE") or a numbered one ("2. The Veto")."""
    if next_line[:1].islower():
        return False
    words = line.split()
    letters = [ch for ch in line if ch.isalpha()]
    if 2 <= len(words) <= 12 and len(letters) >= 6 and all(ch.isupper() for ch in letters):
        return not line.endswith((".", ",", ";"))
    number, _, rest = line.partition(" ")
    return bool(_NUMBER_MARK.fullmatch(number)) and _is_subhead(rest)


def _is_line_subhead(line: str, next_line: str) -> bool:
    """In copies with one paragraph a line, a short unpunctuated line (or a question)
    between finished paragraphs, before a longer one, is a subhead."""
    return _is_subhead(line) and len(next_line.split()) > 2 * len(line.split()) + 4


def _is_subhead(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 12
        and _starts_like_sentence(text)
        and not text.rstrip(_CLOSERS).endswith((".", ",", ";", ":"))
    )


def _join_lines(lines: Iterable[str], vocabulary: set[str]) -> str:
    text = ""
    for line in lines:
        line = re.sub(r"[ \t]+", " ", line)
        if not text:
            text = line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha():
            text = _join_hyphenated(text, line, vocabulary)
        elif text.endswith(("—", "–")) and not text[:-1].endswith(" "):
            text += line  # an unspaced dash stays unspaced
        else:
            text += " " + line
    return text


def _join_hyphenated(text: str, line: str, vocabulary: set[str]) -> str:
    left_match = re.search(r"([^\W\d_]+)-$", text)
    right_match = re.match(r"[^\W\d_]+", line)
    left = left_match.group(1) if left_match else ""
    right = right_match.group(0) if right_match else ""
    if _keeps_hyphen(left, right, vocabulary):
        return text + line
    return text[:-1] + line


def _keeps_hyphen(left: str, right: str, vocabulary: set[str]) -> bool:
    low_left, low_right = left.lower(), right.lower()
    # The text itself is the best dictionary: use the spelling it uses elsewhere.
    if f"{low_left}-{low_right}" in vocabulary:
        return True
    if low_left + low_right in vocabulary:
        return False
    if right[:1].isupper():
        return True  # "Russian-American", "anti-Assad"
    if low_left in load_list("hyphen_prefixes.txt"):
        return True
    if low_left[-1:] in "aeiou" and low_left[-1:] == low_right[:1]:
        return True  # "re-election", "co-operate": the hyphen separates doubled vowels
    if _SUFFIX.fullmatch(low_right) or low_left in load_list("closed_prefixes.txt"):
        return False
    # Another word of the text continues the joined spelling ("investi-" / "gated" next
    # to "investigation"): the hyphen was a wrap.
    stem = low_left + low_right[:2]
    if any(word.startswith(stem) and "-" not in word for word in vocabulary):
        return False
    return len(low_left) >= 4 and len(low_right) >= 4


def _vocabulary(lines: Sequence[str]) -> set[str]:
    """Lowercase words of the body that are not split at a line end."""
    words: set[str] = set()
    for line in lines:
        found = _WORD.findall(line)
        if line.endswith("-") and found:
            found = found[:-1]
        words.update(word.lower() for word in found)
    return words


def _one_paragraph_per_line(lines: Sequence[str]) -> bool:
    """Copied web text often has one paragraph a line, no wrapping: then nearly every
    line ends a sentence, which hard-wrapped text never shows (about one in four)."""
    long_lines = [line for line in lines if len(line.split()) >= 4]
    if len(long_lines) < 2:
        return False
    closed = sum(1 for line in long_lines if ends_sentence(line))
    return closed >= 0.75 * len(long_lines)


def _typical_width(lines: Sequence[str]) -> float:
    lengths = [len(line) for line in lines if len(line.split()) >= 4]
    return float(statistics.median(lengths)) if len(lengths) >= 3 else 0.0


def _next_nonblank(lines: Sequence[str], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j]:
            return j
    return None


def _blank_at(lines: Sequence[str], index: int) -> bool:
    return index < 0 or index >= len(lines) or not lines[index]


def _has_next(paragraphs: Sequence[Paragraph], index: int) -> bool:
    return index + 1 < len(paragraphs) and _starts_like_sentence(paragraphs[index + 1].text)
