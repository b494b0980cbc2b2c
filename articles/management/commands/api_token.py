"""api_token USERNAME: issue a token for scripted uploads through /api/ (shown once)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user (printed once; only its hash is kept), or --revoke PREFIX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for")
        parser.add_argument("--revoke", metavar="PREFIX", help="revoke the user's tokens starting with PREFIX")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called {options['username']!r}.")
        if options["revoke"]:
            count = ApiToken.revoke(user, prefix=options["revoke"])
            self.stdout.write(f"{count} token(s) revoked")
            return
        _, raw = ApiToken.issue(user, name=options["name"])
        self.stdout.write(raw)
