"""Context for the comparison pages, read from precomputed rows.

Each builder runs a fixed number of queries whatever the event's size: no query
runs per article, quote or story point, and nothing calls spaCy. The event page
compares at most MAX_COLUMNS articles at a time (the reader picks which), so its
cost is bounded too; only the list of articles to pick from grows with the event."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from articles.compare.diff import matching_quotes, quoted_words, word_diff
from articles.compare.summary import EventSummary, summarize
from articles.compare.types import ClaimRow, MentionRow, QuoteRow, SignalRow
from articles.contract import UNNAMED_SOURCES
from articles.models import SHOWN_QUOTES, Actor, Article, Claim, Event, Job, Quote, Signal, StoryPoint, text_deferred
from articles.rows import by_article
from articles.services.exports import point_numbers
from articles.services.jobs import FINISHED, results_settled
from articles.web import charts
from articles.web.analysed import SAY, WAITING, unanalysed
from articles.web.highlight import Mark, MarkIndex, segments, to_html
from articles.web.params import whole_number, whole_numbers
from articles.web.parts import paragraph_url
from articles.web.speakers import Look, SpeakerStyle, event_looks, styled
from articles.web.wording import wording_table

MAX_COLUMNS = 12  # wider than this, a side-by-side table stops being readable
MAX_DIFFS = 20
SHORT_TITLE = 50  # characters of a title naming an article in a chooser or a chart
# Bounds that keep the event page's time and size fixed whatever an article's length: the
# quotes, claims and signals read per article (the first in its text), the sentences shown
# per cell, the story points shown, and the characters of a lead paragraph.
ROWS_PER_ARTICLE = 2000
MAX_PIECES = 3
MAX_ROWS = 300
LEAD_CHARS = 1500

SIGNAL_NAMES = dict(Signal.Kind.choices)  # get_kind_display() per row cost more than the rest of the page
QUOTE_KINDS = dict(Quote.Kind.choices)
SIGNAL_CSS: dict[str, str] = {
    Signal.Kind.REPORTING_VERB: "hl-verb",
    Signal.Kind.HEDGE: "hl-hedge",
    Signal.Kind.SCARE_QUOTE: "hl-hedge hl-scare",
    Signal.Kind.LOADED: "hl-loaded",
    Signal.Kind.LABEL: "hl-loaded hl-label",  # evaluative labels only (marks_for)
}


class Shown(NamedTuple):
    """One sentence of a cell: its highlighted HTML (escaped by to_html), its text and
    its offset in the article body (for the link to its paragraph)."""

    html: SafeString
    text: str
    start: int


@dataclass
class Cell:
    article: Article
    shown: list[Shown] = field(default_factory=list)  # at most MAX_PIECES of the article's sentences
    voices: set[str] = field(default_factory=set)
    hedged: bool = False
    possible: dict[str, Any] | None = None  # the closest sentence, when it may report the point
    count: int = 0  # the article's sentences in the point; at most MAX_PIECES are shown
    pending: str = ""  # analysed.WAITING or FAILED: nothing to judge it by yet
    analysed_chars: int = 0  # where the analysis of a long body stopped (0: it read it whole)

    @property
    def css(self) -> str:
        return "hl-own" if "own" in self.voices else ""

    @property
    def voice_text(self) -> str:
        words = [w for v, w in (("own", "own voice"), ("attributed", "attributed")) if v in self.voices]
        return " · ".join(words + (["hedged"] if self.hedged else []))

    @property
    def html(self) -> SafeString:
        """The table cell, built here rather than in a template loop: an event page has
        a cell per story point and column, and the template engine made them half its time."""
        if not self.count and self.pending:
            return format_html('<td class="unanalysed"><span>{}</span></td>',
                               "not analysed yet" if self.pending == WAITING else "not analysed (failed)")
        if not self.count and self.possible is not None:
            p = self.possible
            return format_html(
                '<td class="possibly"><span>possibly reported</span> '
                '<a href="{}" title="the closest sentence of this article (similarity {})">“{}”</a></td>',
                paragraph_url(self.article, p["start"]), f"{p['score']:.2f}",
                Truncator(p["text"]).words(30))
        if not self.count and self.analysed_chars:  # the fact may be in the rest
            return format_html('<td class="missing"><span>not reported in its first {} characters</span> '
                               '(the rest of its text was not analysed)</td>', f"{self.analysed_chars:,}")
        if not self.count:
            return SafeString('<td class="missing"><span>not reported</span></td>')
        paragraphs = format_html_join("", "<p>{}</p>", ((one.html,) for one in self.shown))
        more = self.count - len(self.shown)
        if more:
            paragraphs = format_html(
                '{}<p class="more"><a href="{}">{} {}sentence{} in this article</a></p>', paragraphs,
                self.article.get_absolute_url(), f"and {more:,} more" if self.shown else f"{more:,}",
                "" if self.shown else "further on: ", "s" if more != 1 else "")
        return format_html('<td class="{}">{}<span class="voice">{}</span></td>', self.css, paragraphs, self.voice_text)


def speaker_styles(quotes: list[Quote], palette: dict[int, Look]) -> dict[int, SpeakerStyle]:
    """The actors quoted in these quotes, most quoted first, in the event's colours."""
    counts = Counter(q.speaker_id for q in quotes if q.speaker_id and q.shown)
    actors = {q.speaker_id: q.speaker for q in quotes if q.speaker_id}
    return styled(actors, counts, palette)  # type: ignore[arg-type]


