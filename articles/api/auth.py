"""Token authentication for the API's write side: `Authorization: Bearer <token>`.
Tokens are issued by `manage.py api_token USERNAME`; only their hash is stored."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from articles.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if not token or len(token) > 200:
            return None
        found = ApiToken.authenticate(token)
        if found is not None:
            # The services take the acting user, as the browser path passes request.user.
            request.user = found.user
        return found
