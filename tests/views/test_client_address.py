"""The client's address behind NEWSFRAME_PROXIES reverse proxies (articles/web/client_address.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from articles.web.client_address import client_address


@pytest.mark.parametrize(("proxies", "forwarded", "expected"), [
    (0, "203.0.113.7", "10.0.0.1"),  # no proxy counted: the header is anyone's to write
    (1, "203.0.113.7", "203.0.113.7"),
    (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client's own entry is further left
    (2, "6.6.6.6, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
    (2, "203.0.113.7", "10.0.0.1"),  # came past fewer proxies than counted: only the connection is known
    (1, "", "10.0.0.1"),
    (1, "not-an-address", "10.0.0.1"),
    (1, "2001:db8::1", "2001:db8::1"),
])
def test_the_client_is_the_address_the_outermost_proxy_saw(proxies: int, forwarded: str, expected: str,
                                                           settings: Any) -> None:
    settings.NEWSFRAME_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
