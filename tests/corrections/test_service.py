"""Corrections are human decisions: audited, revertible, and kept by re-analysis."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from articles.admin.corrections import in_context
from articles.models import Actor, ActorCorrection, Article, AttributionCorrection, Claim, Quote, Signal
from articles.services import actor_corrections, corrections, editing
from tests.corrections.conftest import reanalyse

pytestmark = pytest.mark.django_db


def he_said(article: Article) -> Quote:
    return article.quotes.get(text__contains="successful ouster")


def someone_else(quote: Quote) -> Actor:
    """An actor of the event other than the machine's speaker (whoever that is)."""
    other = Actor.objects.filter(event=quote.article.event).exclude(pk=quote.speaker_id).order_by("name").first()
    assert other is not None
    return other


def test_the_seed_like_article_has_the_he_said_quote(article: Article) -> None:
    quote = he_said(article)
    assert quote.speaker_mention == "He"
    assert quote.attribution == "machine"


def test_a_speaker_correction_is_human_and_audited(article: Article, editor: User) -> None:
    quote = he_said(article)
    machine_speaker = quote.speaker.name if quote.speaker else None
    tillerson = someone_else(quote)
    record = corrections.quote_correct(quote=quote, user=editor, speaker=tillerson, note="checked the video",
                                       expected_revision=quote.revision)
    quote.refresh_from_db()
    assert (quote.speaker, quote.attribution, quote.revision) == (tillerson, "human", 1)
    assert record.editor == editor and record.note == "checked the video"
    assert record.before["speaker"] == machine_speaker and record.after["speaker"] == tillerson.name
    assert set(Claim.objects.filter(quote=quote).values_list("speaker", flat=True)) <= {tillerson.pk}


def test_a_stale_revision_is_a_conflict_showing_the_current_value(article: Article, editor: User) -> None:
    quote = he_said(article)
    tillerson = someone_else(quote)
    corrections.quote_correct(quote=quote, user=editor, speaker=tillerson, expected_revision=0)
    with pytest.raises(editing.Conflict) as caught:
        corrections.quote_correct(quote=quote, user=editor, is_quote=False, expected_revision=0)
    assert tillerson.name in str(caught.value)
    # The quote is named by its words: character offsets say nothing to an editor.
    assert "successful ouster" in str(caught.value) and "characters" not in str(caught.value)
    quote.refresh_from_db()
    assert quote.is_quote and quote.speaker == tillerson


def test_an_actor_of_another_event_is_refused(article: Article, editor: User) -> None:
    from tests.corrections.conftest import make_article

    other = make_article(event_name="Another event")
    stranger = Actor.objects.filter(event=other.event).first()
    with pytest.raises(editing.CorrectionError):
        corrections.quote_correct(quote=he_said(article), user=editor, speaker=stranger)


def test_a_correction_survives_reanalysis_of_rewrapped_text(article: Article, editor: User) -> None:
    quote = he_said(article)
    tillerson = someone_else(quote)
    corrections.quote_correct(quote=quote, user=editor, speaker=tillerson)
    rewrapped = article.body.replace("successful ouster of", "successful\nouster  of").replace("\n\n", "\n\n\n\n")
    reanalyse(article, rewrapped)
    quote.refresh_from_db()
    assert quote.speaker == tillerson and quote.attribution == "human" and not quote.orphaned
    assert " ".join(rewrapped[quote.start:quote.end].split()) == " ".join(quote.text.split())
    overlapping = article.quotes.filter(start__lt=quote.end, end__gt=quote.start).exclude(pk=quote.pk)
    assert not overlapping.exists(), "a machine quote over the corrected words came back"


def test_the_reporting_verb_keeps_the_corrected_speaker_through_reanalysis(article: Article, editor: User) -> None:
    quote = he_said(article)
    tillerson = someone_else(quote)
    corrections.quote_correct(quote=quote, user=editor, speaker=tillerson)
    quote.refresh_from_db()
    def verb() -> Signal:
        return article.signals.get(kind="reporting_verb", start=quote.cue_start)
    assert verb().actor == tillerson
    reanalyse(article)
    assert verb().actor == tillerson, "the machine's speaker came back on the verb"


def test_not_a_quote_suppresses_the_machine_quote_over_the_same_words(article: Article, editor: User) -> None:
    quote = he_said(article)
    corrections.quote_correct(quote=quote, user=editor, is_quote=False)
    reanalyse(article)
    same_words = article.quotes.filter(text__contains="successful ouster")
    assert list(same_words.values_list("pk", "is_quote", "attribution")) == [(quote.pk, False, "human")]


def test_claims_in_words_marked_not_a_quote_keep_no_speaker_through_reanalysis(article: Article, editor: User) -> None:
    # They took the machine's speaker of the quote it found there again after a re-analysis.
    quote = he_said(article)
    def speakers() -> list[int | None]:
        inside = Claim.objects.filter(article=article, start__lt=quote.end, end__gt=quote.start)
        return list(inside.values_list("speaker", flat=True))
    assert speakers() and set(speakers()) == {quote.speaker_id} != {None}
    corrections.quote_correct(quote=quote, user=editor, is_quote=False)
    assert set(speakers()) == {None}
    reanalyse(article)
    assert speakers() and set(speakers()) == {None}


def test_an_unnamed_source_with_a_new_phrase_drops_the_machines_mention(article: Article, editor: User) -> None:
    # "He" stayed marked as the speaker mention of "a diplomat" in the review queue.
    quote = he_said(article)
    assert quote.speaker_mention == "He" and "<mark" in in_context(quote)
    corrections.quote_correct(quote=quote, user=editor, source_type="anonymous", source_phrase="a diplomat")
    quote.refresh_from_db()
    assert (quote.source_phrase, quote.speaker_mention, quote.mention_start, quote.mention_end) == (
        "a diplomat", "", None, None)
    assert "<mark" not in in_context(quote)


