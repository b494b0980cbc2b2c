"""Quote.source_type (filled from the speaker); a claim may be a member of several story
points (StoryPoint.members replaces Claim.story_point); StoryPoint.possibly_in; the
complement of a point's reports is no longer stored (StoryPoint.missing_from)."""

from django.db import migrations, models


def fill_source_types(apps, schema_editor):
    Quote = apps.get_model("articles", "Quote")
    Quote.objects.filter(speaker__isnull=False).update(source_type="actor")


def copy_memberships(apps, schema_editor):
    Claim = apps.get_model("articles", "Claim")
    Member = apps.get_model("articles", "StoryPoint").members.through
    rows = Claim.objects.filter(story_point__isnull=False).values_list("pk", "story_point_id").iterator()
    batch = []
    for claim_id, point_id in rows:
        batch.append(Member(claim_id=claim_id, storypoint_id=point_id))
        if len(batch) == 5000:
            Member.objects.bulk_create(batch)
            batch = []
    Member.objects.bulk_create(batch)


def copy_memberships_back(apps, schema_editor):
    Claim = apps.get_model("articles", "Claim")
    Member = apps.get_model("articles", "StoryPoint").members.through
    for claim_id, point_id in Member.objects.values_list("claim_id", "storypoint_id").iterator():
        Claim.objects.filter(pk=claim_id).update(story_point_id=point_id)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0005_claim_embedding"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="source_type",
            field=models.CharField(
                choices=[("actor", "actor"), ("anonymous", "anonymous"), ("group", "group"),
                         ("document", "document"), ("media", "media"), ("unknown", "unknown")],
                default="unknown", max_length=10),
        ),
        migrations.AddField(
            model_name="quote",
            name="source_phrase",
            field=models.CharField(blank=True, help_text="An unnamed source as written (\u201cadministration officials\u201d).",
                                   max_length=300),
        ),
        migrations.RunPython(fill_source_types, migrations.RunPython.noop),
        migrations.AddField(
            model_name="storypoint",
            name="members",
            field=models.ManyToManyField(blank=True, related_name="story_points", to="articles.claim"),
        ),
        migrations.RunPython(copy_memberships, copy_memberships_back),
        migrations.RemoveField(model_name="claim", name="story_point"),
        migrations.AddField(
            model_name="storypoint",
            name="possibly_in",
            field=models.JSONField(default=list),
        ),
        migrations.RemoveField(model_name="storypoint", name="missing_from"),
    ]
