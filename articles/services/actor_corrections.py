"""Editors' changes to actors: create, edit, merge two, add or remove an alias,
and revert any of them. Each is one audited ActorCorrection row holding what a
revert needs (a merge keeps the merged actor's row, aliases and moved ids)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F

from articles.models import Actor, ActorAlias, ActorCorrection, Claim, Event, Quote, Signal, fitted
from articles.services.editing import Conflict, CorrectionError, User, account
from articles.services.page_versions import pages_changed

Action = ActorCorrection.Action


def _record(*, event: Event, actor: Actor | None, ids: list[int], action: str, user: User,
            before: dict[str, Any], after: dict[str, Any], note: str = "",
            reverts: ActorCorrection | None = None) -> ActorCorrection:
    return ActorCorrection.objects.create(
        event=event, actor=actor, actor_ids=ids, action=action, editor=account(user),
        before=before, after=after, note=note, reverts=reverts,
    )


def _fields(actor: Actor) -> dict[str, Any]:
    return {"id": actor.pk, "name": actor.name, "kind": actor.kind, "title": actor.title}


def actor_create(*, event: Event, name: str, user: User, kind: str = Actor.Kind.PERSON,
                 title: str = "", note: str = "") -> Actor:
    name = fitted(Actor, "name", " ".join(name.split()))
    if not name:
        raise CorrectionError("An actor needs a name.")
    with transaction.atomic():
        pages_changed(event.pk)
        if Actor.objects.filter(event=event, name__iexact=name).exists():
            raise CorrectionError(f"{name} is already an actor of this event.")
        actor = Actor.objects.create(event=event, name=name, kind=kind, title=fitted(Actor, "title", title))
        ActorAlias.objects.create(actor=actor, alias=name)
        record_create(actor=actor, user=user, note=note)
    return actor


def record_create(*, actor: Actor, user: User, note: str = "") -> ActorCorrection:
    """Audit an actor an editor created (the admin's add form saves it itself)."""
    return _record(event=actor.event, actor=actor, ids=[actor.pk], action=Action.CREATE, user=user,
                   before={}, after=_fields(actor), note=note)


def actor_for_name(*, event: Event, name: str, user: User) -> Actor:
    """The event's actor called `name` (or with that alias); created if new."""
    name = " ".join(name.split())
    found = (Actor.objects.filter(event=event, name__iexact=name).first()
             or Actor.objects.filter(event=event, aliases__alias__iexact=name).first())
    return found or actor_create(event=event, name=name, user=user)


def actor_edit(*, actor: Actor, user: User, name: str, kind: str, title: str, note: str = "") -> ActorCorrection:
    with transaction.atomic():
        pages_changed(actor.event_id)
        locked = Actor.objects.select_for_update().get(pk=actor.pk)
        before = _fields(locked)
        locked.name, locked.kind = fitted(Actor, "name", name), kind
        locked.title = fitted(Actor, "title", title)
        locked.save(update_fields=["name", "kind", "title"])
        return _record(event=locked.event, actor=locked, ids=[locked.pk], action=Action.EDIT, user=user,
                       before=before, after=_fields(locked), note=note)


def alias_add(*, actor: Actor, alias: str, user: User, note: str = "") -> ActorAlias:
    alias = fitted(ActorAlias, "alias", " ".join(alias.split()))
    if not alias:
        raise CorrectionError("An alias cannot be empty.")
    with transaction.atomic():
        pages_changed(actor.event_id)
        row, created = ActorAlias.objects.get_or_create(actor=actor, alias=alias)
        if created:
            _record(event=actor.event, actor=actor, ids=[actor.pk], action=Action.ALIAS_ADD, user=user,
                    before={}, after={"alias": alias}, note=note)
    return row


def alias_remove(*, alias: ActorAlias, user: User, note: str = "") -> ActorCorrection:
    with transaction.atomic():
        actor = alias.actor
        pages_changed(actor.event_id)
        ActorAlias.objects.filter(pk=alias.pk).delete()
        return _record(event=actor.event, actor=actor, ids=[actor.pk], action=Action.ALIAS_REMOVE, user=user,
                       before={"alias": alias.alias}, after={}, note=note)


def actors_merge(*, source: Actor, target: Actor, user: User, note: str = "") -> ActorCorrection:
    """Everything said by or about `source` moves to `target`; `source` goes, its
    name becomes an alias of `target` (so a re-analysis finds `target`)."""
    if source.pk == target.pk or source.event_id != target.event_id:
        raise CorrectionError("Merge two different actors of the same event.")
    with transaction.atomic():
        # Same lock order as analysis (event row first): a merge and an analysis
        # of the event never interleave.
        event = Event.objects.select_for_update().get(pk=source.event_id)
        pages_changed(event.pk)
        source = Actor.objects.get(pk=source.pk)
        quote_ids = list(Quote.objects.select_for_update().filter(speaker=source).values_list("pk", flat=True))
        claim_ids = list(Claim.objects.filter(speaker=source).values_list("pk", flat=True))
        signal_ids = list(Signal.objects.filter(actor=source).values_list("pk", flat=True))
        source_aliases = list(source.aliases.values_list("alias", flat=True))
        target_aliases = set(target.aliases.values_list("alias", flat=True))
        added = [a for a in dict.fromkeys([source.name, *source_aliases]) if a not in target_aliases]
        Quote.objects.filter(pk__in=quote_ids).update(speaker=target, revision=F("revision") + 1)
        Claim.objects.filter(pk__in=claim_ids).update(speaker=target)
        Signal.objects.filter(pk__in=signal_ids).update(actor=target)
        ActorAlias.objects.bulk_create([ActorAlias(actor=target, alias=a) for a in added])
        source_id = source.pk
        before = {"source": {**_fields(source), "aliases": source_aliases},
                  "quotes": quote_ids, "claims": claim_ids, "signals": signal_ids}
        source.delete()
        return _record(event=event, actor=target, ids=[source_id, target.pk], action=Action.MERGE,
                       user=user, before=before, after={"target": _fields(target), "added_aliases": added},
                       note=note)


def actor_correction_revert(*, correction: ActorCorrection, user: User, note: str = "") -> ActorCorrection:
    if correction.action == Action.REVERT:
        raise CorrectionError("Make the original change again instead of reverting a revert.")
    if correction.reverted_by.exists():
        raise CorrectionError("This change was already reverted.")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=correction.event_id)
        pages_changed(event.pk)
        undo = {
            Action.CREATE: _undo_create, Action.EDIT: _undo_edit, Action.MERGE: _undo_merge,
            Action.ALIAS_ADD: _undo_alias_add, Action.ALIAS_REMOVE: _undo_alias_remove,
        }[Action(correction.action)]
        actor, after = undo(correction)
        return _record(event=event, actor=actor, ids=list(correction.actor_ids), action=Action.REVERT, user=user,
                       before=correction.after, after=after, note=note, reverts=correction)


