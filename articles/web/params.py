"""Query parameters read one way: a value we cannot read is a 400 that says which and
why (django.core.exceptions.BadRequest, rendered by web.middleware.bad_request)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import BadRequest

MAX_DIGITS = 18  # an id or a position; a longer number cannot be one and would overflow bigint


def whole_number(value: str, name: str) -> int | None:
    """'' -> None; plain ASCII digits -> the number; anything else ("²", "1e3", "-1") -> 400."""
    value = value.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS):
        raise BadRequest(f"{name} must be a whole number such as 3, not {value[:40]!r}.")
    return int(value)


def whole_numbers(values: Iterable[str], name: str) -> list[int]:
    """`?name=1,4,7` or `?name=1&name=4`, sorted and without duplicates."""
    found = {whole_number(p, name) for value in values for p in value.split(",")}
    return sorted(n for n in found if n is not None)


def no_nul(pairs: Iterable[tuple[str, list[str]]]) -> str | None:
    """The name of the first parameter holding a NUL character (PostgreSQL text cannot), else None."""
    for key, values in pairs:
        if "\x00" in key or any("\x00" in v for v in values):
            return key.replace("\x00", "\\x00")[:40]
    return None
