"""The editors' and staff's admin: quotes to correct, actors, uploads, jobs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from articles.admin import corrections  # noqa: F401  (registers the editors' admin)
from articles.admin.deletion import deletion_summary
from articles.models import (
    Actor,
    ActorCorrection,
    Article,
    Claim,
    Event,
    Job,
    Outlet,
    Quote,
    Signal,
    StoryPoint,
    Upload,
)
from articles.services import analysis_store, jobs, uploads
from articles.services.page_versions import pages_changed_for


class ChangesEventPages(admin.ModelAdmin):
    """An admin whose saves and deletes change event pages: the events' stamps are bumped
    (services/page_versions.py), before the write, as every service does."""

    event_path = "event_id"  # from a row of this model to its event's id

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:  # also the event it leaves, when an edit moves it
            pages_changed_for(self.model.objects.filter(pk=obj.pk), self.event_path)
            if isinstance(obj, Event):  # the form's copy is older: saving it must not undo the bump
                obj.refresh_from_db(fields=["content_version"])
        super().save_model(request, obj, form, change)
        pages_changed_for(self.model.objects.filter(pk=obj.pk), self.event_path)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        pages_changed_for(self.model.objects.filter(pk=obj.pk), self.event_path)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        # One transaction (the list's delete action has none): the bump's lock on the events
        # holds off a running alignment until the rows are gone (services/alignment.py).
        with transaction.atomic():
            pages_changed_for(queryset, self.event_path)
            super().delete_queryset(request, queryset)


class DeletesItsAnalysis(admin.ModelAdmin):
    """Deleting an event or an article deletes what its analysis and its editors made of
    it (the models cascade). The quote, actor and audit admins refuse deleting those rows
    one by one ("not a quote", merging and revert instead), which Django's confirmation
    read as a permission missing over the cascade: nobody, superusers included, could
    delete an analysed article or event. The confirmation counts the rows that go instead
    of listing them (admin/deletion.py): a large event's list did not fit in a page."""

    CASCADED = (Quote, Actor, ActorCorrection)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        deleted, counts, perms_needed, protected = deletion_summary(self, objs, request)
        return deleted, counts, perms_needed - {str(m._meta.verbose_name) for m in self.CASCADED}, protected


