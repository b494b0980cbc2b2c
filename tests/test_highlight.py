from __future__ import annotations

from articles.web.highlight import Mark, Segment, segments, to_html


def test_marks_cut_the_text_into_classed_segments() -> None:
    body = "He said it was illegal."
    out = segments(body, 0, [Mark(3, 7, "hl-verb"), Mark(15, 23, "hl-loaded")])
    assert out == [Segment("He "), Segment("said", "hl-verb"), Segment(" it was "), Segment("illegal.", "hl-loaded")]


def test_offsets_are_read_in_body_coordinates() -> None:
    out = segments("was illegal", 10, [Mark(14, 21, "hl-loaded", badge="")])
    assert out == [Segment("was "), Segment("illegal", "hl-loaded")]


def test_overlapping_marks_combine_and_the_badge_starts_the_quote() -> None:
    out = segments("“a b c”", 0, [Mark(0, 7, "hl-quote sp-0", "Quote", "SL"), Mark(2, 4, "hl-loaded")])
    assert out[0] == Segment("“a", "hl-quote sp-0", "Quote", "SL")
    assert out[1] == Segment(" b", "hl-quote sp-0 hl-loaded", "Quote")
    assert out[2].badge == ""


def test_a_quote_badge_links_to_its_speaker() -> None:
    out = segments("“a b”", 0, [Mark(0, 5, "hl-quote sp-1", "Quote", "RT", href="/actors/3/"), Mark(2, 3, "hl-loaded")])
    assert out[0].badge == "RT" and out[0].href == "/actors/3/"
    assert out[1].href == "" and out[1].badge == ""


def test_a_linked_badge_is_named_by_its_initials_then_what_it_stands_for() -> None:
    html = to_html(segments("“a b”", 0, [Mark(0, 5, "hl-quote sp-1", "direct quote — Rex Tillerson", "RT",
                                              href="/actors/3/")]))
    # the shown initials first (label in name: "click RT" works by voice), then the speaker
    assert '<a class="badge" href="/actors/3/" title="direct quote — Rex Tillerson" ' \
           'aria-label="RT: direct quote — Rex Tillerson">RT</a>' in html


def test_text_outside_every_mark_keeps_no_class() -> None:
    out = segments("plain words", 100, [Mark(0, 50, "hl-verb")])
    assert out == [Segment("plain words")]


def test_a_screen_reader_is_told_what_a_colour_marks_where_the_mark_starts() -> None:
    marks = [Mark(0, 27, "hl-quote sp-1", title="direct quote — Ann Lee", badge="AL"),
             Mark(4, 11, "hl-loaded", title="loaded word: evaluative", spoken="loaded word"),
             Mark(4, 17, "hl-hedge hl-scare", title="scare quote", spoken="scare quote")]
    html = to_html(segments("The slammed plan, she said.", 0, marks))
    # hidden text, not aria-label, which screen readers may ignore on an <abbr> (they said "AL", or "?")
    assert ('<abbr class="badge" tabindex="0" title="direct quote — Ann Lee"><span aria-hidden="true">AL</span>'
            '<span class="sr-only">direct quote — Ann Lee</span></abbr><span class="sr-only">: </span>') in html
    assert "aria-label" not in html
    # one announcement per mark, each classed by its kind so that switching the kind off silences it
    assert ('<span class="sr-only said-hl-loaded">(loaded word) </span>'
            '<span class="sr-only said-hl-hedge">(scare quote) </span>slammed') in html
    assert html.count("said-hl-") == 2, "announced where a mark starts, not again where it goes on"