def _live_actor(correction: ActorCorrection) -> Actor:
    if correction.actor_id is None:
        raise CorrectionError("The actor of this change no longer exists.")
    return Actor.objects.select_for_update().get(pk=correction.actor_id)


def _undo_create(correction: ActorCorrection) -> tuple[Actor | None, dict[str, Any]]:
    actor = _live_actor(correction)
    if Quote.objects.filter(speaker=actor).exists() or Claim.objects.filter(speaker=actor).exists():
        raise Conflict(f"{actor.name} speaks in quotes now; correct those first.", {"name": actor.name})
    actor.delete()
    return None, {}


def _undo_edit(correction: ActorCorrection) -> tuple[Actor | None, dict[str, Any]]:
    actor = _live_actor(correction)
    if _fields(actor) != correction.after:
        raise Conflict(f"{actor.name} was edited again since; revert that first.", _fields(actor))
    before = correction.before
    actor.name, actor.kind, actor.title = before["name"], before["kind"], before["title"]
    actor.save(update_fields=["name", "kind", "title"])
    return actor, _fields(actor)


def _undo_alias_add(correction: ActorCorrection) -> tuple[Actor | None, dict[str, Any]]:
    actor = _live_actor(correction)
    ActorAlias.objects.filter(actor=actor, alias=correction.after["alias"]).delete()
    return actor, {}


def _undo_alias_remove(correction: ActorCorrection) -> tuple[Actor | None, dict[str, Any]]:
    actor = _live_actor(correction)
    ActorAlias.objects.get_or_create(actor=actor, alias=correction.before["alias"])
    return actor, {"alias": correction.before["alias"]}


def _undo_merge(correction: ActorCorrection) -> tuple[Actor | None, dict[str, Any]]:
    """Bring the merged actor back under its old id; move back what still points
    at the target (anything an editor re-attributed since stays where it is)."""
    target = _live_actor(correction)
    old = correction.before["source"]
    if Actor.objects.filter(event_id=correction.event_id, name=old["name"]).exists():
        raise Conflict(f"There is an actor called {old['name']} again; merge or rename it first.", old)
    source = Actor.objects.create(id=old["id"], event_id=correction.event_id, name=old["name"],
                                  kind=old["kind"], title=old["title"])
    ActorAlias.objects.filter(actor=target, alias__in=correction.after["added_aliases"]).delete()
    ActorAlias.objects.bulk_create([ActorAlias(actor=source, alias=a) for a in old["aliases"]])
    Quote.objects.filter(pk__in=correction.before["quotes"], speaker=target).update(
        speaker=source, revision=F("revision") + 1)
    Claim.objects.filter(pk__in=correction.before["claims"], speaker=target).update(speaker=source)
    Signal.objects.filter(pk__in=correction.before["signals"], actor=target).update(actor=source)
    return target, {"restored": _fields(source)}
