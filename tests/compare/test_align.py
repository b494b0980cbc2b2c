from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from articles.compare.align import THRESHOLD, align_claims
from articles.compare.neighbours import candidate_pairs
from articles.compare.types import ClaimInput

PAIRS = Path(__file__).parent / "data" / "pairs.csv"


def load_pairs() -> list[tuple[int, str, str]]:
    lines = [line for line in PAIRS.read_text().splitlines() if not line.startswith("#")]
    return [(int(r["label"]), r["a"], r["b"]) for r in csv.DictReader(lines)]


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


def test_the_pairs_file_has_at_least_30_of_each_label():
    labels = [label for label, _, _ in load_pairs()]
    assert labels.count(1) >= 30
    assert labels.count(0) >= 30


def test_the_threshold_separates_paraphrases_from_pairs_that_only_share_words(cached_embed):
    pairs = load_pairs()
    a = cached_embed([p[1] for p in pairs])
    b = cached_embed([p[2] for p in pairs])
    sims = (a * b).sum(axis=1)
    labels = np.array([p[0] for p in pairs])
    predicted = sims >= THRESHOLD
    true_positives = int((predicted & (labels == 1)).sum())
    precision = true_positives / int(predicted.sum())
    recall = true_positives / int((labels == 1).sum())
    print(f"\nthreshold {THRESHOLD}: precision {precision:.3f}, recall {recall:.3f} "
          f"on {len(pairs)} pairs")
    assert precision >= 0.75
    assert recall >= 0.80


def test_a_veto_and_a_rejection_of_the_same_draft_align(cached_embed):
    claims = claims_of(
        ["Moscow has vetoed a draft resolution submitted to the UN Security Council",
         "The Security Council will meet again on Friday to discuss humanitarian aid"],
        ["Russia rejected a US/UK/French draft resolution on an investigation into "
         "the Idlib chemical attack"],
    )
    points = align_claims(claims, 2, embed=cached_embed)
    assert [(p.members, p.missing_from) for p in points] == [((0, 2), ()), ((1,), (1,))]


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


def test_a_small_event_of_three_articles_aligns_fact_by_fact(cached_embed):
    claims = claims_of(
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
    points = align_claims(claims, 3, embed=cached_embed)
    assert [(p.members, p.missing_from) for p in points] == [
        ((0, 3, 7), ()),
        ((1, 6), (1,)),
        ((2, 4), (2,)),
        ((5,), (0, 2)),
    ]
    assert points[0].label == "Tillerson met Putin and Lavrov in Moscow for more than two hours"


def test_no_claims_give_no_story_points():
    assert align_claims([], 3) == []


def test_a_claim_outside_the_event_is_refused():
    with pytest.raises(ValueError, match="range"):
        align_claims([ClaimInput(0, 2, "x")], 2, embed=fake_embed({"x": [1.0]}))


def test_two_claims_of_one_article_stay_apart_however_close_unless_near_duplicates():
    embed = fake_embed({"a": [1, 0.0, 0], "b": [1, 0.5, 0], "c": [1, 0.52, 0]})
    claims = [ClaimInput(0, 0, "a"), ClaimInput(1, 0, "b"), ClaimInput(2, 0, "c")]
    points = align_claims(claims, 1, embed=embed)
    # cos(a, b) = 0.89 < 0.9 keeps them apart; cos(b, c) = 0.9998 is a near-duplicate.
    assert [p.members for p in points] == [(0,), (1, 2)]


def test_a_story_point_takes_the_best_match_of_each_article_only():
    embed = fake_embed({"fact": [1, 0, 0], "close": [1, 0.2, 0], "looser": [1, 1.0, 0]})
    claims = [ClaimInput(10, 0, "fact"), ClaimInput(11, 1, "looser"), ClaimInput(12, 1, "close")]
    points = align_claims(claims, 2, embed=embed)
    assert [p.members for p in points] == [(10, 12), (11,)]


def test_average_linkage_stops_a_chain_of_drifting_claims():
    # Each step is cos 0.71 from the last, but the ends are orthogonal.
    angle = np.pi / 4
    vectors = {f"s{n}": [np.cos(n * angle), np.sin(n * angle)] for n in range(3)}
    claims = [ClaimInput(n, n, f"s{n}") for n in range(3)]
    points = align_claims(claims, 3, embed=fake_embed(vectors))
    assert sorted(len(p.members) for p in points) == [1, 2]


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
