"""quotes-20: attributions carried by nouns and prepositional phrases (issue 15)."""

from __future__ import annotations

import pytest


def only(quotes):
    assert len(quotes) == 1, [(q.cue, q.text) for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "cue", "content", "mention"),
    [
        ("At a town hall in Ames, Governor Ruth Calder flatly rejected the notion that she was part of the "
         "party establishment.", "notion", "she was part of the party establishment", "Governor Ruth Calder"),
        ("Senator Paul Dorsey dismissed the idea that the tariffs would raise prices for farmers.", "idea",
         "the tariffs would raise prices for farmers", "Senator Paul Dorsey"),
    ],
)
def test_a_proposition_a_speaker_rejects_reports_its_clause(quotes_of, text, cue, content, mention):
    q = only(quotes_of(text))
    assert (q.cue, q.text, q.kind, q.speaker_mention) == (cue, content, "indirect", mention)


@pytest.mark.parametrize(
    "text",
    [
        "They combat the idea that debt is always bad.",  # no speech cue
        "The idea that the bridge could reopen in May surprised the engineers.",  # no one takes it up
    ],
)
def test_a_proposition_nobody_takes_up_in_speech_reports_nothing(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("Union leaders were angered by Mayor Okafor’s remarks about the pension fund.", "the pension fund",
         "Mayor Okafor"),
        ("Mayor Dana Price angered shop owners with her comments on the new parking rules.",
         "the new parking rules", "her"),
        ("Fury followed Senator Lee’s comments that the library should close on weekends.",
         "the library should close on weekends", "Senator Lee"),
    ],
)
def test_what_an_owners_comments_are_about_is_reported(quotes_of, text, content, mention):
    q = only(quotes_of(text))
    assert (q.text, q.kind, q.speaker_mention) == (content, "indirect", mention)


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("To Margaret Lindqvist, the new budget is a betrayal of the town’s working families.",
         "the new budget is a betrayal of the town’s working families", "Margaret Lindqvist"),
        ("To Hal Brenner, who has covered the statehouse for decades, the session was the least productive "
         "in memory.", "the session was the least productive in memory", "Hal Brenner"),
        ("The cheapest option, in Professor Adeyemi’s view, would be a modest tax on imported steel.",
         "The cheapest option, in Professor Adeyemi’s view, would be a modest tax on imported steel",
         "Professor Adeyemi"),
    ],
)
def test_a_sentence_given_as_someones_view_is_theirs(quotes_of, text, content, mention):
    q = only(quotes_of(text))
    assert (q.text, q.kind, q.speaker_mention) == (content, "indirect", mention)


@pytest.mark.parametrize(
    "text",
    [
        "To date, the city has spent $4 million on the bridge.",
        "To the west, the river floods every spring.",
        "In his view of the harbor, the boats looked small.",
        "To Margaret Lindqvist, the mayor said, the budget was a betrayal.",  # the cue's, not the view's
    ],
)
def test_a_phrase_of_place_time_or_sight_gives_no_view(quotes_of, text):
    assert [q for q in quotes_of(text) if q.cue in {"To", "view"}] == []


def test_a_noun_of_speech_a_cue_reports_is_inside_the_cues_quote(quotes_of):
    # (the outer cue is the learned model's: whatever it finds, the noun's quote is not beside it)
    quotes = quotes_of("Aides to the governor highlighted Senator Lee’s fawning comments about the new stadium.")
    texts = [q.text for q in quotes]
    assert texts in (["Senator Lee’s fawning comments about the new stadium"], ["the new stadium"])
