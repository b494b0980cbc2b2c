"""The held-out dumps (tests/ingest/heldout/) parse to what a careful reader takes out
of them: the articles, their headers and their first, last and number of paragraphs.

They were written before the rules for them (issue 3) and score the layer on layouts
the fixtures do not show; `python -m tests.ingest.heldout_score -v` prints the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .heldout_score import dumps, score_dump


@pytest.mark.parametrize("path", dumps(), ids=lambda p: p.name)
def test_a_held_out_dump_parses_to_its_expected_articles(path: Path) -> None:
    score = score_dump(path)
    assert (score.found, score.misses) == (score.expected, [])


def test_every_held_out_dump_has_its_expectations() -> None:
    assert len(dumps()) >= 8
    for path in dumps():
        assert path.with_name(path.name.split(".")[0] + ".expected.json").exists()
