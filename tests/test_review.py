from __future__ import annotations

from articles.drafts import Draft
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
        [edit("1:0", split_at=1)],
    )
    assert [(d.title, d.body) for d in out] == [("A", "First story."), ("Second headline", "Second body.")]


def test_splitting_at_a_sentence_keeps_it_in_the_body() -> None:
    out = apply_review([draft("1:0", "A", "One.\n\nTwo is a sentence.")], [edit("1:0", split_at=1)])
    assert (out[1].title, out[1].body) == ("A (part 2)", "Two is a sentence.")
