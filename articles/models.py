"""newsframe's tables, with the QuerySet methods that belong to one table.

Writes happen in articles.services (workflows) and here (a QuerySet or model method about
one table, such as `Job.objects.claim()`); tests/test_layout.py holds everyone else to it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.contract import SOURCE_TYPES, choices


def fitted(model: type[models.Model], field: str, value: str) -> str:
    """`value` cut to the column's max_length, so the cut lives with the column."""
    column = model._meta.get_field(field)
    max_length = column.max_length if isinstance(column, models.Field) else None
    return value[:max_length] if max_length else value


class Event(models.Model):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)  # services.uploads.event_slug
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # Bumped by every write that changes the event's pages (services/page_versions.py);
    # the event page is cached under it.
    content_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("event", args=[self.slug])


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class JSONArrayLength(models.Func):
    """The length of a JSON list column (Upload.draft): counted by the database, not loaded."""

    function = "jsonb_array_length"
    output_field = models.IntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(compiler, connection, function="json_array_length", **extra)


class UploadQuerySet(models.QuerySet["Upload"]):
    def visible_to(self, user: object) -> UploadQuerySet:
        """The uploads `user` may read: their own, or all of them with the view_upload
        permission (staff who manage uploads; editors are staff too but do not get it).
        The one rule for pages and the API alike."""
        if getattr(user, "is_authenticated", False) and user.has_perm("articles.view_upload"):  # type: ignore[attr-defined]
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(uploader_id=user.pk)  # type: ignore[attr-defined]


class Upload(models.Model):
    """One upload exactly as received. Kept whatever happens to its parsing."""

    class Status(models.TextChoices):
        RECEIVED = "received", "being read"
        PARSED = "parsed", "waiting for review"
        CONFIRMING = "confirming", "creating articles"
        CONFIRMED = "confirmed", "confirmed"
        FAILED = "failed", "could not be read"

    batch = models.UUIDField(db_index=True, help_text="Files sent together are reviewed together.")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL)
    event_name = models.CharField(max_length=300, blank=True)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120, blank=True)
    raw = models.BinaryField()
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    error = models.TextField(blank=True)
    hint = models.TextField(blank=True)
    notes = models.JSONField(default=list, blank=True)
    draft = models.JSONField(default=list, blank=True)
    parser_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Reading (splitting into articles) runs on a worker: these are its delivery counter,
    # the sweep's clock (also for creating the articles of a confirmed review, on a
    # worker too), and the API's `?confirm=1` carried over to when reading ends.
    read_attempts = models.PositiveSmallIntegerField(default=0)
    read_queued_at = models.DateTimeField(null=True, blank=True)
    confirm_when_read = models.BooleanField(default=False)

    objects = UploadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"


def text_deferred(rows: models.QuerySet[Any], via: str = "article") -> models.QuerySet[Any]:
    """`rows` without the text of the article they are `via` ("" for articles themselves)."""
    return rows.defer(*(f"{via}__{f}" if via else f for f in Article.TEXT_FIELDS))


class Article(models.Model):
    # Up to megabytes an article: lists that show no text defer them (`text_deferred`).
    TEXT_FIELDS = ("body", "headings")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="articles")
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL)
    upload = models.ForeignKey(Upload, null=True, blank=True, on_delete=models.SET_NULL)
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    body = models.TextField()
    headings = models.JSONField(default=list, blank=True)
    content_hash = models.CharField(max_length=64)
    word_count = models.PositiveIntegerField(default=0)
    analysis_version = models.CharField(max_length=40, blank=True)
    analyzed_at = models.DateTimeField(null=True, blank=True)
    # How many characters of a body longer than NEWSFRAME_MAX_ARTICLE_CHARS the analysis
    # read (the setting when it ran, or the imported file's); null: it read the whole body.
    analysed_chars = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["event", "position"]
        constraints = [
            models.UniqueConstraint(fields=["event", "content_hash"], name="article_unique_text_per_event"),
            models.UniqueConstraint(fields=["event", "position"], name="article_unique_position"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.event.slug, self.position])

    @property
    def outlet_name(self) -> str:
        return self.outlet.name if self.outlet else ""


# A failed job keeps the head of its error: enough for the page and the admin.
ERROR_CHARS = 2000


class JobQuerySet(models.QuerySet["Job"]):
    def claim(self, *, worker: str, abandoned: models.Q) -> Job | None:
        """Mark the one job of this queryset running in `worker` and count the delivery, if it
        is queued, or running but `abandoned` (its worker is gone: a redelivery); None when it
        is finished or another worker is on it. A conditional update, so two never both claim it."""
        now = timezone.now()
        claimable = models.Q(status=Job.Status.QUEUED) | models.Q(abandoned, status=Job.Status.RUNNING)
        claimed = self.filter(claimable).update(
            status=Job.Status.RUNNING, attempts=models.F("attempts") + 1, started_at=now,
            worker=worker, heartbeat_at=now,
        )
        return self.get() if claimed else None


