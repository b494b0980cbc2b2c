"""bench/sampling.py credits each sample to our innermost module and the library it is in."""

from __future__ import annotations

import os

from bench.sampling import shares, table, where_time_goes

SITE = "/v/lib/python3.11/site-packages"
FOLDED = "\n".join([
    f"run (/w/bench/nlp.py:10);analyze_texts (/w/articles/nlp/analyze.py:40);pipe ({SITE}/spacy/language.py:1) 6",
    f"run (/w/bench/nlp.py:10);analyze_texts (/w/articles/nlp/analyze.py:40);"
    f"find (/w/articles/nlp/quotes.py:12);__call__ ({SITE}/spacy/matcher.py:3) 3",
    "run (/w/bench/nlp.py:10);analyze_texts (/w/articles/nlp/analyze.py:40);find (/w/articles/nlp/quotes.py:12) 1",
    "not a sample line",
])


def test_samples_go_to_our_innermost_module_and_the_library_they_are_in() -> None:
    assert shares(FOLDED) == [
        ("articles/nlp/analyze.py → spacy", 0.6),
        ("articles/nlp/quotes.py → spacy", 0.3),
        ("articles/nlp/quotes.py", 0.1),
    ]
    assert table(shares(FOLDED), top=1)[-1] == "| everything else | 40% |"


def test_py_spy_samples_this_process() -> None:
    def busy() -> None:
        total = 0
        for i in range(30_000_000):
            total += i

    places = where_time_goes(busy, pid=os.getpid())
    assert places, "py-spy recorded no samples"
    assert abs(sum(share for _, share in places) - 1.0) < 1e-9
