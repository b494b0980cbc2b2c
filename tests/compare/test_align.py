from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from articles.compare.align import POSSIBLY, THRESHOLD, _merge, _without_repeated_rows, align_claims
from articles.compare.neighbours import candidate_pairs
from articles.compare.pairs import FEATURES, PairScorer
from articles.compare.types import ClaimInput, StoryPointResult

DATA = Path(__file__).parent / "data"
PAIRS = DATA / "pairs.csv"
OLD_THRESHOLD = 0.53  # cosine alone, the method before the lexical checks


def load_rows() -> list[dict[str, str]]:
    lines = [line for line in PAIRS.read_text().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def load_pairs() -> list[tuple[int, str, str]]:
    return [(int(r["label"]), r["a"], r["b"]) for r in load_rows()]


def pair_predictions(cached_embed, rows: list[dict[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    """(cosine alone >= OLD_THRESHOLD, the aligner's pair decision) for each row.

    The aligner weighs words within an event, so the pairs of one `event` of the
    file are scored together, as the claims of one event would be."""
    cosines = (cached_embed([r["a"] for r in rows]) * cached_embed([r["b"] for r in rows])).sum(axis=1)
    decided = np.zeros(len(rows), dtype=bool)
    for event in {r["event"] for r in rows}:
        picked = [k for k, r in enumerate(rows) if r["event"] == event]
        texts = [text for k in picked for text in (rows[k]["a"], rows[k]["b"])]
        scorer = PairScorer([ClaimInput(id=n, article=n % 2, text=t) for n, t in enumerate(texts)])
        for n, k in enumerate(picked):
            decided[k] = scorer.probability(2 * n, 2 * n + 1, float(cosines[k])) >= THRESHOLD
    return cosines >= OLD_THRESHOLD, decided


def precision_recall(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    true_positives = int((predicted & (labels == 1)).sum())
    precision = true_positives / max(1, int(predicted.sum()))
    recall = true_positives / int((labels == 1).sum())
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def cosine(cached_embed, a: str, b: str) -> float:
    va, vb = cached_embed([a, b])
    return float(va @ vb)


def claims_of(*articles: list[str]) -> list[ClaimInput]:
    out = []
    for article, texts in enumerate(articles):
        for text in texts:
            out.append(ClaimInput(id=len(out), article=article, text=text))
    return out


def fake_embed(vectors: dict[str, list[float]]):
    def run(texts):
        rows = np.array([vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    return run


def test_the_pairs_file_has_a_third_held_out_with_both_labels_in_each_split():
    rows = load_rows()
    counts = {(r["split"], r["label"]) for r in rows}
    assert counts == {("tune", "0"), ("tune", "1"), ("heldout", "0"), ("heldout", "1")}
    held = [r for r in rows if r["split"] == "heldout"]
    assert len(held) * 3 == len(rows) == 180
    assert sum(r["label"] == "1" for r in held) == 30
    assert len({r["event"] for r in rows}) >= 8


def _split_scores(cached_embed, split):
    """(rows, plain-cosine (p, r, f1), aligner (p, r, f1)) on one split of the pairs."""
    rows = [r for r in load_rows() if r["split"] == split]
    labels = np.array([int(r["label"]) for r in rows])
    old, new = pair_predictions(cached_embed, rows)
    return rows, precision_recall(old, labels), precision_recall(new, labels)


def test_the_pair_model_still_separates_the_written_pairs(cached_embed):
    # The pair model is fitted on real coverage (tests/eval/eval_facts.py's tuning
    # events), whose long sentences rarely look like these short written pairs: the
    # lexical rules tuned on these rows reached precision 0.80 and recall 0.67 here,
    # the model 0.64 and 0.58, in exchange for better story points on real events.
    rows, (p0, r0, _), (p1, r1, _) = _split_scores(cached_embed, "tune")
    print(f"\ntune ({len(rows)} pairs): cosine >= {OLD_THRESHOLD}: precision {p0:.3f}, "
          f"recall {r0:.3f}; aligner: precision {p1:.3f}, recall {r1:.3f}")
    assert p1 >= 0.6
    assert r1 >= 0.55


def test_the_aligner_beats_plain_cosine_on_the_held_out_pairs(cached_embed):
    rows, (p0, r0, f0), (p1, r1, f1) = _split_scores(cached_embed, "heldout")
    print(f"\nheld out ({len(rows)} pairs): cosine >= {OLD_THRESHOLD}: precision {p0:.3f}, "
          f"recall {r0:.3f}, F1 {f0:.3f}; aligner: precision {p1:.3f}, recall {r1:.3f}, F1 {f1:.3f}")
    assert p1 > p0


def test_two_renderings_of_tillersons_accusation_against_assad_align(cached_embed):
    claims = claims_of(
        ["Tillerson continues to remark that Assad was behind the latest chemical "
         "weapons attacks"],
        ["Tillerson was insistent that President Assad was behind the recent chemical attack"],
    )
    points = align_claims(claims, 2, embed=cached_embed)
    assert [p.members for p in points] == [(0, 1)]
    assert points[0].articles == (0, 1)
    assert points[0].missing_from == ()


@pytest.mark.parametrize(("a", "b"), [
    ("At least 80 people were killed in the gas attack in Khan Sheikhoun",
     "Khan Sheikhoun is a town in Idlib province held by rebels"),
    ("Lavrov said ousting Assad could hand victory to ISIS",
     "ISIS claimed responsibility for the bombing of two churches in Egypt"),
    ("The Syrian government denies using chemical weapons",
     "The Syrian government retook the city of Aleppo in December"),
    ("Police arrested two men in connection with the shooting",
     "Police are appealing for witnesses to the shooting"),
])
def test_unrelated_claims_that_share_words_stay_apart(cached_embed, a, b):
    points = align_claims(claims_of([a], [b]), 2, embed=cached_embed)
    assert [p.members for p in points] == [(0,), (1,)]


SMALL_EVENT = (
    ["Tillerson met Putin and Lavrov in Moscow for more than two hours",
     "Lavrov said he had seen no evidence of Russian interference in the US election",
     "Both sides agreed that North Korea must give up its nuclear weapons"],
    ["Rex Tillerson held more than two hours of talks with Putin and his foreign "
     "minister in the Kremlin",
     "Washington and Moscow agree on the need to denuclearize the Korean peninsula",
     "America's recent illegal attack on Syria was an act of aggression"],
    ["The Russian foreign minister denied having seen any proof that Moscow meddled "
     "in the American vote",
     "Tillerson met Putin and Lavrov in Moscow for two hours on Wednesday"],
)


def test_a_small_event_of_three_articles_aligns_the_fact_its_articles_word_alike(cached_embed):
    points = align_claims(claims_of(*SMALL_EVENT), 3, embed=cached_embed)
    assert [(p.members, p.missing_from) for p in points if len(p.articles) > 1] == [((0, 3, 7), ())]
    assert points[0].label == "Tillerson met Putin and Lavrov in Moscow for more than two hours"
    assert sorted(p.members for p in points[1:]) == [(1,), (2,), (4,), (5,), (6,)]


@pytest.mark.xfail(strict=True, reason="paraphrase with other words (proof / evidence, "
                   "denuclearize / give up nuclear weapons): the pair model gives 0.17 and 0.07")
def test_a_small_event_aligns_paraphrases_with_other_words(cached_embed):
    points = align_claims(claims_of(*SMALL_EVENT), 3, embed=cached_embed)
    shared = [p.members for p in points if len(p.articles) > 1]
    assert (1, 6) in shared
    assert (2, 4) in shared


def test_no_claims_give_no_story_points():
    assert align_claims([], 3) == []


def test_a_claim_outside_the_event_is_refused():
    with pytest.raises(ValueError, match="range"):
        align_claims([ClaimInput(0, 2, "x")], 2, embed=fake_embed({"x": [1.0]}))


def test_two_claims_of_one_article_stay_apart_however_close_unless_near_duplicates():
    # The texts share a word, so only the vectors decide.
    embed = fake_embed({"veto a": [1, 0.0, 0], "veto b": [1, 0.5, 0], "veto c": [1, 0.52, 0]})
    claims = [ClaimInput(0, 0, "veto a"), ClaimInput(1, 0, "veto b"), ClaimInput(2, 0, "veto c")]
    points = align_claims(claims, 1, embed=embed)
    # cos(a, b) = 0.89 < 0.9 keeps them apart; cos(b, c) = 0.9998 is a near-duplicate.
    assert [p.members for p in points] == [(0,), (1, 2)]


def test_average_linkage_stops_a_chain_of_likely_pairs_that_drifts():
    # Each step is a likely pair at cos 0.71 from the last, but the ends are orthogonal.
    angle = np.pi / 4
    vectors = np.array([[np.cos(n * angle), np.sin(n * angle)] for n in range(3)], dtype=np.float32)
    i, j = np.array([0, 1]), np.array([1, 2])
    clusters = _merge(vectors, i, j, np.array([0.9, 0.8]), threshold=0.45)
    assert sorted(len(c) for c in clusters) == [1, 2]


def test_a_point_may_hold_several_sentences_of_one_article_when_they_stay_close():
    vectors = np.array([[1, 0, 0], [0.95, 0.31, 0], [0.95, -0.31, 0]], dtype=np.float32)
    # 0 and 1 are of one article, 2 of another: both pairs with 2 are likely.
    clusters = _merge(vectors, np.array([0, 1]), np.array([2, 2]), np.array([0.9, 0.8]), threshold=0.45)
    assert clusters == [[0, 1, 2]]


def test_a_point_whose_sentences_are_all_in_another_point_is_not_a_row_of_its_own():
    # Two sentences the omission check joins to each other from both sides make the same
    # row twice; a point inside a larger one would call "not reported" an article the
    # larger one finds reporting it.
    def point(members, articles, missing):
        return StoryPointResult("", members, articles, missing, order=0.0)

    rows = [point((1, 5), (0, 1), (2,)), point((1, 5), (0, 1), (2,)), point((1, 5, 9), (0, 1, 2), ()),
            point((5, 7), (1, 2), (0,)), point((3,), (0,), (1, 2))]
    assert sorted(p.members for p in _without_repeated_rows(rows)) == [(1, 5, 9), (3,), (5, 7)]


def test_shared_points_come_first_then_by_position_in_the_articles():
    embed = fake_embed({"late": [1, 0, 0], "early": [0, 1, 0], "alone": [0, 0, 1],
                        "first": [1, 1, 1]})
    claims = [
        ClaimInput(0, 0, "first"), ClaimInput(1, 0, "early"), ClaimInput(2, 0, "late"),
        ClaimInput(3, 1, "early"), ClaimInput(4, 1, "late"),
    ]
    points = align_claims(claims, 2, embed=embed, threshold=0.9)
    assert [p.members for p in points] == [(1, 3), (2, 4), (0,)]
    assert [p.order for p in points] == pytest.approx([0.24975, 0.999, 1.0])


def test_the_tree_search_finds_the_pairs_the_exact_search_finds():
    rng = np.random.default_rng(7)
    facts = rng.standard_normal((400, 64)).astype(np.float32)
    vectors = np.repeat(facts, 6, axis=0) + 0.35 * rng.standard_normal((2400, 64))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    groups = np.tile(np.arange(6), 400)
    exact = candidate_pairs(vectors, groups, threshold=0.5, same_group_threshold=0.9,
                            exact_limit=10_000)
    approx = candidate_pairs(vectors, groups, threshold=0.5, same_group_threshold=0.9,
                             exact_limit=100, leaf_size=128)
    exact_set = set(zip(exact[0].tolist(), exact[1].tolist(), strict=True))
    approx_set = set(zip(approx[0].tolist(), approx[1].tolist(), strict=True))
    assert approx_set <= exact_set
    assert len(approx_set) >= 0.95 * len(exact_set)


def seed_claims() -> list[ClaimInput]:
    rows = json.loads((DATA / "seed_claims.json").read_text(encoding="utf-8"))["claims"]
    return [ClaimInput(id=k, article=r["article"], text=r["text"]) for k, r in enumerate(rows)]


def seed_point(claims: list[ClaimInput], points, words: str):
    claim = next(c.id for c in claims if words in c.text)
    return next(p for p in points if claim in p.members)


def test_the_seed_events_shared_story_points_are_facts_it_really_shares(cached_embed):
    claims = seed_claims()
    points = align_claims(claims, 3, embed=cached_embed)
    shared = [[claims[m].text[:40] for m in p.members] for p in points if len(p.articles) > 1]
    assert shared == [
        ["U.S. Secretary of State Rex Tillerson me", "It was also announced, during the aftern",
         "The meeting was not officially scheduled"],
        ["Secretary of State Rex Tillerson continu", "By contrast, Tillerson was insistent tha"],
    ]


def test_the_seeds_veto_is_missing_from_the_first_article_and_possibly_in_the_second(cached_embed):
    # The veto and the rejection of the same draft were one point under the lexical
    # rules; the pair model rates them 0.42, under THRESHOLD, so the check shows the
    # second article's sentence as "possibly reported" instead of "not reported".
    claims = seed_claims()
    point = seed_point(claims, align_claims(claims, 3, embed=cached_embed), "Moscow has vetoed")
    assert point.articles == (2,)
    assert point.missing_from == (0,)
    assert [(p.article, claims[p.claim].text[:40]) for p in point.possibly_in] == [
        (1, "At the same time, during a heated sessio")]
    assert POSSIBLY <= point.possibly_in[0].score < THRESHOLD


SEED_PARAPHRASES = [
    ("However, it seems that both the USA and Russia agree that North Korea",
     "remove nuclear weapons from North Korea"),
    ("The Russian foreign secretary also stated his Syrian policy", "not to interfere in the internal affairs"),
    ("It seems that the USA and Russia still don’t quite see eye-to-eye", "honest investigation"),
    ("America’s recent illegal attack on Syria", "Moscow criticized the US for its military action"),
]


@pytest.mark.xfail(strict=True, reason="issue 14's four seed paraphrases share few words and "
                   "score cosine 0.33 to 0.57: the pair model gives them 0.00 to 0.22")
@pytest.mark.parametrize(("a", "b"), SEED_PARAPHRASES)
def test_the_seeds_paraphrases_share_a_story_point(cached_embed, a, b):
    claims = seed_claims()
    points = align_claims(claims, 3, embed=cached_embed)
    second = next(c.id for c in claims if b in c.text)
    assert second in seed_point(claims, points, a).members


def test_every_article_is_reported_missing_or_possibly_once_per_point(cached_embed):
    claims = seed_claims()
    for point in align_claims(claims, 3, embed=cached_embed):
        possibly = [p.article for p in point.possibly_in]
        assert sorted([*point.articles, *point.missing_from, *possibly]) == [0, 1, 2]
        assert all(claims[p.claim].article == p.article for p in point.possibly_in)
        assert {claims[m].article for m in point.members} == set(point.articles)


def test_the_seeds_blackmail_claim_is_not_paired_with_the_first_articles_summary(cached_embed):
    claims = seed_claims()
    blackmail = next(c.id for c in claims if c.text.startswith("The US is trying to blackmail"))
    summary = next(c.id for c in claims if c.text.startswith("In short, we can pull"))
    vectors = cached_embed([claims[blackmail].text, claims[summary].text])
    assert float(vectors[0] @ vectors[1]) >= OLD_THRESHOLD, "the embedding alone would merge them"
    points = align_claims(claims, 3, embed=cached_embed)
    assert not any(blackmail in p.members and summary in p.members for p in points)


def test_the_same_words_with_opposite_polarity_do_not_align(cached_embed):
    claims = claims_of(["Reyes's lawyers said they would appeal the verdict"],
                       ["Reyes's lawyers said they would not appeal the verdict"])
    assert [p.members for p in align_claims(claims, 2, embed=cached_embed)] == [(0,), (1,)]


def test_the_same_sentence_with_other_numbers_does_not_align(cached_embed):
    claims = claims_of(["Reyes was sentenced to seven years in prison for bribery"],
                       ["Reyes was sentenced to three years in prison for bribery"])
    assert [p.members for p in align_claims(claims, 2, embed=cached_embed)] == [(0,), (1,)]


def test_a_story_point_must_share_a_salient_word_with_the_claim_it_takes_in():
    # Identical vectors, no word in common: the embedding alone is not enough.
    embed = fake_embed({"Russia blackmails Syria": [1.0, 0], "Moscow threatens Damascus": [1.0, 0]})
    claims = [ClaimInput(0, 0, "Russia blackmails Syria"), ClaimInput(1, 1, "Moscow threatens Damascus")]
    assert [p.members for p in align_claims(claims, 2, embed=embed)] == [(0,), (1,)]


def test_a_given_pair_model_replaces_the_fitted_one(cached_embed):
    # fit_pair_model.py scores each tuning event with a model fitted without it.
    claims = claims_of(["The House approved the plan 234-193 on Thursday."],
                       ["The House passed the plan 234-193 on Thursday."])
    weights = np.zeros(len(FEATURES))
    assert [p.members for p in align_claims(claims, 2, embed=cached_embed)] == [(0, 1)]
    assert [p.members for p in align_claims(claims, 2, embed=cached_embed, model=(weights, -9.0))] == [(0,), (1,)]
