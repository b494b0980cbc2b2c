"""A hypothesis state machine interleaving upload+analyse, correct, re-analyse with
changed text (whitespace, removed paragraphs) and revert: no human decision is
ever lost or overwritten. Runs the real services and spaCy, in-process."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.contrib.auth.models import User
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from articles.models import Actor, Article, AttributionCorrection, Event, Quote
from articles.services import corrections, editing
from tests.corrections.conftest import TEXT, make_article, reanalyse

pytestmark = pytest.mark.django_db

EXAMPLES, STEPS = 25, 12
PARAGRAPHS = TEXT.split("\n\n")
COUNTER = itertools.count()
STATS = {"examples": 0, "steps": 0, "corrections": 0, "reanalyses": 0, "reverts": 0, "orphaned_seen": 0}


def squash(text: str) -> str:
    return " ".join(text.split())


def vary(paragraphs: list[str], drop: set[int], spacing: int) -> str:
    """The article as a re-parse might give it: some paragraphs gone, whitespace changed."""
    kept = [p for i, p in enumerate(paragraphs) if i not in drop or i == 0]
    if spacing == 1:
        kept = [p.replace(" ", "  ") for p in kept]
    elif spacing == 2:
        kept = [p.replace(" that ", " that\n") for p in kept]
    return ("\n\n\n" if spacing == 3 else "\n\n").join(kept)


class Corrections(RuleBasedStateMachine):
    user: User

    @initialize()
    def upload_and_analyse(self) -> None:
        STATS["examples"] += 1
        self.user = User.objects.get_or_create(username="state-editor")[0]
        self.article = make_article(event_name=f"State machine {next(COUNTER)}")
        self.expected: dict[int, dict[str, Any]] = {}   # quote pk -> the human decision
        self.records: dict[int, list[int]] = {}         # quote pk -> its corrections, oldest first
        self.audit = 0

    def teardown(self) -> None:
        if hasattr(self, "article"):
            Event.objects.filter(pk=self.article.event_id).delete()

    def quotes(self) -> list[Quote]:
        return list(Quote.objects.filter(article=self.article).order_by("pk"))

    @rule(pick=st.integers(0, 50), change=st.sampled_from(["speaker", "new", "none", "not", "kind"]),
          stale=st.booleans())
    def correct(self, pick: int, change: str, stale: bool) -> None:
        STATS["steps"] += 1
        quotes = self.quotes()
        if not quotes:
            return
        quote = quotes[pick % len(quotes)]
        actors = list(Actor.objects.filter(event=self.article.event_id).order_by("pk"))
        args: dict[str, Any] = {}
        if change == "speaker":
            args["speaker"] = actors[pick % len(actors)]
        elif change == "new":
            args["speaker"] = Actor.objects.create(event_id=self.article.event_id, name=f"New Person {pick}-{quote.pk}"
                                                   f"-{next(COUNTER)}")
        elif change == "none":
            args["speaker"] = None
        elif change == "not":
            args["is_quote"] = not quote.is_quote
        else:
            args["kind"] = "direct" if quote.kind != "direct" else "indirect"
        if stale and quote.revision > 0:
            with pytest.raises(editing.Conflict):
                corrections.quote_correct(quote=quote, user=self.user, expected_revision=quote.revision - 1, **args)
            return
        record = corrections.quote_correct(quote=quote, user=self.user, expected_revision=quote.revision, **args)
        STATS["corrections"] += 1
        self.audit += 1
        self.records.setdefault(quote.pk, []).append(record.pk)
        self.expected[quote.pk] = self.decision(record.after)

    @staticmethod
    def decision(state: dict[str, Any]) -> dict[str, Any]:
        return {"speaker_id": state["speaker_id"], "kind": state["kind"], "is_quote": state["is_quote"],
                "text": squash(state["text"])}

    @rule(drop=st.sets(st.integers(1, len(PARAGRAPHS) - 1), max_size=2), spacing=st.integers(0, 3))
    def reanalyse_changed_text(self, drop: set[int], spacing: int) -> None:
        STATS["steps"] += 1
        STATS["reanalyses"] += 1
        self.article = reanalyse(self.article, vary(PARAGRAPHS, drop, spacing))

    @rule(pick=st.integers(0, 50))
    def revert_latest(self, pick: int) -> None:
        STATS["steps"] += 1
        corrected = sorted(self.records)
        if not corrected:
            return
        quote_pk = corrected[pick % len(corrected)]
        latest = AttributionCorrection.objects.filter(quote_id=quote_pk).order_by("-created_at", "-pk").first()
        assert latest is not None, "a corrected quote lost its audit trail"
        undo = corrections.correction_revert(correction=latest, user=self.user)
        STATS["reverts"] += 1
        self.audit += 1
        self.records[quote_pk].append(undo.pk)
        if undo.after["attribution"] == "human":
            self.expected[quote_pk] = self.decision(undo.after)
        else:  # the only decision was undone: the quote is the machine's again
            self.expected.pop(quote_pk, None)
            self.records.pop(quote_pk)

    @invariant()
    def no_human_decision_is_lost_or_overwritten(self) -> None:
        if not hasattr(self, "article"):
            return
        body = Article.objects.get(pk=self.article.pk).body
        rows = {q.pk: q for q in self.quotes()}
        for pk, want in self.expected.items():
            assert pk in rows, f"human quote {pk} was dropped"
            q = rows[pk]
            assert q.attribution == "human"
            got = {"speaker_id": q.speaker_id, "kind": q.kind, "is_quote": q.is_quote, "text": squash(q.text)}
            assert got == want
            present = want["text"] in squash(body)
            assert q.orphaned is not present, "orphaned must mean exactly: its text is gone"
            STATS["orphaned_seen"] += q.orphaned
            if present:
                assert squash(body[q.start:q.end]) == want["text"], "re-anchored to the wrong words"
                for other in rows.values():
                    if other.pk != pk and other.attribution == "machine":
                        assert not (other.start < q.end and q.start < other.end), "machine quote over human words"
        assert AttributionCorrection.objects.filter(article=self.article).count() == self.audit


def test_no_human_decision_is_ever_lost_or_overwritten(db: None) -> None:
    run = Corrections.TestCase
    run.settings = settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                            suppress_health_check=list(HealthCheck))
    run().runTest()
    print(f"\nstate machine: {STATS}")
    assert STATS["examples"] >= EXAMPLES and STATS["reanalyses"] > 0 and STATS["corrections"] > 0
