"""The upload page and the API are two doors to one service (services.uploads): the
same uploads are accepted and refused, under the same limits, and the same rule says
whose uploads one may read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import ApiToken, Upload

pytestmark = pytest.mark.django_db

EVENT = "Parity event"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _page(client: Client, user: User, data: dict[str, Any]) -> tuple[int, str]:
    client.force_login(user)
    data = {("documents" if k == "files" else k): v for k, v in data.items()}
    response = client.post("/upload/", {"event_name": EVENT, **data})
    return response.status_code, response.content.decode()


def _api(client: Client, user: User, data: dict[str, Any]) -> tuple[int, str]:
    token = ApiToken.issue(user, name="parity")[1]
    response = client.post("/api/uploads", {"event_name": EVENT, **data}, HTTP_AUTHORIZATION=f"Bearer {token}")
    return response.status_code, response.content.decode()


DOORS: dict[str, Callable[[Client, User, dict[str, Any]], tuple[int, str]]] = {"page": _page, "api": _api}


@pytest.fixture(params=sorted(DOORS))
def door(request: pytest.FixtureRequest) -> Callable[[Client, User, dict[str, Any]], tuple[int, str]]:
    return DOORS[request.param]


def _text(size: int) -> str:
    line = "Officials said the talks would continue next week in Geneva.\n"
    return (line * (size // len(line) + 1))[:size]


@pytest.mark.parametrize(("over", "status"), [(-1, "kept"), (0, "kept"), (1, 413)])
def test_pasted_text_has_the_per_file_cap_through_both_doors(
    door: Callable[..., tuple[int, str]], client: Client, uploader: User, settings: Any, over: int, status: Any
) -> None:
    settings.NEWSFRAME_MAX_UPLOAD_BYTES = cap = 4_000
    code, body = door(client, uploader, {"text": _text(cap + over)})
    if status == 413:
        assert code == 413 and "MB limit" in body
        assert not Upload.objects.exists()
    else:
        assert code < 500 and Upload.objects.count() == 1
        assert Upload.objects.get().size == cap + over


@pytest.mark.parametrize(("over", "stored"), [(0, True), (1, False)])
def test_a_file_has_the_same_cap_through_both_doors(
    door: Callable[..., tuple[int, str]], client: Client, uploader: User, settings: Any, over: int, stored: bool
) -> None:
    settings.NEWSFRAME_MAX_UPLOAD_BYTES = cap = 4_000
    file = SimpleUploadedFile("dump.txt", _text(cap + over).encode())
    code, _ = door(client, uploader, {"files": [file]})
    assert (code == 413) == (not stored)
    assert Upload.objects.exists() == stored


def test_an_unreadable_file_is_kept_and_explained_through_both_doors(
    door: Callable[..., tuple[int, str]], client: Client, uploader: User
) -> None:
    file = SimpleUploadedFile("photo.png", PNG)
    code, _ = door(client, uploader, {"files": [file]})
    assert code in (400, 422)
    upload = Upload.objects.get()
    assert upload.status == Upload.Status.FAILED and bytes(upload.raw) == PNG
    assert upload.error and upload.hint


def _editor(name: str) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", "a-long-enough-password", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Editors")
    user.groups.add(group)
    return user


def test_an_editor_reads_no_one_elses_upload_through_either_door(client: Client, uploader: User) -> None:
    theirs = Upload.objects.create(batch="00000000-0000-0000-0000-000000000002", original_name="x.txt",
                                   raw=b"x", size=1, sha256="0" * 64, uploader=uploader)
    editor = _editor("eddie")
    token = ApiToken.issue(editor, name="parity")[1]
    assert client.get(f"/api/uploads/{theirs.pk}", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 404
    client.force_login(editor)
    assert client.get(f"/upload/{theirs.batch}/review/").status_code == 403
    assert client.get(f"/upload/{theirs.pk}/raw/").status_code == 403
    assert list(Upload.objects.visible_to(editor)) == []
    assert list(Upload.objects.visible_to(uploader)) == [theirs]
