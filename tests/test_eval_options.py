"""The evaluation scripts refuse what they do not know, rather than run every part."""

from __future__ import annotations

import pytest

from tests.eval.eval_quotes_polnear import _args


def test_an_unknown_option_stops_before_any_part_is_scored() -> None:
    with pytest.raises(SystemExit, match="unknown option '--help'"):
        _args(["--help"])
    with pytest.raises(SystemExit, match="unknown part"):
        _args(["--part", "held-out"])


def test_the_documented_options_are_read() -> None:
    parts, skip, limit, dump = _args(["--part", "tuning", "--skip", "250", "-q"])
    assert (parts, skip, limit, dump) == (("tuning",), 250, None, None)
