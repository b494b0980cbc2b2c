"""Accounts the app creates itself: the local admin of the embedded default."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model


def local_admin_ensure() -> str | None:
    """Create the superuser `admin` when there is no superuser yet; its password
    (to show once), or None when a superuser exists."""
    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser("admin", "admin@localhost", password)
    return password
