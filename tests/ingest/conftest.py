from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).with_name("fixtures")
SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-lavrov-2017-04-12.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
