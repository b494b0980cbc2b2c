"""facts_sweep rebuilds its cache when events were labelled after it was built."""

from __future__ import annotations

import pickle
from pathlib import Path

from tests.eval.facts_sweep import cache_covers


def test_a_cache_missing_a_labelled_event_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "facts.pickle"
    labels = {"event-01": tmp_path / "event-01.json", "event-31": tmp_path / "event-31.json"}
    assert not cache_covers(cache, labels)
    cache.write_bytes(pickle.dumps({"event-01": ()}))
    assert not cache_covers(cache, labels)
    cache.write_bytes(pickle.dumps({"event-01": (), "event-31": ()}))
    assert cache_covers(cache, labels)