def marks_for(article_id: int, quotes: Iterable[Quote], signals: Iterable[Signal],
              styles: dict[int, SpeakerStyle], claims: Iterable[Claim] = ()) -> list[Mark]:
    """Highlight spans of one article. Loaded words inside a quote are the speaker's
    words (reporting), not the outlet's framing, so they are not marked. An orphaned quote
    (an editor's, whose words left the edited text) is not marked: its offsets are old
    (Quote.shown)."""
    marks: list[Mark] = []
    for q in quotes:
        if q.article_id != article_id or not q.shown:
            continue
        style = styles.get(q.speaker_id) if q.speaker_id else None
        who = q.speaker.name if q.speaker else (
            f"{q.source_phrase} ({q.get_source_type_display()}, unnamed)" if q.source_phrase else "unknown speaker")
        marks.append(Mark(
            q.start, q.end,
            css=f"hl-quote {style.css if style else 'sp-none'}",
            title=f"{QUOTE_KINDS.get(q.kind, q.kind)} quote — {who}"
            + (" (corrected by an editor)" if q.attribution == "human" else ""),
            badge=(style.badge or style.actor.initials) if style else "?",
            href=style.actor.get_absolute_url() if style else "",
        ))
    for s in signals:
        if s.article_id != article_id or s.kind not in SIGNAL_CSS:
            continue
        if s.kind in (Signal.Kind.LOADED, Signal.Kind.SCARE_QUOTE) and s.in_quote:
            continue  # the speaker's words, not the outlet's
        if s.kind == Signal.Kind.LABEL and not s.evaluative:
            continue  # a plain name or office is not framing
        css = SIGNAL_CSS[s.kind] + (f" verb-{s.category}" if s.kind == Signal.Kind.REPORTING_VERB else "")
        kind = "evaluative label" if s.kind == Signal.Kind.LABEL else SIGNAL_NAMES[s.kind]
        marks.append(Mark(s.start, s.end, css=css, title=f"{kind}: {s.category}".rstrip(": "),
                          spoken=f"{kind}, {s.category}" if s.kind == Signal.Kind.REPORTING_VERB else kind))
    for c in claims:
        if c.article_id == article_id and c.voice == Claim.Voice.OWN:
            marks.append(Mark(c.start, c.end, css="hl-own", title="claim in the outlet's own voice",
                              spoken="own-voice claim"))
    return marks


