"""Who a workflow acts for, and what an editor's change can fail with. Shared by the
quote and actor corrections (and the uploads), so neither imports the other."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser

User = AuthUser | AnonymousUser | None


def account(user: User) -> AuthUser | None:
    """The user to record as creator or editor; None for anonymous visitors and commands."""
    return user if isinstance(user, AuthUser) and user.is_authenticated else None


def can_correct(user: User) -> bool:
    """Editors (the "Editors" group) and superusers; checked on every write."""
    return bool(user is not None and user.is_active and user.has_perm("articles.change_quote"))


class CorrectionError(ValueError):
    """The correction cannot be made as asked (bad span, actor of another event…)."""


class Gone(CorrectionError):
    """What the editor corrects no longer exists: a new analysis replaced it."""


class Conflict(CorrectionError):
    """Someone changed the quote since the editor's form was rendered."""

    def __init__(self, message: str, current: dict[str, Any]) -> None:
        super().__init__(message)
        self.current = current
