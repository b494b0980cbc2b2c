"""Wrong passwords are throttled per account and per address (django-axes): after the
limit, even the right password waits, and the page says why and what to do."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-long-password"


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1") -> Any:
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_paused_after_the_limit_even_for_the_right_password(client: Client, settings: Any) -> None:
    User.objects.create_user("victim", "v@example.org", PASSWORD)
    codes = [_login(client, "victim", "guess").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert codes == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]  # the last wrong one locks
    locked = _login(client, "victim", PASSWORD, address="10.0.0.2")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_is_paused_after_the_limit_across_accounts(client: Client, settings: Any) -> None:
    User.objects.create_user("someone", "s@example.org", PASSWORD)
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"user{n}", "guess", address="10.0.0.9")
    assert _login(client, "someone", PASSWORD, address="10.0.0.9").status_code == 429
    assert _login(Client(), "someone", PASSWORD, address="10.0.0.10").status_code == 302


def test_a_few_mistakes_then_the_right_password_logs_in(client: Client) -> None:
    User.objects.create_user("careless", "c@example.org", PASSWORD)
    for _ in range(2):
        _login(client, "careless", "typo")
    assert _login(client, "careless", PASSWORD).status_code == 302


def _login_behind_proxy(username: str, password: str, forwarded: str) -> Any:
    return Client().post("/accounts/login/", {"username": username, "password": password},
                         REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_a_proxy_one_clients_mistakes_lock_out_that_client_only(settings: Any) -> None:
    """Every request comes from the proxy's address; without NEWSFRAME_PROXIES five wrong
    passwords from anyone would lock every user out."""
    settings.NEWSFRAME_PROXIES = 1
    User.objects.create_user("someone", "s@example.org", PASSWORD)
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login_behind_proxy(f"user{n}", "guess", "203.0.113.7")
    assert _login_behind_proxy("someone", PASSWORD, "198.51.100.2").status_code == 302
    assert _login_behind_proxy("someone", PASSWORD, "203.0.113.7").status_code == 429
    # what the client wrote into the header itself comes before what the proxy appended
    assert _login_behind_proxy("someone", PASSWORD, "198.51.100.2, 203.0.113.7").status_code == 429