def chosen_positions(raw: Sequence[str]) -> list[int]:
    """Article positions from `?articles=1,4,7` or repeated `?articles=1&articles=4`
    (what the checkbox form sends); order and duplicates don't matter, junk is a 400."""
    return whole_numbers(raw, "articles")


def _first_rows(model: Any, ids: list[int], *related: str) -> list[Any]:
    """The rows of `model` of these articles, at most ROWS_PER_ARTICLE per article (the
    first in its text), by article and start."""
    rank = Window(RowNumber(), partition_by=[F("article_id")], order_by=[F("start").asc(), F("pk").asc()])
    return list(model.objects.filter(article_id__in=ids).select_related(*related).annotate(rank=rank)
                .filter(rank__lte=ROWS_PER_ARTICLE).order_by("article_id", "start"))


def _long(articles: list[Article], *row_lists: list[Any]) -> list[Article]:
    """The articles of which some rows were left out (ROWS_PER_ARTICLE)."""
    cut = {article_id for rows in row_lists
           for article_id, n in Counter(row.article_id for row in rows).items() if n >= ROWS_PER_ARTICLE}
    return [a for a in articles if a.pk in cut]


def event_page(event: Event, *, only: str = "", actor: str = "", chosen: Sequence[str] = (),
               progress: dict[str, Any] | None = None) -> dict[str, Any]:
    """The comparison's context; `progress` is event_progress(event) when the caller has it."""
    everything = list(
        event.articles.select_related("outlet").order_by("position")
        .only("pk", "event", "position", "title", "outlet__name", "published")
    )
    asked = chosen_positions(chosen)
    positions = asked[:MAX_COLUMNS] or [a.position for a in everything[:MAX_COLUMNS]]
    articles = list(event.articles.select_related("outlet", "job").filter(position__in=positions).order_by("position"))
    ids = [a.pk for a in articles]
    quotes = _first_rows(Quote, ids, "speaker__event")
    signals = _first_rows(Signal, ids, "actor")
    claims = _first_rows(Claim, ids, "speaker")
    styles = speaker_styles(quotes, event_looks(event))
    pending = unanalysed(articles)
    quotes_of, signals_of = by_article(quotes), by_article(signals)
    marks = {a.pk: MarkIndex(marks_for(a.pk, quotes_of.get(a.pk, []), signals_of.get(a.pk, []), styles))
             for a in articles}
    table = StoryTable(articles, claims, marks, only=only, actor_id=whole_number(actor, "actor"), pending=pending)
    names = short_names(articles)
    rows, only_in = split_single(table.rows(), articles, names)
    return {
        "event": event,
        "articles": articles,
        "columns": list(zip(articles, names, strict=True)),
        "all_articles": everything,
        "chosen": {a.position for a in articles},
        "chosen_query": ",".join(str(a.position) for a in articles),
        "pages": _column_pages(everything),
        "max_columns": MAX_COLUMNS,
        "truncated": len(asked) > MAX_COLUMNS,
        "rows": rows,
        "only_in": only_in,
        "hidden_rows": table.hidden,
        "long_articles": _long(articles, quotes, signals, claims),
        "rows_per_article": ROWS_PER_ARTICLE,
        "speakers": sorted(styles.values(), key=lambda s: -s.quotes),
        "summary": summarise(articles, names, quotes, signals, claims, styles, pending),
        "wording": wording_table(articles, signals, claims, pending),
        "leads": [_lead(a, marks[a.pk]) for a in articles],
        "diffs": quote_diffs(articles, quotes),
        "only": only,
        "actor_filter": table.actor_id,
        **(event_progress(event) if progress is None else progress),
    }


