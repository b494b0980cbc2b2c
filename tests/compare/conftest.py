from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from articles.compare.embed import embed


@pytest.fixture(scope="session")
def cached_embed():
    """The real embedder, loaded once per session, with vectors memoised by text."""
    memo: dict[str, np.ndarray] = {}

    def run(texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, embed(missing), strict=True))
        return np.stack([memo[t] for t in texts]) if texts else embed([])

    return run
