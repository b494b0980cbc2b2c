"""ensure_admin: create a local admin account once, and print its password once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from articles.services.accounts import local_admin_ensure


class Command(BaseCommand):
    help = "Create the local 'admin' superuser if there is no superuser yet; prints the password once."

    def handle(self, *args: Any, **options: Any) -> None:
        password = local_admin_ensure()
        if password is None:
            return
        self.stdout.write(self.style.SUCCESS(
            f"Created the local admin account: user 'admin', password '{password}' (shown only this once)."))
