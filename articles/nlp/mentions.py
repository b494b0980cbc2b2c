"""Where each actor is mentioned in one doc, and the word lists behind it.

`find_actors` (actors.py) builds a `Mentions`; `resolve_speakers` (speakers.py)
reads it to turn a quote's speaker mention into an actor. Lexicons are the
`lexicons/*.csv` files: a `#` comment header naming the source, then a CSV header.
"""

from __future__ import annotations

import bisect
import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

MentionKind = Literal["name", "title", "description", "metonym", "document", "group"]


@functools.cache
def load_lexicon(filename: str) -> tuple[dict[str, str], ...]:
    """Rows of `lexicons/<filename>` as dicts; () if the file does not exist."""
    path = LEXICON_DIR / filename
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return tuple(
        {key.strip(): (value or "").strip() for key, value in row.items() if key} for row in csv.DictReader(lines)
    )


@dataclass(frozen=True)
class Mention:
    """One span of the doc that names, describes or stands for an actor.

    `actor` is the ActorRef.name it refers to. `subject` is True when the span
    heads a grammatical subject, `main_clause` when that subject's verb is the
    sentence's own predicate (not inside a reported or subordinate clause):
    pronouns prefer such antecedents.
    """

    start: int
    end: int
    text: str
    actor: str
    kind: MentionKind
    token: int  # index of the head token
    subject: bool = False
    main_clause: bool = False
    gender: str = ""  # "f" or "m" when a title says so ("spokeswoman"), else ""
    possessive: bool = False  # "Lavrov's spokeswoman": Lavrov is not the speaker


@dataclass(frozen=True)
class Mentions:
    """All mentions of one doc, ordered by start offset."""

    items: tuple[Mention, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def build(cls, mentions: list[Mention]) -> Mentions:
        items = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
        return cls(items=items, _starts=tuple(m.start for m in items))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def before(self, pos: int) -> Iterator[Mention]:
        """Mentions ending at or before `pos`, nearest first (callers stop early)."""
        hi = bisect.bisect_left(self._starts, pos)
        for i in range(hi - 1, -1, -1):
            if self.items[i].end <= pos:
                yield self.items[i]

    def for_actor(self, name: str) -> list[Mention]:
        return [m for m in self.items if m.actor == name]
