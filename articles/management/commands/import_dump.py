"""import_dump FILE --event NAME: add a file's articles to an event and analyse them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Upload
from articles.services.uploads import ConfirmResult, IncomingFile, drafts_of, upload_confirm, upload_receive


class Command(BaseCommand):
    help = "Import a coverage file into an event (skipping the review step) and queue its analysis."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--event", required=True, help="event name (created if new)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        result = import_file(path, options["event"])
        self.stdout.write(f"{result.event.slug}: {len(result.created)} article(s) added"
                          + (f", {len(result.duplicates)} already there" if result.duplicates else ""))


def import_file(path: Path, event_name: str) -> ConfirmResult:
    batch = upload_receive(
        files=[IncomingFile(name=path.name, data=path.read_bytes())],
        event_name=event_name, event=None, user=None, read_here=True,
    )
    uploads = list(Upload.objects.filter(batch=batch))
    failed = [u for u in uploads if u.status == Upload.Status.FAILED]
    if failed:
        raise CommandError(f"{path}: {failed[0].error} {failed[0].hint}".strip())
    return upload_confirm(uploads=uploads, drafts=drafts_of(uploads), event_name=event_name, user=None)
