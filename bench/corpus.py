"""Article texts for the benchmarks: the seed articles and the ingest fixtures,
re-parsed and cycled to the size asked for (speed depends on text, not novelty)."""

from __future__ import annotations

from itertools import cycle, islice
from pathlib import Path

from articles.ingest import parse

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "ingest" / "fixtures"]


def article_bodies(count: int) -> list[str]:
    bodies: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            try:
                bodies.extend(a.body for a in parse(path.read_bytes(), path.name).articles)
            except ValueError:
                continue
    if not bodies:
        raise RuntimeError("no benchmark texts found under seeds/ or tests/ingest/fixtures/")
    return list(islice(cycle(bodies), count))
