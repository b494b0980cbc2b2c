"""Quotes, claims and signals have one JSON shape each, whether they come from an
analysis in memory (`analyze_dump --json`) or from its stored rows (`export_event`)."""

from __future__ import annotations

import pytest

from articles.models import Actor, ActorAlias, Article, Event
from articles.nlp.types import ActorRef, ArticleAnalysis, ClaimResult, QuoteResult, SignalResult
from articles.nlp.version import ANALYSIS_VERSION
from articles.services.analysis_store import replace_machine_output
from articles.services.event_json import analysis_parts
from articles.services.exports import actors_json, event_json

pytestmark = pytest.mark.django_db

BODY = "Ann Example said the talks had “plainly failed”. Officials reportedly disagreed."
QUOTE_KEYS = ["text", "kind", "speaker", "source_type", "speaker_mention", "cue", "start", "end", "confidence",
              "attribution", "cue_start", "cue_end", "mention_start", "mention_end"]
CLAIM_KEYS = ["text", "start", "end", "voice", "hedged", "loaded", "quote", "speaker"]
SIGNAL_KEYS = ["kind", "text", "start", "end", "category", "actor", "in_quote", "evaluative"]


def analysis() -> ArticleAnalysis:
    """Everything in body order, as the export lists it."""
    quote, hedge = BODY.index("plainly"), BODY.index("reportedly")
    return ArticleAnalysis(
        version=ANALYSIS_VERSION,
        actors=(ActorRef(name="Ann Example", kind="person"),),
        quotes=(QuoteResult(text="plainly failed", start=quote, end=quote + 14, kind="mixed", cue="said",
                            cue_start=12, cue_end=16, speaker_mention="Ann Example", mention_start=0, mention_end=11,
                            speaker="Ann Example", confidence=0.87654),),
        claims=(ClaimResult(text=BODY[:48], start=0, end=48, voice="attributed", hedged=False, loaded=True,
                            quote_index=0, speaker="Ann Example"),
                ClaimResult(text=BODY[49:], start=49, end=len(BODY), voice="own", hedged=True, loaded=False,
                            quote_index=None, speaker=None)),
        signals=(SignalResult(kind="reporting_verb", text="said", start=12, end=16, category="neutral",
                              actor="Ann Example"),
                 SignalResult(kind="loaded", text="failed", start=quote + 8, end=quote + 14, category="negative",
                              in_quote=True),
                 SignalResult(kind="hedge", text="reportedly", start=hedge, end=hedge + 10, category="epistemic")),
    )


def test_an_analysis_and_its_stored_rows_give_the_same_json() -> None:
    event = Event.objects.create(name="E", slug="e")
    article = Article.objects.create(event=event, position=0, title="T", body=BODY, content_hash="h")
    actor = Actor.objects.create(event=event, name="Ann Example")
    replace_machine_output(article, analysis(), {"Ann Example": actor})

    fresh = analysis_parts(analysis(), {})
    stored = event_json(event)["articles"][0]

    assert [list(q) for q in fresh["quotes"]] == [QUOTE_KEYS]
    # A stored quote may be an editor's whose text left the body: it says whether it is.
    assert [list(q) for q in stored["quotes"]] == [[*QUOTE_KEYS[:10], "orphaned", *QUOTE_KEYS[10:]]]
    assert stored["quotes"] == [{**q, "orphaned": False} for q in fresh["quotes"]]
    assert fresh["quotes"][0]["confidence"] == 0.877 and fresh["quotes"][0]["attribution"] == "machine"
    assert [list(c) for c in stored["claims"]] == [CLAIM_KEYS, CLAIM_KEYS]
    assert stored["claims"] == fresh["claims"]
    assert [c["quote"] for c in fresh["claims"]] == [0, None]
    assert [list(s) for s in stored["signals"]] == [SIGNAL_KEYS] * 3
    assert stored["signals"] == fresh["signals"]


def test_an_analysis_names_its_speakers_by_the_events_names() -> None:
    parts = analysis_parts(analysis(), {"Ann Example": "Dr Ann Example"})
    assert [q["speaker"] for q in parts["quotes"]] == ["Dr Ann Example"]
    assert [c["speaker"] for c in parts["claims"]] == ["Dr Ann Example", None]
    assert [s["actor"] for s in parts["signals"]] == ["Dr Ann Example", None, None]


def test_an_actors_aliases_are_its_other_names_not_its_own() -> None:
    # walk: the researcher's actors.csv listed "Afghanistan" as an alias of Afghanistan
    event = Event.objects.create(name="E", slug="e")
    actor = Actor.objects.create(event=event, name="Trump")
    for alias in ("Trump", "President Trump"):
        ActorAlias.objects.create(actor=actor, alias=alias)
    assert actors_json(event) == [{"name": "Trump", "kind": "person", "title": "", "aliases": ["President Trump"]}]
