"""One actor per real person, country or organisation across an event.

Entry points: `same_actor` (are two actors found in different articles one?) and
`merge_event_actors` (group all articles' actors into event actors). The
database side (actor_store.py) and the event JSON match with `same_actor` too,
so what it refuses to merge stays apart everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from articles.nlp.names import (
    actor_lexicons,
    fold,
    given,
    given_names_match,
    name_gender,
    personal_given,
    suffix,
    surname,
)
from articles.nlp.types import ActorRef


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Whether two actors found in different articles are the same one.

    People: same surname and compatible given names ("Sergei"/"Sergey", "R."/"Rex",
    or one side without a given name); titles and honorifics are not given names
    ("President Putin" is "Vladimir Putin"), and two different known given names
    are two people ("Donald Trump", "Ivanka Trump"), and so are a man and a woman
    ("Mr. Clinton", "Hillary Clinton": honorifics and given names). Others: same kind and a shared
    name or alias once lexicon variants are made canonical ("the U.S.", "America",
    "Washington" -> United States; "the UN" -> United Nations).
    """
    if a.kind != b.kind:
        return False
    if a.kind == "person":
        if surname(a.name) != surname(b.name):
            return False
        gender_a, gender_b = name_gender((a.name, *a.aliases)), name_gender((b.name, *b.aliases))
        if gender_a and gender_b and gender_a != gender_b:
            return False  # "Mr. Trump" is not Melania Trump
        # Given names from the name and the aliases: an event actor stored as
        # "Johnson" that has since been seen as "Boris Johnson" is not Jo Johnson.
        given_a, given_b = _given_names(a), _given_names(b)
        if not given_a or not given_b:
            return True
        if suffix(a.name) != suffix(b.name):
            return False  # Jesse Jackson Jr. is not the Rev. Jesse Jackson
        return any(given_names_match(x, y) for x in given_a for y in given_b)
    names_a = {_canonical(n) for n in (a.name, *a.aliases)}
    names_b = {_canonical(n) for n in (b.name, *b.aliases)}
    return _canonical(a.name) in names_b or _canonical(b.name) in names_a


def _given_names(ref: ActorRef) -> set[str]:
    family = surname(ref.name)
    return {g for n in (ref.name, *ref.aliases) if surname(n) == family and (g := personal_given(n))}


def _canonical(name: str) -> str:
    """A country, seat of government or organisation variant folded to its
    lexicon name; anything else just folded."""
    lex = actor_lexicons()
    bare = name.strip()
    for prefix in ("the ", "The "):
        bare = bare.removeprefix(prefix)
    for table in (lex.countries, lex.metonyms, lex.organizations):
        if bare in table:
            return fold(table[bare])
        if name in table:
            return fold(table[name])
    return fold(bare)


def _conflicts(a: ActorRef, b: ActorRef) -> bool:
    """Two people with one surname and different known given names."""
    return a.kind == b.kind == "person" and surname(a.name) == surname(b.name) and not same_actor(a, b)


def merge_event_actors(
    per_article: list[list[ActorRef]],
) -> list[tuple[ActorRef, list[tuple[int, str]]]]:
    """Group the actors of all articles of one event into event actors.

    Returns one `(event_actor, members)` pair per event actor, in order of first
    appearance, where `members` lists `(article_index, local ActorRef.name)`.
    The event actor's name is the local name used by most articles (ties: the
    longest, then the first seen); aliases collect every other form.
    """
    groups: list[list[tuple[int, ActorRef]]] = []
    for index, actors in enumerate(per_article):
        for actor in actors:
            # Join a group only if no member contradicts: a bare "Johnson" matches
            # both "Boris Johnson" and "Jo Johnson", but must not chain them together.
            fits = [
                group
                for group in groups
                if any(same_actor(actor, other) for _, other in group)
                and all(same_actor(actor, other) or not _conflicts(actor, other) for _, other in group)
            ]
            if fits:
                max(fits, key=len).append((index, actor))
            else:
                groups.append([(index, actor)])
    merged: list[tuple[ActorRef, list[tuple[int, str]]]] = []
    for group in groups:
        counts = Counter(actor.name for _, actor in group)
        order = [actor.name for _, actor in group]
        name = max(counts, key=lambda n: (counts[n], len(n.split()), len(n), -order.index(n)))
        forms: list[str] = []
        titles: Counter[str] = Counter()
        for _, actor in group:
            for form in (actor.name, *actor.aliases):
                if form != name and form not in forms:
                    forms.append(form)
            if actor.title:
                titles[actor.title] += 1
        title = titles.most_common(1)[0][0] if titles else ""
        event_actor = ActorRef(name=name, kind=group[0][1].kind, aliases=tuple(forms), title=title)
        merged.append((event_actor, [(index, actor.name) for index, actor in group]))
    return merged


def most_used_name(ref: ActorRef, texts: Sequence[str]) -> str:
    """The form of a person's full name that the event's texts use most
    ("Sergey Lavrov" over "Sergei Lavrov" when most outlets write it so).

    Candidates are the actor's given-name + surname forms without titles; each is
    counted in the texts. Other kinds of actor keep their name."""
    if ref.kind != "person":
        return ref.name
    family = surname(ref.name)
    candidates = {
        n for n in (ref.name, *ref.aliases)
        if 2 <= len(n.split()) <= 3 and surname(n) == family and personal_given(n) == given(n)
    }
    if len(candidates) < 2:
        return ref.name
    counts = {n: sum(text.count(n) for text in texts) for n in candidates}
    best = max(sorted(candidates), key=lambda n: (counts[n], n == ref.name))
    return best if counts[best] > counts.get(ref.name, 0) else ref.name