def test_an_unnamed_source_named_by_its_mention_keeps_the_mention(article: Article, editor: User) -> None:
    quote = he_said(article)
    corrections.quote_correct(quote=quote, user=editor, source_type="anonymous")  # the phrase: the mention, "He"
    quote.refresh_from_db()
    assert (quote.source_phrase, quote.speaker_mention) == ("He", "He") and quote.mention_start is not None


def test_a_quote_whose_text_vanished_is_kept_and_flagged_orphaned(article: Article, editor: User) -> None:
    quote = he_said(article)
    corrections.quote_correct(quote=quote, user=editor, kind="direct")
    body = "\n\n".join(p for p in article.body.split("\n\n") if "ouster" not in p)
    reanalyse(article, body)
    quote.refresh_from_db()
    assert quote.orphaned and quote.attribution == "human" and quote.kind == "direct"


def test_a_revert_restores_the_machine_value_and_is_audited(article: Article, editor: User) -> None:
    quote = he_said(article)
    lavrov = quote.speaker
    tillerson = someone_else(quote)
    record = corrections.quote_correct(quote=quote, user=editor, speaker=tillerson)
    undo = corrections.correction_revert(correction=record, user=editor, note="my mistake")
    quote.refresh_from_db()
    assert (quote.speaker, quote.attribution) == (lavrov, "machine")
    assert undo.action == "revert" and undo.reverts == record
    with pytest.raises(editing.CorrectionError):
        corrections.correction_revert(correction=record, user=editor)


def test_reverting_an_older_change_never_undoes_a_newer_one(article: Article, editor: User) -> None:
    quote = he_said(article)
    tillerson = someone_else(quote)
    first = corrections.quote_correct(quote=quote, user=editor, speaker=tillerson)
    corrections.quote_correct(quote=quote, user=editor, speaker=None)
    with pytest.raises(editing.Conflict) as caught:
        corrections.correction_revert(correction=first, user=editor)
    assert "successful ouster" in str(caught.value) and "characters" not in str(caught.value)
    quote.refresh_from_db()
    assert quote.speaker is None


def test_the_audit_outlives_a_quote_replaced_by_reanalysis(article: Article, editor: User) -> None:
    quote = he_said(article)
    record = corrections.quote_correct(quote=quote, user=editor, kind="direct")
    corrections.correction_revert(correction=record, user=editor)
    reanalyse(article)  # the quote is machine again, so the analysis replaces its row
    assert AttributionCorrection.objects.filter(article=article).count() == 2


def test_merging_two_actors_moves_everything_and_reverts(article: Article, editor: User) -> None:
    lavrov = Actor.objects.get(event=article.event, name="Sergei Lavrov")
    tillerson = Actor.objects.get(event=article.event, name__contains="Tillerson")
    lavrov_quotes = set(lavrov.quotes.values_list("pk", flat=True))
    assert lavrov_quotes
    merge = actor_corrections.actors_merge(source=lavrov, target=tillerson, user=editor, note="test")
    assert not Actor.objects.filter(pk=lavrov.pk).exists()
    assert lavrov_quotes <= set(tillerson.quotes.values_list("pk", flat=True))
    assert tillerson.aliases.filter(alias="Sergei Lavrov").exists()
    actor_corrections.actor_correction_revert(correction=merge, user=editor)
    restored = Actor.objects.get(pk=lavrov.pk)
    assert set(restored.quotes.values_list("pk", flat=True)) == lavrov_quotes
    assert not tillerson.aliases.filter(alias="Sergei Lavrov").exists()
    assert list(ActorCorrection.objects.values_list("action", flat=True)) == ["revert", "merge"]


def test_aliases_are_added_and_removed_with_an_audit(article: Article, editor: User) -> None:
    lavrov = Actor.objects.get(event=article.event, name="Sergei Lavrov")
    row = actor_corrections.alias_add(actor=lavrov, alias="Russia's top diplomat", user=editor)
    removal = actor_corrections.alias_remove(alias=row, user=editor)
    assert not lavrov.aliases.filter(alias="Russia's top diplomat").exists()
    actor_corrections.actor_correction_revert(correction=removal, user=editor)
    assert lavrov.aliases.filter(alias="Russia's top diplomat").exists()


@pytest.mark.parametrize(("body", "words", "near", "before", "found"), [
    # the quote's own words win over the same words in the sentence before
    ("Lee said taxes will fall. “Taxes will fall, and so that taxes will fall,” Lee said.",
     "taxes will fall", (26, 73), "so that ", "taxes will fall"),
    ("In Iran, officials ran the vote.", "ran", (0, 8), "officials ", "ran"),  # a whole word, not Iran's
    ("He said: «We will win» and “we  will\nwin.”", '"we will win."', (0, 5), "and ", "“we  will\nwin.”"),
    ("Costs rose $5.00* [sic] a|b.", "$5.00* [sic] a|b", (0, 3), "rose ", "$5.00* [sic] a|b"),
])
def test_an_editors_words_are_found_in_the_article(
    body: str, words: str, near: tuple[int, int], before: str, found: str,
) -> None:
    start = body.index(before + found) + len(before)
    assert corrections.span_of_words(body, words, near) == (start, start + len(found))


def test_words_the_article_does_not_hold_are_not_found() -> None:
    assert corrections.span_of_words("In Iran, officials voted.", "ran", (0, 5)) is None
    assert corrections.span_of_words("Anything.", "   ", (0, 5)) is None
