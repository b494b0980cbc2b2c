"""Match an article's actors to the event's Actor rows, creating what is new.

Called by services under a lock on the event row, so two workers never create
the same actor twice."""

from __future__ import annotations

from collections.abc import Sequence

from articles.models import Actor, ActorAlias, ActorCorrection, Event, fitted
from articles.nlp.actor_identity import most_used_name, same_actor
from articles.nlp.names import fold
from articles.nlp.types import ActorRef

# The corrections that give an actor the name an editor chose.
EDITORS_NAMING = (ActorCorrection.Action.CREATE, ActorCorrection.Action.EDIT, ActorCorrection.Action.MERGE)


def resolve_actors(event: Event, found: Sequence[ActorRef]) -> dict[str, Actor]:
    """Map each found ActorRef.name to an event Actor, adding new aliases."""
    known: list[tuple[Actor, ActorRef]] = []
    aliases: dict[int, set[str]] = {}
    for row in Actor.objects.filter(event=event).prefetch_related("aliases"):
        aliases[row.pk] = {a.alias for a in row.aliases.all()}
        ref = ActorRef(name=row.name, kind=row.kind, aliases=tuple(aliases[row.pk]), title=row.title)  # type: ignore[arg-type]
        known.append((row, ref))

    position = {row.pk: k for k, (row, _) in enumerate(known)}
    by_name: dict[str, Actor] = {}
    new_aliases: list[ActorAlias] = []
    for ref in found:
        match = _best_match(ref, known)
        if match is None:
            # The same name under another kind (a person here, an organisation there) is still
            # the one row the unique constraint allows; creating it again would fail the analysis.
            match = next((row for row, _ in known if row.name == fitted(Actor, "name", ref.name)), None)
        if match is None:
            match = Actor.objects.create(
                event=event, name=fitted(Actor, "name", ref.name), kind=ref.kind,
                title=fitted(Actor, "title", ref.title),
            )
            position[match.pk] = len(known)
            known.append((match, ref))
            aliases[match.pk] = set()
        for alias in (ref.name, *ref.aliases):
            alias = fitted(ActorAlias, "alias", alias)
            if alias and alias not in aliases[match.pk]:
                aliases[match.pk].add(alias)
                new_aliases.append(ActorAlias(actor=match, alias=alias))
        # What the row is now known as counts for the next refs: a "Trump" just seen as
        # "Mr. Trump" is no longer a match for "Melania Trump" of the same article.
        row_ref = ActorRef(name=match.name, kind=match.kind, aliases=tuple(sorted(aliases[match.pk])),  # type: ignore[arg-type]
                           title=match.title)
        known[position[match.pk]] = (match, row_ref)
        by_name[ref.name] = match
    ActorAlias.objects.bulk_create(new_aliases, ignore_conflicts=True)
    return by_name


def _best_match(ref: ActorRef, known: Sequence[tuple[Actor, ActorRef]]) -> Actor | None:
    """The known actor `ref` is, preferring one that shares a form of name with it: a bare
    "Trump" is Donald Trump, not an editor's "Melania Trump" row that happens to come first."""
    fits = [(row, known_ref) for row, known_ref in known if same_actor(ref, known_ref)]
    if not fits:
        return None
    forms = {fold(f) for f in (ref.name, *ref.aliases)}
    sharing = [row for row, known_ref in fits if forms & {fold(f) for f in (known_ref.name, *known_ref.aliases)}]
    return (sharing or [row for row, _ in fits])[0]


def rename_to_most_used(event: Event) -> None:
    """Name each person as the event's articles most often write the name, but for the
    actors an editor named (made, edited or merged into): their name is the editor's."""
    texts = list(event.articles.values_list("body", flat=True))
    actors = list(Actor.objects.filter(event=event).prefetch_related("aliases"))
    named = set(ActorCorrection.objects.filter(event=event, action__in=EDITORS_NAMING)
                .values_list("actor_id", flat=True))
    taken = {a.name for a in actors}
    for actor in (a for a in actors if a.pk not in named):
        ref = ActorRef(name=actor.name, kind=actor.kind, aliases=tuple(a.alias for a in actor.aliases.all()),  # type: ignore[arg-type]
                       title=actor.title)
        best = most_used_name(ref, texts)
        if best != actor.name and best not in taken:
            taken.discard(actor.name)
            taken.add(best)
            actor.name = best
            actor.save(update_fields=["name"])
