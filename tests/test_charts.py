"""Chart geometry for the summary panel: bars on one scale, shares that add up."""

from __future__ import annotations

from itertools import pairwise

from articles.web.charts import LABEL_CHARS, LABEL_LINES, BarItem, bar_chart, stack


def test_bars_are_proportional_to_their_values_on_a_shared_scale() -> None:
    chart = bar_chart([BarItem("Lavrov", 13, "13 quotes"), BarItem("Tillerson", 2, "2 quotes")], scale_max=26)
    lavrov, tillerson = chart.bars
    assert abs(lavrov.width / tillerson.width - 6.5) < 0.1
    span = chart.value_x - 6 - chart.bar_x
    assert abs(lavrov.width - span / 2) < 0.1


def test_a_zero_value_draws_no_bar_but_keeps_its_text() -> None:
    chart = bar_chart([BarItem("A", 0, "0 quotes")])
    assert chart.bars[0].width == 0 and chart.bars[0].text == "0 quotes"


def test_a_long_label_wraps_onto_lines_and_reads_whole() -> None:
    # walk: "President Trum…", "Department of…" with the full name only in a hover tooltip
    chart = bar_chart([BarItem("Department of Homeland Security", 1, "1"), BarItem("Trump", 2, "2")])
    dhs, trump = chart.bars
    assert [line.text for line in dhs.lines] == ["Department of", "Homeland", "Security"]
    assert dhs.label == dhs.full_label and all(len(line.text) <= LABEL_CHARS for line in dhs.lines)
    assert dhs.lines[-1].y < trump.y  # the next row starts below the wrapped label
    assert chart.height >= trump.y + chart.bar_height


def test_a_label_too_long_for_its_lines_is_shortened_but_kept_whole_for_screen_readers() -> None:
    name = "the draft resolution of the Security Council on Syria"
    bar = bar_chart([BarItem(name, 1, "1")]).bars[0]
    assert len(bar.lines) == LABEL_LINES and bar.lines[-1].text.endswith("…") and bar.full_label == name


def test_rows_do_not_overlap() -> None:
    bars = bar_chart([BarItem(str(i), i, str(i)) for i in range(5)]).bars
    assert all(b.y > a.y for a, b in pairwise(bars))


def test_a_stack_splits_the_full_width_by_share() -> None:
    s = stack([("direct", 1, "k-direct"), ("paraphrased", 3, "k-indirect"), ("mixed", 0, "k-mixed")], width=100)
    assert [p.percent for p in s.parts] == [25, 75, 0]
    assert [p.x for p in s.parts] == [0, 25, 100] and [p.width for p in s.parts] == [25, 75, 0]
    assert s.total == 4


def test_an_empty_stack_has_no_total_so_the_page_says_none() -> None:
    assert stack([("own voice", 0, "v-own"), ("attributed", 0, "v-attr")]).total == 0
