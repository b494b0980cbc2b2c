"""The article page's context: the body with its highlights, a part at a time.

A long body is shown in parts (web/parts.py: at most 200 paragraphs or 100,000
characters each, `?part=N`), and only the rows inside the shown part are read and
highlighted, so the page's time and size are bounded whatever the article's length.
What covers the whole article (quote and claim counts, speaker colours, labels) comes
from aggregates in the database."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, Min, Q
from django.http import Http404

from articles.models import SHOWN_QUOTES, Actor, Article, Claim, Signal
from articles.web.analysed import SAY, unanalysed
from articles.web.highlight import Mark, segments, to_html
from articles.web.pages import marks_for
from articles.web.parts import PART_PARAGRAPHS, body_parts
from articles.web.speakers import SpeakerStyle, event_looks, styled

NEARBY_PARTS = 3  # part links shown on each side of the current one (plus the first and last)


def article_styles(article: Article) -> dict[int, SpeakerStyle]:
    """The article's quoted actors, counted by the database over all its quotes, most
    quoted here first, in the event's colours and badges (web/speakers.py)."""
    counts = Counter(dict(article.quotes.filter(SHOWN_QUOTES, speaker__isnull=False).values("speaker_id")
                          .annotate(n=Count("pk")).order_by().values_list("speaker_id", "n")))
    actors = Actor.objects.select_related("event").in_bulk(list(counts))
    return styled(actors, counts, event_looks(article.event))


def article_labels(article: Article) -> list[dict[str, Any]]:
    """How the article names each actor outside quotes, and how often."""
    rows = (article.signals.filter(kind=Signal.Kind.LABEL, actor__isnull=False, in_quote=False)
            .values("actor_id", "text").annotate(n=Count("pk"), first=Min("start")).order_by("first")
            .values_list("actor_id", "text", "n"))
    labels: Counter[tuple[int, str]] = Counter()
    for actor_id, text, n in rows:
        labels[(actor_id, " ".join(text.split()))] += n
    actors = Actor.objects.select_related("event").in_bulk([actor_id for actor_id, _ in labels])
    return [{"actor": actors[actor_id], "label": text, "count": n}
            for (actor_id, text), n in sorted(labels.items(), key=lambda kv: (actors[kv[0][0]].name, -kv[1]))]


def _paragraphs(article: Article, start: int, end: int, marks: list[Mark]) -> list[dict[str, Any]]:
    """The paragraphs of body[start:end], numbered as in the whole body (the `#pN` anchors)."""
    body = article.body
    first = body.count("\n\n", 0, start)
    continued = start > 0 and body[start - 2:start] != "\n\n"  # a paragraph too long for one part
    headings = set(article.headings or [])
    out = []
    offset = start
    for k, text in enumerate(body[start:end].split("\n\n")):
        index = first + k
        out.append({"index": index, "heading": index in headings and not (k == 0 and continued),
                    "continued": k == 0 and continued, "segments": to_html(segments(text, offset, marks))})
        offset += len(text) + 2
    return out


def part_links(count: int, current: int) -> list[int | None]:
    """Part numbers to link: the first, the last, and a few around the current one;
    None where numbers are left out."""
    shown = sorted({1, count, *range(max(1, current - NEARBY_PARTS), min(count, current + NEARBY_PARTS) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - (out[-1] or 0) > 1:
            out.append(None)
        out.append(number)
    return out


def analysed_part(article: Article) -> dict[str, str] | None:
    """Where the analysis stopped in a body longer than NEWSFRAME_MAX_ARTICLE_CHARS (the
    analysis reads that many characters, stored with it: `Article.analysed_chars`): the
    character, and its paragraph of all; None when the whole text is analysed."""
    limit = article.analysed_chars
    if not limit:
        return None
    return {"chars": f"{limit:,}", "paragraph": f"{article.body.count(chr(10) * 2, 0, limit) + 1:,}",
            "paragraphs": f"{article.body.count(chr(10) * 2) + 1:,}"}


def article_page(article: Article, part: int | None = None) -> dict[str, Any]:
    parts = body_parts(article.body)
    number = part or 1
    if not 1 <= number <= len(parts):
        raise Http404(f"This article has {len(parts)} part{'s' if len(parts) != 1 else ''}.")
    start, end = parts[number - 1]
    shown = Q(start__lt=end, end__gt=start) if end > start else Q(pk__in=[])
    quotes = list(article.quotes.filter(shown).select_related("speaker__event").order_by("start"))
    signals = list(article.signals.filter(shown).select_related("actor__event").order_by("start"))
    claims = list(article.claims.filter(shown).order_by("start"))
    styles = article_styles(article)
    paragraphs = _paragraphs(article, start, end, marks_for(article.pk, quotes, signals, styles, claims))
    counts = article.claims.aggregate(total=Count("pk"), own=Count("pk", filter=Q(voice=Claim.Voice.OWN)))
    return {
        "article": article,
        "pending": SAY.get(unanalysed([article]).get(article.pk, ""), ""),
        "cut": analysed_part(article),
        "event": article.event,
        "paragraphs": paragraphs,
        "quotes": [q for q in quotes if q.shown],
        "quote_count": article.quotes.filter(SHOWN_QUOTES).count(),
        "speakers": sorted(styles.values(), key=lambda s: -s.quotes),
        "labels": article_labels(article),
        "own_claims": counts["own"],
        "claim_count": counts["total"],
        "part": number,
        "part_count": len(parts),
        "part_links": part_links(len(parts), number) if len(parts) > 1 else [],
        "part_paragraphs": PART_PARAGRAPHS,
        "first_paragraph": paragraphs[0]["index"] + 1 if paragraphs else 0,
        "last_paragraph": paragraphs[-1]["index"] + 1 if paragraphs else 0,
    }