class Job(models.Model):
    """The state of one unit of background work; pages read these rows for progress."""

    class Kind(models.TextChoices):
        ANALYZE = "analyze", "analyse article"
        ALIGN = "align", "align event"

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="jobs")
    article = models.OneToOneField(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="job"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Who runs it ("host:pid" of the worker process) and when that process last said it is
    # alive (services.jobs.working_on): the sweep and the claim tell a dead worker from a slow one.
    worker = models.CharField(max_length=200, blank=True, default="")
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(kind="align"),
                name="job_one_alignment_per_event",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "kind", "status"]),
            # What the sweep reads every half minute: the unfinished jobs only.
            models.Index(fields=["status", "heartbeat_at"], name="job_unfinished",
                         condition=models.Q(status__in=["queued", "running"])),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.article_id or self.event_id}: {self.status}"

    def finish(self, *, failed: str = "") -> bool:
        """Done, or failed with the reason the page shows, if this worker still holds the job.
        A job queued again while it ran (a new article for the alignment, an editor's "analyse
        again") stays queued for the task sent with it: the work done here read older rows."""
        fields = {"status": Job.Status.FAILED if failed else Job.Status.DONE,
                  "error": failed[:ERROR_CHARS], "finished_at": timezone.now()}
        ours = Job.objects.filter(pk=self.pk, status=Job.Status.RUNNING, worker=self.worker).update(**fields)
        if ours:
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(ours)

    def fail(self, error: str) -> bool:
        """Failed with `error` (the task gave up on it), if this worker still holds the job: like
        finish(), a job queued again meanwhile stays queued for the task sent with it."""
        return self.finish(failed=error)


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "person"
        COUNTRY = "country", "country"
        ORGANIZATION = "organization", "organisation"
        DOCUMENT = "document", "document"
        GROUP = "group", "group"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="actors")
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    title = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="actor_unique_name_per_event")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actor", args=[self.event.slug, self.pk])

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        return "".join(w[0].upper() for w in words[:2]) or "?"


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "alias"], name="alias_unique_per_actor")
        ]

    def __str__(self) -> str:
        return self.alias


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "direct"
        INDIRECT = "indirect", "indirect"
        MIXED = "mixed", "mixed"

    class Attribution(models.TextChoices):
        MACHINE = "machine", "machine"
        HUMAN = "human", "human"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    cue = models.CharField(max_length=120, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    speaker_mention = models.CharField(max_length=300, blank=True)
    mention_start = models.PositiveIntegerField(null=True, blank=True)
    mention_end = models.PositiveIntegerField(null=True, blank=True)
    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    # What kind of source the speaker is; an unnamed source (anonymous, group, document,
    # media) keeps the phrase as written in speaker_mention and has no actor.
    source_type = models.CharField(max_length=10, choices=choices(SOURCE_TYPES), default="unknown")
    source_phrase = models.CharField(max_length=300, blank=True,
                                     help_text="An unnamed source as written (\u201cadministration officials\u201d).")
    confidence = models.FloatField(default=0.0)
    attribution = models.CharField(
        max_length=10, choices=Attribution.choices, default=Attribution.MACHINE
    )
    is_quote = models.BooleanField(default=True, help_text="False when an editor marked it 'not a quote'.")
    orphaned = models.BooleanField(default=False, help_text="Its text vanished in a re-analysis.")
    revision = models.PositiveIntegerField(default=0, help_text="Bumped on every edit; guards stale forms.")
    analysis_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["article", "start"]), models.Index(fields=["confidence"])]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def shown(self) -> bool:
        """Shown and counted as one of its article's quotes (SHOWN_QUOTES in a query): not
        marked "not a quote", and not orphaned (an editor's quote whose words left the edited
        text: its offsets point at other words, and its words are no longer the article's)."""
        return self.is_quote and not self.orphaned

    @property
    def source_name(self) -> str | None:
        """Who the quote is from, as exported: the actor's name, or an unnamed source's
        phrase; None when the text names no source."""
        if self.speaker_id is not None:
            return self.speaker.name  # type: ignore[union-attr]
        return self.source_phrase or None


SHOWN_QUOTES = models.Q(is_quote=True, orphaned=False)  # Quote.shown


class StoryPoint(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="story_points")
    label = models.TextField()
    order = models.FloatField(default=0.0)
    # Positions of the articles that report it; `possibly_in` holds the closest sentence of
    # each article that may ({"article": position, "claim", "text", "start", "end", "score"}).
    # Every other article of the event was checked and does not: that complement is not
    # stored, so a point's row grows with its reports, not with the event.
    article_positions = models.JSONField(default=list)
    possibly_in = models.JSONField(default=list)
    members: models.ManyToManyField[Claim, Any] = models.ManyToManyField(
        "Claim", related_name="story_points", blank=True)

    class Meta:
        ordering = ["event", "order"]

    def __str__(self) -> str:
        return self.label[:80]

    def missing_positions(self, analysed: list[int]) -> list[int]:
        """The event's articles checked and found not to report this point, of `analysed`
        (the positions of its articles with an analysis: one with none was never read, and
        leaves nothing out)."""
        reported = set(self.article_positions) | {p["article"] for p in self.possibly_in}
        return [p for p in analysed if p not in reported]