class StoryTable:
    """Story points as table rows over the chosen articles, the most widely reported
    first; omission is judged among the columns shown, since that is what the reader
    compares. An article in a point's `possibly_in` shows its closest sentence. Which
    points report what is counted in the database, so the rows are chosen before any
    is built; at most MAX_ROWS are, each cell with at most MAX_PIECES sentences."""

    def __init__(self, articles: list[Article], claims: list[Claim], marks: dict[int, MarkIndex], *,
                 only: str, actor_id: int | None, pending: dict[int, str] | None = None) -> None:
        self.articles, self.claims, self.marks = articles, claims, marks
        self.pending = pending or {}
        self.only, self.actor_id = only, actor_id
        self.hidden = 0
        Member = StoryPoint.members.through
        ids = [a.pk for a in articles]
        self.counts: dict[int, dict[int, int]] = defaultdict(dict)  # point -> article -> member sentences
        self.order: dict[int, float] = {}
        for point_id, order, article_id, n in (Member.objects.filter(claim__article_id__in=ids)
                                               .values_list("storypoint_id", "storypoint__order", "claim__article_id")
                                               .annotate(n=Count("pk")).order_by()):
            self.counts[point_id][article_id] = n
            self.order[point_id] = order
        self.members = _members_by_point(claims, list(
            Member.objects.filter(claim_id__in=[c.pk for c in claims]).values_list("storypoint_id", "claim_id")))

    def _wanted(self, point_id: int) -> bool:
        reporting = len(self.counts[point_id])
        # An article with no analysis was never read: it leaves nothing out.
        if self.only == "missing" and all(a.pk in self.counts[point_id] or a.pk in self.pending
                                          for a in self.articles):
            return False
        if self.only == "shared" and reporting < 2:
            return False
        return not self.actor_id or any(c.speaker_id == self.actor_id for c in self.members[point_id])

    def rows(self) -> list[dict[str, Any]]:
        wanted = sorted((p for p in self.counts if self._wanted(p)),
                        key=lambda p: (-len(self.counts[p]), self.order[p], p))
        self.hidden = max(0, len(wanted) - MAX_ROWS)
        points = StoryPoint.objects.in_bulk(wanted[:MAX_ROWS])
        numbers = point_numbers(self.articles[0].event_id) if points else {}
        rows = []
        # A point counted above may be gone: an alignment that committed in between replaced them.
        for point_id in (p for p in wanted[:MAX_ROWS] if p in points):
            cells = self._cells(points[point_id])
            reporting = sum(1 for cell in cells if cell.count)
            rows.append({"point": points[point_id], "number": numbers.get(point_id), "cells": cells,
                         "reporting": reporting, "shared": reporting > 1,
                         "possibly": sum(1 for cell in cells if cell.possible and not cell.count),
                         "unjudged": sum(1 for cell in cells if cell.pending and not cell.count)})
        return rows

    def _cells(self, point: StoryPoint) -> list[Cell]:
        counts = self.counts[point.pk]
        cells = {a.pk: Cell(article=a, count=counts.get(a.pk, 0), pending=self.pending.get(a.pk, ""),
                            analysed_chars=a.analysed_chars or 0)
                 for a in self.articles}
        for c in self.members[point.pk]:
            cell = cells[c.article_id]
            cell.voices.add(c.voice)
            cell.hedged = cell.hedged or c.hedged
            if len(cell.shown) < MAX_PIECES:
                text = cell.article.body[c.start:c.end]
                marks = self.marks[c.article_id].over(c.start, c.end)
                cell.shown.append(Shown(to_html(segments(text, c.start, marks)), text, c.start))
        by_position = {a.position: cells[a.pk] for a in self.articles}
        for entry in point.possibly_in:
            maybe = by_position.get(entry["article"])
            if maybe is not None and not maybe.count:
                maybe.possible = entry
        return [cells[a.pk] for a in self.articles]


def _members_by_point(claims: list[Claim], memberships: list[tuple[int, int]]) -> dict[int, list[Claim]]:
    by_id = {c.pk: c for c in claims}
    members: dict[int, list[Claim]] = defaultdict(list)
    for point_id, claim_id in memberships:
        members[point_id].append(by_id[claim_id])
    for group in members.values():
        group.sort(key=lambda c: (c.article_id, c.start))
    return members


