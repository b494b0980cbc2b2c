"""quotes-19: quote spans on real news, from the precision side (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention", "cue", "content"),
    [
        ("“Nobody in this town wanted the new bridge to be built at all,” Okafor charged.",
         "Okafor", "charged", "Nobody in this town wanted the new bridge to be built at all"),
        ("“Why would anyone vote for a tax on their own groceries?” barked Councilman Lee Haskins.",
         "Councilman Lee Haskins", "barked", "Why would anyone vote for a tax on their own groceries?"),
        ("“Nobody in this town wanted the new bridge to be built at all,” Okafor charged, drawing boos "
         "from the crowd.", "Okafor", "charged", "Nobody in this town wanted the new bridge to be built at all"),
    ],
)
def test_a_bare_tag_after_a_quote_attributes_it_whatever_its_verb(quotes_of, text, mention, cue, content):
    assert [(q.kind, q.speaker_mention, q.cue, q.text) for q in quotes_of(text)] == [
        ("direct", mention, cue, content)
    ]


def test_a_statement_a_bare_tag_interrupts_is_one_quote(quotes_of):
    text = ("Mayor Dana Price spoke at the county fair on Sunday. “The budget will not pass without the parks "
            "money,” she continued. “We have waited long enough for a vote.”")
    quotes = quotes_of(text)
    assert [(q.kind, q.cue) for q in quotes] == [("direct", "continued")]
    assert quotes[0].text.startswith("The budget will not pass") and quotes[0].text.endswith("for a vote.")


@pytest.mark.parametrize(
    "text",
    [
        "In her new memoir, “A Long Way Home,” the senator describes the farm where she grew up.",
        "In his autobiography, ''Roads Not Taken,'' the governor described how his father lost the farm.",
    ],
)
def test_a_works_name_in_apposition_is_no_quote(quotes_of, text):
    assert not [q for q in quotes_of(text) if "Home" in q.text or "Roads" in q.text]


def test_a_nested_attribution_leaves_no_fragment_of_the_outer_one(quotes_of):
    text = ("In his new book and in an interview, Mr. Lee said Mayor Price had told donors that she would not "
            "veto ''any tax'' on the stadium.")
    assert "Mayor Price had" not in [q.text for q in quotes_of(text)]
