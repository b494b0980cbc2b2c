from __future__ import annotations

from articles.drafts import Draft, split_refusal
from articles.web.review import apply_review


def draft(key: str, title: str, body: str, headings: list[int] | None = None) -> Draft:
    return Draft(key=key, title=title, body=body, headings=headings or [], upload=1)


def edit(key: str, **fields: object) -> dict[str, object]:
    return {"key": key, "keep": True, "merge_with_next": False, "split_at": None, **fields}


def test_edited_fields_replace_the_detected_ones() -> None:
    out = apply_review([draft("1:0", "A", "p1")], [edit("1:0", title="Better", outlet=" RT ")])
    assert out[0].title == "Better" and out[0].outlet == "RT"


def test_a_dropped_article_is_not_created() -> None:
    out = apply_review([draft("1:0", "A", "a"), draft("1:1", "B", "b")], [edit("1:0", keep=False), edit("1:1")])
    assert [d.title for d in out] == ["B"]


def test_merging_joins_the_bodies_and_shifts_the_headings() -> None:
    out = apply_review(
        [draft("1:0", "A", "a1\n\na2"), draft("1:1", "B", "HEAD\n\nb1", [0])],
        [edit("1:0", merge_with_next=True), edit("1:1")],
    )
    assert len(out) == 1
    assert out[0].body == "a1\n\na2\n\nHEAD\n\nb1"
    assert out[0].headings == [2]


def test_splitting_at_a_title_like_paragraph_makes_it_the_new_title() -> None:
    out = apply_review(
        [draft("1:0", "A", "First story.\n\nSecond headline\n\nSecond body.")],
        [edit("1:0", split_at=2)],
    )
    assert [(d.title, d.body) for d in out] == [("A", "First story."), ("Second headline", "Second body.")]


def test_splitting_at_a_sentence_keeps_it_in_the_body() -> None:
    out = apply_review([draft("1:0", "A", "One.\n\nTwo is a sentence.")], [edit("1:0", split_at=2)])
    assert (out[1].title, out[1].body) == ("A (part 2)", "Two is a sentence.")


def test_split_before_paragraph_n_counts_paragraphs_from_one_as_the_page_lists_them() -> None:
    body = "One is first.\n\nTwo is second.\n\nThree is third."
    out = apply_review([draft("1:0", "A", body)], [edit("1:0", split_at=3)])
    assert [d.body for d in out] == ["One is first.\n\nTwo is second.", "Three is third."]
    unsplit = apply_review([draft("1:0", "A", body)], [edit("1:0", split_at=1)])
    assert [d.body for d in unsplit] == [body]


def test_a_split_past_the_last_paragraph_is_refused_with_the_numbers_to_give() -> None:
    body = "One is first.\n\nTwo is second.\n\nThree is third."
    assert split_refusal(body, 3, article="Article 2") == ""
    assert split_refusal(body, None, article="Article 2") == ""
    assert split_refusal(body, 4, article="Article 2") == (
        "Article 2 has only 3 paragraphs: give the number of the paragraph the new article starts with, "
        "from 2 to 3, or leave “Split before paragraph” empty.")
    assert split_refusal("Only one.", 2, article="Article 1") == (
        "Article 1 has only 1 paragraph: it cannot be split; leave “Split before paragraph” empty.")


def test_splitting_before_a_short_last_paragraph_keeps_it_as_the_second_parts_text() -> None:
    out = apply_review([draft("1:0", "A", "The report is long.\n\nMore at noon")], [edit("1:0", split_at=2)])
    assert [(d.title, d.body) for d in out] == [("A", "The report is long."), ("A (part 2)", "More at noon")]


def test_split_and_merge_on_one_draft_merge_its_second_part_with_the_next_and_lose_nothing() -> None:
    out = apply_review(
        [draft("1:0", "A", "a1.\n\nB headline\n\nb1."), draft("1:1", "C", "c1.")],
        [edit("1:0", split_at=2, merge_with_next=True), edit("1:1")],
    )
    assert [(d.title, d.body) for d in out] == [("A", "a1."), ("B headline", "b1.\n\nc1.")]


def test_an_emptied_date_is_cleared_and_a_field_not_sent_is_kept() -> None:
    dated = Draft(key="1:0", title="A", body="a", published="2017-04-12", byline="Jane Doe", upload=1)
    (out,) = apply_review([dated], [{"key": "1:0", "keep": True, "title": "A", "published": None}])
    assert (out.published, out.byline) == ("", "Jane Doe")


def test_a_repeat_is_numbered_by_the_first_copy_even_on_a_later_review_page() -> None:
    from articles.web.review_duplicates import repeats

    texts = ["One text.", "Two text.", "One  text.\n", "Three.", "Two text."]  # spacing aside, 3 repeats 1
    drafts = [Draft(title=f"t{i}", body=b, key=f"1:{i}") for i, b in enumerate(texts)]
    assert repeats(drafts, 0) == {"1:2": 1, "1:4": 2}
    assert repeats(drafts, 3) == {"1:4": 2}, "a page from the fourth article on marks only its own"