def split_single(rows: list[dict[str, Any]], articles: list[Article],
                 names: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows several chosen articles share, and the facts only one reports, grouped
    by that article ("only in X", shown folded): the page leads with what is shared. A fact
    another article possibly reports stays in the table, where its closest sentence shows, and
    so does one beside an article not analysed yet (nothing says it leaves the fact out)."""
    if len(articles) < 2:
        return rows, []
    alone = [r["reporting"] == 1 and not r["possibly"] and not r.get("unjudged") for r in rows]
    shared = [r for r, one in zip(rows, alone, strict=True) if not one]
    single: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r, one in zip(rows, alone, strict=True):
        if one:
            index = next(i for i, cell in enumerate(r["cells"]) if cell.count)
            single[index].append(r)
    groups = [{"article": articles[i], "name": names[i], "rows": single[i],
               "pieces": [{"html": one.html, "url": paragraph_url(articles[i], one.start),
                           "number": r["number"] if k == 0 else None}  # the row's anchor, on its first sentence
                          for r in single[i] for k, one in enumerate(r["cells"][i].shown)]}
              for i in sorted(single)]
    return shared, groups


def _column_pages(everything: list[Article]) -> list[dict[str, Any]]:
    """Consecutive groups of MAX_COLUMNS articles, as `?articles=` values."""
    if len(everything) <= MAX_COLUMNS:
        return []
    out = []
    for start in range(0, len(everything), MAX_COLUMNS):
        group = everything[start:start + MAX_COLUMNS]
        out.append({"first": start + 1, "last": start + len(group),
                    "query": ",".join(str(a.position) for a in group)})
    return out


def _lead(article: Article, marks: MarkIndex) -> dict[str, Any]:
    """Headline and first text paragraph (headings skipped), with highlights; at most
    LEAD_CHARS of it. Read paragraph by paragraph, not by splitting the whole body."""
    headings = set(article.headings or [])
    body, offset, index = article.body, 0, 0
    while offset <= len(body):
        found = body.find("\n\n", offset)
        end = len(body) if found == -1 else found
        text = body[offset:min(end, offset + LEAD_CHARS)]
        if index not in headings and text.strip():
            return {"article": article, "segments": to_html(segments(text, offset, marks.over(offset, end))),
                    "text": text}
        offset, index = end + 2, index + 1
    return {"article": article, "segments": "", "text": ""}


def summary_rows(articles: list[Article], quotes: list[Quote], signals: list[Signal], claims: list[Claim]
                 ) -> EventSummary:
    """The compare layer's summary over these rows; `article` in each row is the
    column index. Labels inside quotes are the speaker's words, not the outlet's."""
    column = {a.pk: i for i, a in enumerate(articles)}
    return summarize(
        words=[a.word_count for a in articles],
        quotes=[QuoteRow(article=column[q.article_id], speaker=_source_label(q),
                         kind=q.kind, cue=q.cue, stance="", text=q.text, length=len(q.text.split()),
                         position=q.start) for q in quotes if q.shown],
        signals=[SignalRow(article=column[s.article_id], kind=s.kind, text=s.text, category=s.category,
                           actor=s.actor.name if s.actor else None, in_quote=s.in_quote, position=s.start)
                 for s in signals if not (s.kind == Signal.Kind.LABEL and s.in_quote)],
        claims=[ClaimRow(article=column[c.article_id], voice=c.voice, hedged=c.hedged, loaded=c.loaded)
                for c in claims],
        mentions=[MentionRow(article=column[s.article_id], actor=s.actor.name, position=s.start)
                  for s in signals if s.kind == Signal.Kind.LABEL and s.actor],
    )


def _source_label(quote: Quote) -> str | None:
    """Who a quote is from, for "who is quoted": the actor, or an unnamed source as
    written with its type ("administration officials (anonymous)")."""
    if quote.speaker is not None:
        return quote.speaker.name
    return f"{quote.source_phrase} ({quote.source_type})" if quote.source_phrase else None


def unnamed_shares(articles: list[Article], quotes: list[Quote]) -> list[tuple[int, int]]:
    """Per article: quotes from unnamed sources (anonymous, group, document, media), and all
    its quotes. How much an outlet leans on unnamed sources is a framing signal of its own."""
    counts = {a.pk: [0, 0] for a in articles}
    for q in quotes:
        if q.shown and q.article_id in counts:
            counts[q.article_id][1] += 1
            counts[q.article_id][0] += q.source_type in UNNAMED_SOURCES
    return [(counts[a.pk][0], counts[a.pk][1]) for a in articles]


def summarise(articles: list[Article], names: list[str], quotes: list[Quote], signals: list[Signal],
              claims: list[Claim], styles: dict[int, SpeakerStyle] | None = None,
              pending: dict[int, str] | None = None) -> dict[str, Any]:
    """The summary panel: per article charts and tables, plus the labels table; `names`
    are the articles' short_names, `pending` analysed.unanalysed (cards and charts say so)."""
    pending = pending or {}
    summary = summary_rows(articles, quotes, signals, claims)
    by_name = {s.actor.name: s for s in (styles or {}).values()}
    scale = max((s.quotes for s in summary.speakers), default=0)
    unnamed = unnamed_shares(articles, quotes)
    cards = []
    for a, article in enumerate(articles):
        speakers = [s for s in summary.speakers if s.article == a]
        kinds, voice, dens = summary.quote_kinds[a], summary.voices[a], summary.densities[a]
        verbs: dict[str, list[Any]] = defaultdict(list)
        for v in summary.verbs:
            if v.article == a:
                verbs[v.actor or "no resolved speaker"].append(v)
        cards.append({
            "article": article,
            "pending": SAY.get(pending.get(article.pk, ""), ""),
            "speakers": charts.bar_chart([
                charts.BarItem(
                    label=s.speaker or "speaker unknown", value=s.quotes,
                    text=f"{s.quotes} quote{'s' if s.quotes != 1 else ''}, {s.words} words",
                    css=by_name[s.speaker].css if s.speaker in by_name else "sp-none",
                ) for s in speakers
            ], scale_max=scale),
            "speaker_rows": speakers,
            "unnamed": unnamed[a][0],
            "unnamed_share": unnamed[a][0] / unnamed[a][1] if unnamed[a][1] else 0.0,
            "kinds": charts.stack([
                ("direct", round(kinds.direct * kinds.quotes), "k-direct"),
                ("paraphrased", round(kinds.indirect * kinds.quotes), "k-indirect"),
                ("mixed", round(kinds.mixed * kinds.quotes), "k-mixed"),
            ]),
            "voice": charts.stack([("own voice", voice.own, "v-own"), ("attributed", voice.attributed, "v-attr")]),
            "densities": dens,
            "verbs": sorted(verbs.items(), key=lambda kv: (kv[0] == "no resolved speaker", kv[0])),
            "order": summary.order[a],
        })
    density = _density_charts(charts.distinct_labels(names), summary, articles, pending)
    return {
        "cards": cards,
        "labels": [{"subject": row.subject or "the event itself", "is_event": row.subject is None,
                    "terms": row.terms, "differs": len({t for t in row.terms if t}) > 1,
                    "cells": [(terms, pending.get(a.pk, "")) for terms, a in zip(row.terms, articles, strict=True)]}
                   for row in summary.labels if sum(1 for t in row.terms if t) > (1 if len(articles) > 1 else 0)
                   or row.subject is None],
        "densities": density,
    }


def _density_charts(labels: list[str], summary: EventSummary, articles: list[Article],
                    pending: dict[int, str]) -> dict[str, charts.BarChart]:
    """Hedges and loaded words per 1,000 words of each article, on one scale."""
    hedges = max((d.hedges_per_1000 for d in summary.densities), default=0.0)
    loaded = max((d.loaded_per_1000 for d in summary.densities), default=0.0)
    top = max(hedges, loaded)  # one scale for both charts: their bars compare too
    density = {
        "hedges": charts.bar_chart([
            charts.BarItem(label=n, value=d.hedges_per_1000, css="d-hedge",
                           text=_not_yet(a, pending) or f"{d.hedges_per_1000:.1f} ({d.hedges})")
            for n, d, a in zip(labels, summary.densities, articles, strict=True)], scale_max=top),
        "loaded": charts.bar_chart([
            charts.BarItem(label=n, value=d.loaded_per_1000, css="d-loaded",
                           text=_not_yet(a, pending) or f"{d.loaded_per_1000:.1f} ({d.loaded})")
            for n, d, a in zip(labels, summary.densities, articles, strict=True)], scale_max=top),
    }
    return density


def _not_yet(article: Article, pending: dict[int, str]) -> str:
    """A chart's value text for an article with no analysis yet, instead of a zero."""
    state = pending.get(article.pk)
    return "" if not state else "not analysed yet" if state == WAITING else "not analysed"


def short_names(articles: Sequence[Article]) -> list[str]:
    """Each article's name where a page names articles side by side (choosers, charts, "only
    in"): its outlet, else its title; an outlet two of them share gets the title too, so no
    two choices read the same."""
    shared = Counter(a.outlet_name for a in articles)
    names = [Truncator(a.title).chars(SHORT_TITLE) if not a.outlet_name
             else f"{a.outlet_name} — {Truncator(a.title).chars(SHORT_TITLE)}" if shared[a.outlet_name] > 1
             else a.outlet_name for a in articles]
    same = Counter(names)  # titles alike in their first words: the column number tells them apart
    return [f"{name} (article {i})" if same[name] > 1 else name for i, name in enumerate(names, 1)]


def quote_diffs(articles: list[Article], quotes: list[Quote]) -> list[dict[str, Any]]:
    """The same quote as rendered by different outlets: the fullest rendering, then
    each other one as a word-level diff against it."""
    column = {a.pk: i for i, a in enumerate(articles)}
    shown = [q for q in quotes if q.shown]
    # A direct quote's span may hold its attribution ("…,” Mr. Trump said. “…"): only the
    # quoted words are compared, or the attribution reads as a wording difference.
    words = [quoted_words(q.text) if q.kind == Quote.Kind.DIRECT else q.text for q in shown]
    groups = matching_quotes([(column[q.article_id], w, q.speaker.name if q.speaker else None)
                              for q, w in zip(shown, words, strict=True)])
    out = []
    for group in groups[:MAX_DIFFS]:
        base = shown[group.members[0]]
        others = group.members[1:]
        out.append({
            "speaker": next((q.speaker for q in (base, *(shown[m] for m in others)) if q.speaker), None),
            "base": base,
            "base_text": words[group.members[0]],
            "base_article": articles[column[base.article_id]],
            "others": [{"quote": shown[m], "article": articles[column[shown[m].article_id]],
                        "pieces": word_diff(words[group.members[0]], words[m])} for m in others],
        })
    return out


LISTED_JOBS = 20  # jobs at work, or failures, named in the progress block; the rest counted
ACTOR_ARTICLES = 50  # articles shown on an actor's page


def event_progress(event: Event) -> dict[str, Any]:
    """The status partial's context. Counts per kind and status come from one
    aggregate, so a finished event costs the same however many articles it has; job
    rows are read only to list the first LISTED_JOBS at work while the analysis runs and
    the first failures after: every viewer polls it, and an event may have 20,000 jobs."""
    counts = {
        (kind, status): n for kind, status, n in
        Job.objects.filter(event=event).values_list("kind", "status").annotate(n=Count("pk")).order_by()
    }
    analyses = {status: n for (kind, status), n in counts.items() if kind == Job.Kind.ANALYZE}
    alignment = next((status for kind, status in counts if kind == Job.Kind.ALIGN), None)  # one per event
    ready = results_settled(counts)
    failed_count = sum(n for (_, status), n in counts.items() if status == Job.Status.FAILED)
    done_count = sum(n for status, n in analyses.items() if status in FINISHED)
    jobs = [] if ready else list(  # running ones first ("running" > "queued")
        Job.objects.filter(event=event, kind=Job.Kind.ANALYZE).exclude(status__in=FINISHED)
        .select_related("article").order_by("-status", "article__position")
        .only("kind", "status", "event", "article", "article__title", "article__position")[:LISTED_JOBS]
    )
    failed = list(
        Job.objects.filter(event=event, status=Job.Status.FAILED).order_by("kind", "article_id")
        .only("kind", "status", "error", "event", "article")[:LISTED_JOBS]
    ) if ready and failed_count else []
    return {
        "event": event,
        "jobs": jobs,
        "jobs_more": max(0, sum(analyses.values()) - done_count - len(jobs)),
        "alignment_status": dict(Job.Status.choices).get(alignment, alignment) if alignment else None,
        "done_count": done_count,
        "job_count": sum(analyses.values()),
        "failed": failed,
        "failed_count": failed_count,
        "failed_more": max(0, failed_count - len(failed)),
        "ready": ready,
        "again": not ready and alignment in FINISHED,  # a re-analysis: the page shows the earlier results
    }


def actor_page(actor: Actor) -> dict[str, Any]:
    """One actor across the event's articles: quotes, reporting verbs, labels; the first
    ACTOR_ARTICLES articles that quote or name the actor (an actor of a 3,000-article event
    made a 1.7 MB page), the rest counted and left to the API and exports."""
    all_quotes = Quote.objects.filter(SHOWN_QUOTES, speaker=actor)
    named_in = set(all_quotes.values_list("article_id", flat=True).distinct()) | set(
        Signal.objects.filter(actor=actor).values_list("article_id", flat=True).distinct())
    shown = list(Article.objects.filter(pk__in=named_in).order_by("position")
                 .values_list("pk", flat=True)[:ACTOR_ARTICLES])
    quotes = list(
        text_deferred(all_quotes.filter(article_id__in=shown).select_related("article__outlet", "article__event"))
        .order_by("article__position", "start")
    )
    signals = list(
        text_deferred(Signal.objects.filter(actor=actor, article_id__in=shown)
                      .select_related("article__outlet", "article__event"))
        .order_by("article__position", "start")
    )
    groups: dict[int, dict[str, Any]] = {}
    for article in [q.article for q in quotes] + [s.article for s in signals]:
        groups.setdefault(article.pk, {"article": article, "quotes": [], "verbs": Counter(), "labels": Counter()})
    for q in quotes:
        groups[q.article_id]["quotes"].append(q)
    for s in signals:
        if s.kind == Signal.Kind.REPORTING_VERB:
            groups[s.article_id]["verbs"][(" ".join(s.text.lower().split()), s.category)] += 1
        elif s.kind == Signal.Kind.LABEL and not s.in_quote:  # in a quote, the speaker chose the words
            groups[s.article_id]["labels"][" ".join(s.text.split())] += 1
    articles = []
    for group in sorted(groups.values(), key=lambda g: g["article"].position):
        articles.append({
            "article": group["article"],
            "quotes": group["quotes"],
            "verbs": [{"verb": v, "stance": st, "count": n} for (v, st), n in group["verbs"].most_common()],
            "labels": [{"label": lbl, "count": n} for lbl, n in group["labels"].most_common()],
        })
    return {
        "actor": actor,
        "event": actor.event,
        "aliases": [a for a in actor.aliases.all() if a.alias != actor.name],  # its other names
        "quote_count": all_quotes.count(),
        "article_count": len(named_in),
        "articles": articles,
    }
