from __future__ import annotations

from articles.ingest.reflow import Paragraph, reflow


def test_a_first_word_line_after_a_sentence_starts_a_paragraph() -> None:
    lines = ["It", "seems that the talks failed.", "Lavrov", "said otherwise."]
    assert reflow(lines) == [
        Paragraph("It seems that the talks failed."),
        Paragraph("Lavrov said otherwise."),
    ]


def test_a_capitalised_line_inside_a_sentence_continues_it() -> None:
    lines = ["Secretary", "of State Rex", "Tillerson met Putin."]
    assert reflow(lines) == [Paragraph("Secretary of State Rex Tillerson met Putin.")]


def test_a_line_ending_in_a_courtesy_title_does_not_end_the_paragraph() -> None:
    lines = ["The talks were led by Mr.", "Lavrov", "and his deputy."]
    assert reflow(lines) == [Paragraph("The talks were led by Mr. Lavrov and his deputy.")]


def test_all_caps_and_numbered_subheads_become_headings() -> None:
    lines = ["Intro ends here.", "THE VIEW FROM MOSCOW", "Text.", "2.", "Morning In Moscow", "More."]
    assert reflow(lines) == [
        Paragraph("Intro ends here."),
        Paragraph("THE VIEW FROM MOSCOW", heading=True),
        Paragraph("Text."),
        Paragraph("2. Morning In Moscow", heading=True),
        Paragraph("More."),
    ]


def test_hyphenated_line_ends_join_as_wraps_or_compounds() -> None:
    lines = [
        "The govern-",
        "ment faced re-",
        "election and a well-",
        "known Russian-",
        "American rift over the inter-",
        "national response to the investi-",
        "gation; the investigation goes on.",
    ]
    (paragraph,) = reflow(lines)
    assert paragraph.text == (
        "The government faced re-election and a well-known Russian-American rift over the "
        "international response to the investigation; the investigation goes on."
    )


def test_whitespace_is_the_only_thing_changed() -> None:
    lines = ["“Quoted”  words\u00a0stay —", "as they are."]
    assert reflow(lines) == [Paragraph("“Quoted” words\u00a0stay — as they are.")]
