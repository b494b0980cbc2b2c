"""The dev layouts of tests/eval/data/layouts/dev (issue 17) parse to their expected
headers: the rules were tuned on them, so here they guard against regressions. The
held-out sets are measured by `python -m tests.eval eval_layouts`, not asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval.eval_layouts import LAYOUTS, Tally, score_dump

DEV = sorted((LAYOUTS / "dev").glob("*.txt"))


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem)
def test_a_dev_layout_parses_to_its_expected_headers(path: Path) -> None:
    tally = Tally()
    score_dump(path, tally)
    assert tally.misses == []


def test_there_are_enough_layouts_in_each_set() -> None:
    assert len(DEV) >= 15
    for split in ("heldout", "heldout2", "heldout3"):
        assert len(list((LAYOUTS / split).glob("*.txt"))) >= 20
