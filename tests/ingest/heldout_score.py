"""Score the ingest layer on the held-out dumps in tests/ingest/heldout/.

Each dump `NAME.<ext>` has `NAME.expected.json` next to it: the articles a careful
reader would take out of it (title, ISO date or null, byline, outlet, paragraph
count, first and last paragraph, optionally all paragraphs and the headings).
Found articles are matched to expected ones by title, then by first paragraph, so
one missed boundary costs the articles it swallowed and no more.

    .venv/bin/python -m tests.ingest.heldout_score        # prints a markdown table
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from articles.ingest import IngestError, ParsedArticle, parse

HELDOUT = Path(__file__).with_name("heldout")
FIELDS = ("title", "published", "byline", "outlet", "paragraphs", "first", "last", "headings", "all")


@dataclass
class DumpScore:
    name: str
    expected: int
    found: int
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def _names(byline: str) -> list[str]:
    """Byline as a sorted list of names, so "A and B" == "A; B" == "A, B"."""
    parts = re.split(r"\s*(?:;|,|\band\b|&)\s*", byline)
    return sorted(p.strip().lower() for p in parts if p.strip())


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def _match(expected: list[dict[str, Any]], found: list[ParsedArticle]) -> list[ParsedArticle | None]:
    left = list(found)
    out: list[ParsedArticle | None] = []
    for want in expected:
        best, best_score = None, 0.6
        for art in left:
            score = max(_similar(want["title"], art.title),
                        _similar(want["first"], art.paragraphs[0] if art.paragraphs else ""))
            if score > best_score:
                best, best_score = art, score
        if best is not None:
            left.remove(best)
        out.append(best)
    return out


def _actual(art: ParsedArticle, key: str) -> Any:
    paras = art.paragraphs
    return {
        "title": art.title,
        "published": art.published.isoformat() if art.published else None,
        "byline": _names(art.byline),
        "outlet": art.outlet.lower(),
        "paragraphs": len(paras),
        "first": paras[0] if paras else "",
        "last": paras[-1] if paras else "",
        "headings": [paras[i] for i in art.headings if i < len(paras)],
        "all": paras,
    }[key]


def _wanted(want: dict[str, Any], key: str) -> Any:
    if key == "byline":
        return _names(want["byline"])
    if key == "outlet":
        return want["outlet"].lower()
    if key == "headings":
        return want.get("headings", [])
    return want[key]


def score_dump(path: Path) -> DumpScore:
    expected = json.loads(path.with_name(path.name.split(".")[0] + ".expected.json").read_text())["articles"]
    try:
        found = list(parse(path.read_bytes(), path.name).articles)
    except IngestError as exc:
        found = []
        error = f"IngestError: {exc.message}"
    else:
        error = ""
    result = DumpScore(path.name, len(expected), len(found))
    if error:
        result.misses.append(error)
    for want, art in zip(expected, _match(expected, found), strict=True):
        for key in FIELDS:
            if key == "all" and "all" not in want:
                continue
            result.totals[key] = result.totals.get(key, 0) + 1
            if art is not None and _actual(art, key) == _wanted(want, key):
                result.hits[key] = result.hits.get(key, 0) + 1
            else:
                got = "(no article)" if art is None else repr(_actual(art, key))[:160]
                result.misses.append(f"{want['title'][:40]!r} {key}: want {repr(_wanted(want, key))[:160]} got {got}")
    return result


def dumps() -> list[Path]:
    return sorted(p for p in HELDOUT.iterdir() if p.is_file() and not p.name.endswith(".json")
                  and p.suffix in {".txt", ".zip", ".html", ".json", ".md"} and p.stem != "README")


def report(verbose: bool = False) -> str:
    scores = [score_dump(p) for p in dumps()]
    cols = [k for k in FIELDS if any(k in s.totals for s in scores)]
    lines = ["| dump | articles found / expected | " + " | ".join(cols) + " |",
             "|---|---|" + "---|" * len(cols)]
    total_hits: dict[str, int] = {}
    total_all: dict[str, int] = {}
    for s in scores:
        cells = []
        for k in cols:
            h, t = s.hits.get(k, 0), s.totals.get(k, 0)
            total_hits[k] = total_hits.get(k, 0) + h
            total_all[k] = total_all.get(k, 0) + t
            cells.append(f"{h}/{t}" if t else "–")
        lines.append(f"| {s.name} | {s.found} / {s.expected} | " + " | ".join(cells) + " |")
    exact = sum(s.found == s.expected for s in scores)
    lines.append(f"| **total** | {exact}/{len(scores)} dumps exact | "
                 + " | ".join(f"{total_hits.get(k, 0)}/{total_all[k]}" for k in cols) + " |")
    if verbose:
        lines.append("")
        for s in scores:
            lines.extend(f"- {s.name}: {m}" for m in s.misses)
    return "\n".join(lines)


if __name__ == "__main__":
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    django.setup()
    print(report(verbose="-v" in sys.argv))