class ClaimManager(models.Manager["Claim"]):
    """Claims without their embedding unless asked for (`values_list("embedding")`):
    1.5 KB a claim that only the alignment reads, never a page."""

    def get_queryset(self) -> models.QuerySet[Claim]:
        return super().get_queryset().defer("embedding")


class Claim(models.Model):
    class Voice(models.TextChoices):
        OWN = "own", "own voice"
        ATTRIBUTED = "attributed", "attributed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    voice = models.CharField(max_length=12, choices=Voice.choices)
    hedged = models.BooleanField(default=False)
    loaded = models.BooleanField(default=False)
    quote = models.ForeignKey(Quote, null=True, blank=True, on_delete=models.SET_NULL)
    speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL)
    # The sentence embedding (compare.embed.to_bytes), computed with the article's
    # analysis so that the event's alignment, one task, only has to cluster.
    embedding = models.BinaryField(null=True, blank=True, editable=False)

    objects = ClaimManager()

    class Meta:
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["article", "start"])]

    def __str__(self) -> str:
        return self.text[:80]


class Signal(models.Model):
    class Kind(models.TextChoices):
        REPORTING_VERB = "reporting_verb", "reporting verb"
        HEDGE = "hedge", "hedge"
        SCARE_QUOTE = "scare_quote", "scare quote"
        LOADED = "loaded", "loaded word"
        LABEL = "label", "label"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="signals")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.CharField(max_length=500)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    category = models.CharField(max_length=40, blank=True)
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL)
    in_quote = models.BooleanField(default=False)
    # Labels only: the name carries the outlet's own loaded word ("the embattled congressman");
    # the page highlights these, never a plain name or office.
    evaluative = models.BooleanField(default=False)

    class Meta:
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["article", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


class AuditRecord(models.Model):
    """What every audited change keeps: who, when, before, after, a note, and the
    change it reverts (if it is a revert)."""

    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    reverts = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reverted_by"
    )
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    note = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class AttributionCorrection(AuditRecord):
    """An editor's decision about a quote: who, when, what it was, what it became."""

    class Action(models.TextChoices):
        CORRECT = "correct", "correction"
        REVERT = "revert", "revert"

    # SET_NULL, not CASCADE: the audit outlives a quote a re-analysis replaced.
    quote = models.ForeignKey(
        Quote, null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.CORRECT)

    def __str__(self) -> str:
        return f"correction of quote {self.quote_id} at {self.created_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A key for scripted uploads through the API. Only its SHA-256 is stored:
    the token itself is shown once, when it is issued."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True, help_text="What the token is for.")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="The token's first characters, to recognise it.")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user}{', revoked' if self.revoked_at else ''})"

    @staticmethod
    def digest_of(raw: str) -> str:
        import hashlib

        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, user: models.Model, *, name: str = "") -> tuple[ApiToken, str]:
        """A new token for `user`; returns the row and the token (not stored)."""
        import secrets

        raw = secrets.token_urlsafe(32)
        row = cls.objects.create(user=user, name=fitted(ApiToken, "name", name), digest=cls.digest_of(raw),
                                 prefix=raw[:8])
        return row, raw

    @classmethod
    def authenticate(cls, raw: str) -> ApiToken | None:
        """The live token matching `raw` (its user active), or None."""
        found = (
            cls.objects.select_related("user")
            .filter(digest=cls.digest_of(raw), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if found is not None:
            cls.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found

    @classmethod
    def revoke(cls, user: models.Model, *, prefix: str) -> int:
        """Revoke the user's live tokens starting with `prefix`; how many were."""
        return cls.objects.filter(user=user, prefix__startswith=prefix[:8], revoked_at__isnull=True).update(
            revoked_at=timezone.now())


class ActorCorrection(AuditRecord):
    """An editor's change to an actor: created, edited, merged, an alias added or
    removed, or one of those reverted. `before`/`after` hold what a revert needs."""

    class Action(models.TextChoices):
        CREATE = "create", "created"
        EDIT = "edit", "edited"
        MERGE = "merge", "merged"
        ALIAS_ADD = "alias_add", "alias added"
        ALIAS_REMOVE = "alias_remove", "alias removed"
        REVERT = "revert", "revert"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="actor_corrections")
    # The surviving actor (for a merge: the one merged into).
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    # Every actor id the change touched, so an actor's history survives a merge.
    actor_ids = models.JSONField(default=list)
    action = models.CharField(max_length=20, choices=Action.choices)

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.after.get('name') or self.before.get('name') or ''}".strip()
