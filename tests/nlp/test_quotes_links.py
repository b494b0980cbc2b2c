"""Headlines of other articles copied with a page are no quotes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("label", ["Related:", "READ MORE:", "See also:", "Watch:"])
def test_a_linked_headline_under_a_label_is_no_quote(quotes_of, label):
    text = (f"The harbour board met on Monday.\n\n{label} “Ferry fares to rise by a fifth next spring”\n\n"
            "“We have no choice,” the chairwoman said.")
    assert [q.text for q in quotes_of(text)] == ["We have no choice"]


def test_a_quote_after_a_speaker_label_is_still_a_quote(quotes_of):
    text = "The harbour board met on Monday.\n\nMore than one member objected: “We have no choice.”"
    assert [q.text for q in quotes_of(text)] == ["We have no choice."]
