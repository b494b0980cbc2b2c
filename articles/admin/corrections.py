"""The editors' admin: the review queue of quotes (lowest confidence first),
actors with merge and aliases, and the audit trail with revert. Every write goes
through articles.services.corrections / actor_corrections, never a bare save."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from articles.contract import UNNAMED_SOURCES
from articles.models import Actor, ActorAlias, ActorCorrection, Article, AttributionCorrection, Quote
from articles.services import actor_corrections, corrections, editing
from articles.web.highlight import Mark, segments
from articles.web.params import MAX_DIGITS, whole_number

SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s|\n\n")
CONTEXT_CAP = 500


def in_context(quote: Quote, *, before: int = 0) -> SafeString:
    """The sentence(s) around a quote, and `before` sentences more before them (who
    "he" is: the quote's form shows one), the quote in bold and the speaker mention
    marked; every piece of article text is escaped by format_html."""
    body = quote.article.body
    first = min(quote.start, quote.mention_start if quote.mention_start is not None else quote.start)
    last = max(quote.end, quote.mention_end if quote.mention_end is not None else quote.end)
    ends_before = [m.end() for m in SENTENCE_END.finditer(body, 0, first)]
    lo = max(ends_before[-1 - before] if len(ends_before) > before else 0, first - CONTEXT_CAP * (1 + before))
    after = SENTENCE_END.search(body, last)
    hi = min(after.start() + 1 if after else len(body), last + CONTEXT_CAP)
    marks = [Mark(quote.start, quote.end, "q")]
    if quote.mention_start is not None and quote.mention_end is not None:
        marks.append(Mark(quote.mention_start, quote.mention_end, "m"))
    pieces = []
    for seg in segments(body[lo:hi], lo, marks):
        piece: SafeString | str = seg.text
        classes = seg.css.split()
        if "m" in classes:
            piece = format_html('<mark title="speaker mention">{}</mark>', piece)
        if "q" in classes:
            piece = format_html("<b>{}</b>", piece)
        pieces.append((piece,))
    return format_html_join("", "{}", pieces)


def history_html(rows: list[AttributionCorrection] | list[ActorCorrection], revert_url: str) -> SafeString:
    if not rows:
        return format_html("<p>{}</p>", "No changes yet.")
    items = format_html_join(
        "", "<li>{} · {} · {}: {} → {}{}</li>",
        ((f"{r.created_at:%Y-%m-%d %H:%M}", r.editor or "—", r.get_action_display(),
          _summary(r.before, r.after), _summary(r.after, r.before), f" — “{r.note}”" if r.note else "")
         for r in rows),
    )
    return format_html('<ol class="history">{}</ol><p><a href="{}">Open the audit trail to revert a change</a></p>',
                       items, revert_url)


def _summary(state: dict[str, Any], other: dict[str, Any]) -> str:
    """One side of a change (`other` is the other side): a quote's span that moved is
    named by its words."""
    if "is_quote" in state:
        moved = (state.get("start"), state.get("end")) != (other.get("start"), other.get("end"))
        return corrections.describe(state, words=moved)
    return ", ".join(f"{k}: {v}" for k, v in state.items() if k not in ("id",) and not isinstance(v, list))[:160] or "—"


# --- the review queue ----------------------------------------------------------------


class ActorOfEventFilter(admin.RelatedOnlyFieldListFilter):
    """Actors named with their event: two events' "Donald Trump" are two actors."""

    def field_choices(self, field: Any, request: HttpRequest, model_admin: Any) -> Any:
        ids = model_admin.get_queryset(request).values_list(f"{field.name}__pk", flat=True).distinct()
        return [(str(a.pk), f"{a.name} — {a.event.name}")
                for a in Actor.objects.filter(pk__in=ids).select_related("event").order_by("name", "event__name")]


class ArticleOfEventFilter(admin.RelatedFieldListFilter):
    """The articles of the event chosen in the "event" filter, read as (id, position,
    title): Django's own filter read every article of every event whole, text included,
    on each view of the queue. With no event chosen it lists none (and is not shown)."""

    EVENT_PARAMETER = "article__event__id__exact"

    def field_choices(self, field: Any, request: HttpRequest, model_admin: Any) -> Any:
        event = request.GET.get(self.EVENT_PARAMETER, "")
        if not (event.isascii() and event.isdigit() and len(event) <= MAX_DIGITS):
            return []  # no event; a longer number would overflow SQLite's integers (a 500)
        rows = Article.objects.filter(event_id=int(event)).order_by("position").values_list("pk", "position", "title")
        return [(str(pk), f"{position}. {Truncator(title).chars(80)}") for pk, position, title in rows]


class SpeakerResolvedFilter(admin.SimpleListFilter):
    title = "speaker resolved"
    parameter_name = "resolved"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("no", "unresolved (no source)"), ("yes", "resolved (an actor or an unnamed source)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Quote]) -> QuerySet[Quote]:
        unresolved = Q(speaker__isnull=True, source_phrase="")
        if self.value() == "no":
            return queryset.filter(unresolved)
        if self.value() == "yes":
            return queryset.exclude(unresolved)
        return queryset


class EventActorAutocomplete(AutocompleteSelect):
    """Actor autocomplete limited to one event (actors belong to one event)."""

    def __init__(self, *args: Any, event_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event_id = event_id

    def get_url(self) -> str:
        return f"{super().get_url()}?event={self.event_id or 0}"


class QuoteForm(forms.ModelForm):
    new_speaker = forms.CharField(required=False, max_length=300, label="Or a new actor",
                                  help_text="Type a name to create the actor in this event and make it the speaker.")
    words = forms.CharField(
        required=False, label="Quote words", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="To move the quote's span, edit its words here (copy them from the article): the span goes to "
                  "where they appear, nearest the quote. Start and end below are the same span in characters.")
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Note for the audit trail")
    seen_revision = forms.IntegerField(widget=forms.HiddenInput)
    editor: Any = None  # set by QuoteAdmin.get_form

    class Meta:
        model = Quote
        fields = ["speaker", "source_type", "source_phrase", "kind", "is_quote", "start", "end"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seen_revision"].initial = self.instance.revision
        self.fields["words"].initial = self.instance.text
        # A form sent without it (an older page, a script) keeps the quote's source type.
        self.fields["source_type"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        current = Quote.objects.select_related("speaker").get(pk=self.instance.pk)
        data["source_type"] = data.get("source_type") or current.source_type
        if data.get("seen_revision") is not None and data["seen_revision"] != current.revision:
            raise forms.ValidationError(
                "Someone changed this quote while you were editing it; it is now %(now)s. "
                "Reload the page to see it, then make your change again.",
                params={"now": corrections.describe(corrections.quote_state(current), words=True)}, code="conflict")
        self._span_from_words(current, data)
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and not 0 <= start < end <= len(current.article.body):
            raise forms.ValidationError("The span must lie inside the article, its start before its end.")
        picked = data.get("speaker")
        named = bool(data.get("new_speaker")) or (picked is not None and picked != current.speaker)
        if named and data["source_type"] in UNNAMED_SOURCES:
            self.add_error("source_type", "An unnamed source has no actor: to name the speaker, choose “actor”; "
                                          "for an unnamed source, clear the new actor and write the source phrase.")
        if not self.errors:
            self._try(current, data)
        return data

    def _span_from_words(self, current: Quote, data: dict[str, Any]) -> None:
        """Edited words move the span, unless the editor set start and end themselves."""
        words = data.get("words") or ""
        offsets_kept = (data.get("start"), data.get("end")) == (current.start, current.end)
        if not words.strip() or words.split() == current.text.split():
            return
        if not offsets_kept:
            self.add_error("words", "You changed both the words and start/end: change one of them, "
                                    "the words (found in the article) or the offsets.")
            return
        span = corrections.span_of_words(current.article.body, words, (current.start, current.end))
        if span is None:
            self.add_error("words", "These words are not in the article: copy them from its text "
                                    "(the sentence is shown above), or set start and end instead.")
        else:
            data["start"], data["end"] = span

    def _try(self, current: Quote, data: dict[str, Any]) -> None:
        """Make the correction and undo it: one the service refuses is shown on this form,
        with what the editor typed, instead of after a redirect that loses it."""
        try:
            with transaction.atomic():
                corrections.quote_correct(quote=current, user=self.editor, **correction_args(current, data))
                raise _Tried
        except _Tried:
            pass
        except editing.CorrectionError as exc:
            raise forms.ValidationError(str(exc), code="refused") from exc


class _Tried(Exception):
    """Rolls back the trial correction of QuoteForm._try."""


def correction_args(original: Quote, data: dict[str, Any]) -> dict[str, Any]:
    """The admin form's cleaned data as arguments of corrections.quote_correct: only what
    the editor changed, besides the speaker and kind the form always sends."""
    wanted = (data["start"], data["end"])
    return {
        "note": data.get("note", ""), "speaker": data.get("speaker"), "speaker_name": data.get("new_speaker") or "",
        "kind": data.get("kind"), "is_quote": data.get("is_quote"),
        "span": wanted if wanted != (original.start, original.end) else None,
        "expected_revision": data["seen_revision"],
        **{k: data[k] for k in ("source_type", "source_phrase") if k in data and data[k] != getattr(original, k)},
    }


class QuoteActionForm(helpers.ActionForm):
    speaker_name = forms.CharField(required=False, label="Speaker", help_text="for “set the speaker”")
    kind = forms.ChoiceField(required=False, choices=[("", "kind…"), *Quote.Kind.choices])
    note = forms.CharField(required=False, label="Note")


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    form = QuoteForm
    action_form = QuoteActionForm
    list_display = ["context", "speaker", "kind", "confidence", "attribution", "flags", "outlet"]
    list_select_related = ["article__outlet", "speaker"]
    list_filter = ["article__event", ("article", ArticleOfEventFilter), "article__outlet",
                   ("speaker", ActorOfEventFilter), "source_type", "kind", "attribution", SpeakerResolvedFilter,
                   "orphaned", "is_quote"]
    search_fields = ["text", "speaker_mention", "speaker__name", "source_phrase", "article__title"]
    ordering = ["confidence", "pk"]
    list_per_page = 50
    autocomplete_fields = ["speaker"]
    fields = ["article", "sentence", "speaker_mention", "cue", "speaker", "new_speaker", "source_type",
              "source_phrase", "kind", "is_quote", "words",
              "start", "end", "confidence", "attribution", "orphaned", "note", "seen_revision", "history"]
    readonly_fields = ["article", "sentence", "speaker_mention", "cue", "confidence", "attribution",
                       "orphaned", "history"]
    actions = ["set_speaker", "set_kind", "mark_not_a_quote", "mark_a_quote"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # quotes come from the analysis

    def has_delete_permission(self, request: HttpRequest, obj: Quote | None = None) -> bool:
        return False  # "not a quote" instead: a deleted machine quote would come back

    @admin.display(description="quote in its sentence (speaker mention marked)")
    def context(self, obj: Quote) -> SafeString:
        return in_context(obj)

    @admin.display(description="in its sentence (and the one before)")
    def sentence(self, obj: Quote) -> SafeString:
        return in_context(obj, before=1)

    @admin.display(description="")
    def flags(self, obj: Quote) -> str:
        return " ".join(f for f, on in (("orphaned", obj.orphaned), ("not a quote", not obj.is_quote)) if on)

    @admin.display(description="outlet", ordering="article__outlet__name")
    def outlet(self, obj: Quote) -> str:
        return obj.article.outlet_name

    @admin.display(description="history")
    def history(self, obj: Quote) -> SafeString:
        rows = list(obj.corrections.select_related("editor"))
        url = reverse("admin:articles_attributioncorrection_changelist") + f"?quote__id__exact={obj.pk}"
        return history_html(rows, url)

    def get_form(self, request: HttpRequest, obj: Quote | None = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        form.editor = request.user  # type: ignore[attr-defined]  # a class made for this request
        return form

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "speaker":
            object_id = (request.resolver_match.kwargs.get("object_id") if request.resolver_match else None)
            quote = Quote.objects.select_related("article").filter(pk=object_id).first() if object_id else None
            event_id = quote.article.event_id if quote else None
            kwargs["queryset"] = Actor.objects.filter(event_id=event_id or 0)
            kwargs["widget"] = EventActorAutocomplete(db_field, self.admin_site, event_id=event_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Quote, form: Any, change: bool) -> None:
        original = Quote.objects.get(pk=obj.pk)
        try:
            corrections.quote_correct(quote=obj, user=request.user, **correction_args(original, form.cleaned_data))
        except editing.CorrectionError as exc:
            # Lost a race with another editor after the form's own check.
            messages.error(request, str(exc))
            request.correction_failed = True  # type: ignore[attr-defined]

    def response_change(self, request: HttpRequest, obj: Quote) -> HttpResponse:
        if getattr(request, "correction_failed", False):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def _bulk(self, request: HttpRequest, queryset: QuerySet[Quote], **change: Any) -> None:
        quotes = list(queryset.select_related("article__event"))
        note = request.POST.get("note", "")
        try:
            n = corrections.quotes_correct(quotes=quotes, user=request.user, note=note, **change)
        except editing.CorrectionError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, f"Corrected {n} quote(s).", messages.SUCCESS)

    @admin.action(description="Set the speaker (name it in the box)", permissions=["change"])
    def set_speaker(self, request: HttpRequest, queryset: QuerySet[Quote]) -> None:
        name = " ".join(request.POST.get("speaker_name", "").split())
        if not name:
            self.message_user(request, "Type the speaker's name in the Speaker box first.", messages.ERROR)
            return
        self._bulk(request, queryset, speaker_name=name)

    @admin.action(description="Set the kind (choose it in the box)", permissions=["change"])
    def set_kind(self, request: HttpRequest, queryset: QuerySet[Quote]) -> None:
        kind = request.POST.get("kind", "")
        if kind not in Quote.Kind.values:
            self.message_user(request, "Choose a kind in the kind box first.", messages.ERROR)
            return
        self._bulk(request, queryset, kind=kind)

    @admin.action(description="Mark as not a quote", permissions=["change"])
    def mark_not_a_quote(self, request: HttpRequest, queryset: QuerySet[Quote]) -> None:
        self._bulk(request, queryset, is_quote=False)

    @admin.action(description="Mark as a quote again", permissions=["change"])
    def mark_a_quote(self, request: HttpRequest, queryset: QuerySet[Quote]) -> None:
        self._bulk(request, queryset, is_quote=True)


# --- actors ----------------------------------------------------------------------------


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "event", "quote_count"]
    list_filter = ["event", "kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [AliasInline]
    readonly_fields = ["history"]
    actions = ["merge_actors"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return super().get_queryset(request).annotate(n_quotes=Count("quotes", distinct=True)).order_by("name", "pk")

    def has_delete_permission(self, request: HttpRequest, obj: Actor | None = None) -> bool:
        return False  # merge instead: a deletion would silently drop speakers

    @admin.display(description="quotes", ordering="n_quotes")
    def quote_count(self, obj: Actor) -> int:
        return int(getattr(obj, "n_quotes", 0))

    @admin.display(description="history")
    def history(self, obj: Actor) -> SafeString:
        rows = [c for c in ActorCorrection.objects.filter(event_id=obj.event_id).select_related("editor")
                if obj.pk in c.actor_ids]
        return history_html(rows, reverse("admin:articles_actorcorrection_changelist") + f"?actor__id__exact={obj.pk}")

    def get_search_results(self, request: HttpRequest, queryset: QuerySet[Actor],
                           search_term: str) -> tuple[QuerySet[Actor], bool]:
        event = whole_number(request.GET.get("event", ""), "event")
        if event is not None:  # the quote form's autocomplete: only that event's actors
            queryset = queryset.filter(event_id=event)
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request: HttpRequest, obj: Actor, form: Any, change: bool) -> None:
        if change:
            actor_corrections.actor_edit(actor=obj, user=request.user, name=obj.name, kind=obj.kind, title=obj.title)
        else:
            super().save_model(request, obj, form, change)
            actor_corrections.record_create(actor=obj, user=request.user)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not ActorAlias:
            super().save_formset(request, form, formset, change)
            return
        rows = formset.save(commit=False)
        for gone in formset.deleted_objects:
            actor_corrections.alias_remove(alias=gone, user=request.user)
        for row in rows:
            if row.pk:
                actor_corrections.alias_remove(alias=ActorAlias.objects.get(pk=row.pk), user=request.user)
            actor_corrections.alias_add(actor=form.instance, alias=row.alias, user=request.user)

    @admin.action(description="Merge the selected actors into one…", permissions=["change"])
    def merge_actors(self, request: HttpRequest, queryset: QuerySet[Actor]) -> TemplateResponse | None:
        actors = list(queryset.select_related("event"))
        if len(actors) < 2 or len({a.event_id for a in actors}) > 1:
            self.message_user(request, "Select two or more actors of the same event.", messages.ERROR)
            return None
        into = request.POST.get("merge_into", "")
        target = next((a for a in actors if str(a.pk) == into), None)
        if target is None:
            return TemplateResponse(request, "admin/articles/actor/merge.html", {
                **self.admin_site.each_context(request), "opts": self.model._meta, "actors": actors,
                "title": "Merge actors", "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            })
        note = request.POST.get("note", "")
        for source in actors:
            if source.pk != target.pk:
                actor_corrections.actors_merge(source=source, target=target, user=request.user, note=note)
        self.message_user(request, f"Merged {len(actors) - 1} actor(s) into {target.name}. "
                                   "Revert it from the actor changes if it was a mistake.", messages.SUCCESS)
        return None


# --- the audit trail -------------------------------------------------------------------


class NoteActionForm(helpers.ActionForm):
    note = forms.CharField(required=False, label="Note")


class AuditAdmin(admin.ModelAdmin):
    """Read-only: history is written by the services, never edited by hand."""

    action_form = NoteActionForm
    actions = ["revert"]
    list_filter = ["action", "editor"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_revert_permission(self, request: HttpRequest) -> bool:
        return editing.can_correct(request.user)

    @admin.display(description="before")
    def was(self, obj: Any) -> str:
        return _summary(obj.before, obj.after)

    @admin.display(description="after")
    def became(self, obj: Any) -> str:
        return _summary(obj.after, obj.before)

    def revert_one(self, request: HttpRequest, obj: Any, note: str) -> None:
        raise NotImplementedError

    @admin.action(description="Revert the selected changes", permissions=["revert"])
    def revert(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        note = request.POST.get("note", "")
        done = 0
        for row in queryset.order_by("-created_at", "-pk"):  # newest first, like an undo
            try:
                self.revert_one(request, row, note)
                done += 1
            except editing.CorrectionError as exc:
                self.message_user(request, f"Not reverted ({row}): {exc}", messages.ERROR)
        if done:
            self.message_user(request, f"Reverted {done} change(s); each revert is in the trail.", messages.SUCCESS)


@admin.register(AttributionCorrection)
class AttributionCorrectionAdmin(AuditAdmin):
    list_display = ["created_at", "editor", "action", "quote", "was", "became", "note"]
    list_select_related = ["editor", "quote"]
    search_fields = ["note", "quote__text"]
    readonly_fields = ["quote", "article", "editor", "created_at", "action", "reverts", "before", "after", "note"]

    def revert_one(self, request: HttpRequest, obj: AttributionCorrection, note: str) -> None:
        corrections.correction_revert(correction=obj, user=request.user, note=note)


@admin.register(ActorCorrection)
class ActorCorrectionAdmin(AuditAdmin):
    list_display = ["created_at", "editor", "action", "actor", "was", "became", "note"]
    list_select_related = ["editor", "actor"]
    search_fields = ["note", "actor__name"]
    readonly_fields = ["event", "actor", "actor_ids", "editor", "created_at", "action", "reverts", "before",
                       "after", "note"]

    def revert_one(self, request: HttpRequest, obj: ActorCorrection, note: str) -> None:
        actor_corrections.actor_correction_revert(correction=obj, user=request.user, note=note)
