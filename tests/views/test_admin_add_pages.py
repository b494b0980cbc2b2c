"""The admin's "Add" pages a superuser is offered must open: an upload's add page raised
NoReverseMatch (a 500) on its download link, which has no upload to point to yet."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of_boss(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    return client


def test_every_add_page_the_admin_links_to_opens(client_of_boss: Client) -> None:
    client = client_of_boss
    index = client.get(reverse("admin:index")).content.decode()
    adds = sorted(set(re.findall(r'href="(/admin/articles/\w+/add/)"', index)))
    assert adds, "the index links to some add pages"
    assert {url: client.get(url).status_code for url in adds} == dict.fromkeys(adds, 200)


def test_uploads_are_not_added_in_the_admin(client_of_boss: Client) -> None:
    """An upload is bytes received from the upload page or the API; the admin's form has
    nothing to fill in (every field is the upload's own and read-only)."""
    assert client_of_boss.get(reverse("admin:articles_upload_add")).status_code == 403