@admin.register(Event)
class EventAdmin(DeletesItsAnalysis, ChangesEventPages):
    event_path = "pk"
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Outlet)
class OutletAdmin(ChangesEventPages):
    event_path = "article__event_id"
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["original_name", "status", "size", "uploader", "event", "created_at"]
    list_filter = ["status"]
    search_fields = ["original_name", "sha256"]
    readonly_fields = ["batch", "original_name", "content_type", "size", "sha256", "uploader",
                       "status", "error", "hint", "notes", "parser_version", "created_at", "raw_link"]
    exclude = ["raw", "draft"]
    actions = ["reparse"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Uploads are bytes received by the upload page or the API: here every field is
        read-only, and the form's download link had no upload to point to (a 500)."""
        return False

    @admin.display(description="raw bytes")
    def raw_link(self, obj: Upload) -> str:
        return format_html('<a href="{}">download as received</a>', reverse("upload_raw", args=[obj.pk]))

    @admin.action(description="Parse again with the current parser")
    def reparse(self, request: HttpRequest, queryset: QuerySet[Upload]) -> None:
        for upload in queryset:
            uploads.upload_reparse(upload=upload)
        self.message_user(request, f"Parsed {queryset.count()} upload(s) again; review them from the upload page.")


def moved_headings(old_body: str, new_body: str, headings: list[int]) -> list[int]:
    """The heading paragraphs' numbers in an edited text: each heading where its words
    now are (a paragraph added above moves them), dropped when its words are gone."""
    old = old_body.split("\n\n")
    texts = {old[h].strip() for h in headings if 0 <= h < len(old)}
    return [i for i, paragraph in enumerate(new_body.split("\n\n")) if paragraph.strip() in texts]


class ArticleForm(forms.ModelForm):
    """An edited text keeps the stored line ends and must not be another article of the
    event (one text, one article)."""

    class Meta:
        model = Article
        fields = ["event", "outlet", "upload", "position", "title", "byline", "published", "url", "body", "headings"]
        help_texts = {"event": "An article stays in the event it was added to (its analysis, quotes and "
                               "speakers belong to that event): to have it in another event, upload its "
                               "text there, and delete it here if it does not belong."}

    def clean_body(self) -> str:
        """A browser sends a text box's line ends as CRLF: kept, they would shift every offset
        and make each save of the form an edit of the text."""
        body: str = self.cleaned_data["body"]
        return body.replace("\r\n", "\n")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        body, event = data.get("body"), data.get("event") or self.instance.event_id  # read-only on a change
        if "body" in self.changed_data and body and event:
            same = (Article.objects.filter(event=event, content_hash=uploads.content_hash(body))
                    .exclude(pk=self.instance.pk).only("title").first())
            if same is not None:
                self.add_error("body", f"Another article of this event has this text: “{same.title}”.")
        return data


@admin.register(Article)
class ArticleAdmin(DeletesItsAnalysis, ChangesEventPages):
    form = ArticleForm
    list_display = ["title", "event", "outlet", "position", "published", "analysis_version"]
    list_filter = ["event", "outlet", "analysis_version"]
    search_fields = ["title", "byline"]
    raw_id_fields = ["upload"]
    readonly_fields = ["content_hash", "word_count", "analysis_version", "analyzed_at"]
    actions = ["reanalyse"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        """The event of an existing article: moving it would leave its job, actors and story
        points in the old event (ArticleForm's help text says what to do instead). And its
        position: the story points, the exports' columns and the pages' addresses name the
        article by it, and another article's would fail on the (event, position) constraint."""
        fixed = super().get_readonly_fields(request, obj)
        return [*fixed, "event", "position"] if obj is not None else fixed

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """A new article is analysed; an edited title or text is analysed again: the stored
        quotes, claims and highlights point into the old text by offset (editors'
        corrections are kept, as always)."""
        before = Article.objects.filter(pk=obj.pk).values("title", "body").first() if change else None
        old_title, old_body = (before["title"], before["body"]) if before else (obj.title, obj.body)
        obj.content_hash, obj.word_count = uploads.content_hash(obj.body), len(obj.body.split())
        if old_body != obj.body:
            obj.analysis_version, obj.analyzed_at, obj.analysed_chars = "", None, None  # not analysed until it is
            if "headings" not in getattr(form, "changed_data", ()):
                obj.headings = moved_headings(old_body, obj.body, obj.headings or [])
        super().save_model(request, obj, form, change)
        if not change:  # analysed as an uploaded article is, or its page would say "No quotes found."
            jobs.queue_analyses(obj.event, [obj])
            self.message_user(request, "The article is being analysed.", messages.INFO, fail_silently=True)
        elif (old_title, old_body) != (obj.title, obj.body):
            if old_body != obj.body:
                analysis_store.clear_machine_output(obj)
            jobs.articles_requeue(articles=Article.objects.filter(pk=obj.pk))
            self.message_user(request, "The text changed: the article is being analysed again.", messages.INFO,
                              fail_silently=True)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self.delete_queryset(request, Article.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """The events' story points are aligned again without the deleted articles (their
        claims went with them); an analysis job deleted while pending would otherwise
        leave its event waiting for an alignment nobody queues."""
        events = list(Event.objects.filter(pk__in=queryset.values("event_id")))
        super().delete_queryset(request, queryset)
        for event in events:
            jobs.queue_alignment_if_complete(event)

    @admin.action(description="Analyse again (keeps editors' corrections)")
    def reanalyse(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = jobs.articles_requeue(articles=queryset)
        self.message_user(request, f"Queued {count} article(s) for analysis.", messages.SUCCESS)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["kind", "event", "article", "status", "attempts", "queued_at", "finished_at", "error"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["article"]


@admin.register(StoryPoint)
class StoryPointAdmin(ChangesEventPages):
    list_display = ["label", "event", "order"]
    list_filter = ["event"]


@admin.register(Claim)
class ClaimAdmin(ChangesEventPages):
    event_path = "article__event_id"
    list_display = ["text", "voice", "hedged", "loaded", "article"]
    list_filter = ["voice", "hedged", "loaded"]
    search_fields = ["text"]


@admin.register(Signal)
class SignalAdmin(ChangesEventPages):
    event_path = "article__event_id"
    list_display = ["kind", "text", "category", "article"]
    list_filter = ["kind", "category"]
    search_fields = ["text"]
