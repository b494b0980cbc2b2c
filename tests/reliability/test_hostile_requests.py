"""Every hostile request of hostile_requests.py, over HTTP to a live server on PostgreSQL
(the real middleware, CSRF, sessions, axes and the API): each gets its answer, never a 500,
and nothing is stored, changed, lost or duplicated beyond what the table says."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import lxml.html
import pytest
import requests
from django.contrib.auth.models import User
from django.db.models import Count
from django.test import Client

from articles.models import ApiToken, Article, Event, Upload
from articles.services.uploads import IncomingFile, upload_receive
from tests.reliability.hostile_requests import FORMULAS, HOSTILE, PASSWORD, Hostile, Send
from tests.views.test_confirm_concurrency import _confirm, _received
from tests.views.test_upload_parity import PNG, _editor
from tests.views.test_upload_states import ZIP_WITHOUT_ARTICLES

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class World:
    base: str
    names: dict[str, str]  # what the table's {braces} stand for
    cookies: dict[str, dict[str, str]]  # a browser's cookies by username ("" anonymous)
    tokens: dict[str, str]  # an API token by username


def _own(user: User, name: str, data: bytes) -> Upload:
    batch = upload_receive(files=[IncomingFile(name, data)], event_name="Own", event=None, user=user)
    return Upload.objects.get(batch=batch)


def _formula_event(user: User) -> Event:
    body = "The harbour board met on Monday about quay {}. It agreed to repair it, a spokesman said."
    dump = json.dumps([{"title": title, "outlet": "Harbour Gazette", "body": body.format(i)}
                       for i, title in enumerate(FORMULAS)]).encode()
    event: Event = _confirm([_own(user, "formulas.json", dump)], "Formulas", user).event
    return event


def _users() -> dict[str, User]:
    users = {name: User.objects.create_user(name) for name in ("reporter", "user-a", "user-b", "user-c", "user-d")}
    User.objects.create_user("victim", "victim@example.org", PASSWORD)
    return users | {"editor": _editor("editor"),
                    "admin": User.objects.create_superuser("admin", "admin@example.org", "a-long-admin-password")}


def _names(users: dict[str, User]) -> dict[str, str]:
    """What the table's {braces} stand for, made through the services."""
    reporter = users["reporter"]
    confirmed = _received("own", 1, reporter)[0]
    _confirm([confirmed], "Confirmed", reporter)
    names = {"event": Event.objects.create(name="Parameters", slug="parameters").slug,
             "csv": _formula_event(reporter).slug, "png": str(_own(reporter, "photo.png", PNG).pk),
             "zip": str(_own(reporter, "a.zip", ZIP_WITHOUT_ARTICLES).pk),
             "confirmed": str(confirmed.pk), "confirmed_batch": str(confirmed.batch)}
    waiting = {"double": ("reporter", 3), "a": ("user-a", 5), "b": ("user-b", 5), "c": ("user-c", 5),
               "d": ("user-d", 5), "p": ("user-a", 2), "q": ("user-b", 2)}  # review pages: whose, how many articles
    return names | {tag: str(_received(tag, n, users[who])[0].batch) for tag, (who, n) in waiting.items()}


def _browser(base: str, user: User | None) -> dict[str, str]:
    """The cookies of a browser that has opened the login page (its CSRF cookie), logged in as `user`."""
    with requests.Session() as session:
        if user is not None:
            client = Client()
            client.force_login(user)
            session.cookies.set("sessionid", client.cookies["sessionid"].value)
        session.get(f"{base}/accounts/login/").raise_for_status()
        return {name: value or "" for name, value in session.cookies.get_dict().items()}


@pytest.fixture
def world(live_server: Any) -> World:
    users = _users()
    base = live_server.url
    return World(base=base, names=_names(users),
                 cookies={"": _browser(base, None)} | {name: _browser(base, user) for name, user in users.items()},
                 tokens={name: ApiToken.issue(users[name], name="hostile")[1] for name in ("reporter", "editor")})


def _prepare(world: World, send: Send) -> tuple[requests.Session, requests.PreparedRequest]:
    """The request as a browser (or a script with a token) would send it, ready to go."""
    session = requests.Session()
    url = world.base + send.path.format(**world.names)
    fields = {k: v.format(**world.names) for k, v in send.fields.items()}
    headers = {}
    if send.who.startswith("token:"):
        headers["Authorization"] = f"Bearer {world.tokens[send.who.removeprefix('token:')]}"
    else:
        session.cookies.update(world.cookies[send.who])
        headers["X-CSRFToken"] = world.cookies[send.who]["csrftoken"]
    if send.form:
        page = session.get(url)
        forms = [f for f in lxml.html.fromstring(page.content).forms if f.method == "POST" and not f.action]
        assert len(forms) == 1, f"{send.who or 'anonymous'} found no form to send at {url} ({page.status_code})"
        [form] = forms
        fields = dict(form.form_values()) | fields
    files: dict[str, Any] | None = dict(send.files) or None
    if url.startswith(f"{world.base}/api/") and send.method == "POST":  # the API takes multipart forms
        files, fields = {**{k: (None, v) for k, v in fields.items()}, **(files or {})}, {}
    request = requests.Request(send.method, url, data=fields or None, files=files, headers=headers)
    return session, session.prepare_request(request)


def _fire(prepared: list[tuple[requests.Session, requests.PreparedRequest]]) -> list[requests.Response]:
    """Each request from its own connection, closed after the answer (the server thread then
    closes its database connection); more than one: released at the same moment."""
    barrier = threading.Barrier(len(prepared))
    answers: list[Any] = [None] * len(prepared)

    def one(i: int) -> None:
        session, request = prepared[i]
        with session:
            barrier.wait()
            answers[i] = session.send(request, timeout=300)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(prepared))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    return answers


def _state() -> dict[str, list[Any]]:
    return {"uploads": list(Upload.objects.order_by("pk").values_list("pk", "status", "event_id", "draft", "error")),
            "articles": list(Article.objects.order_by("pk").values_list("pk", "event_id", "position", "title")),
            "events": list(Event.objects.order_by("pk").values_list("pk", "name", "slug"))}


def _answer_problems(case: Hostile, answer: requests.Response | None) -> list[str]:
    if answer is None:
        return ["no answer"]
    first = answer.history[0] if answer.history else answer
    problems = [f"{r.status_code} from {r.url}" for r in [*answer.history, answer] if r.status_code >= 500]
    if first.status_code != case.status:
        problems.append(f"answered {first.status_code}, not {case.status}")
    kind = answer.headers.get("Content-Type", "")
    if urlparse(answer.url).path.startswith("/api/") and not kind.startswith("application/json"):
        problems.append(f"the API answered {kind}, not JSON")
    problems += [f"does not say {s!r}" for s in case.says if s not in answer.text]
    problems += [f"says {s!r}" for s in case.lacks if s in answer.text]
    return problems


def _state_problems(case: Hostile, before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    if not case.adds:
        return [f"{table} changed" for table in before if before[table] != after[table]]
    problems = [f"{len(after[t]) - len(before[t])} {t} added, not {case.adds.get(t, 0)}"
                for t in before if len(after[t]) - len(before[t]) != case.adds.get(t, 0)]
    for event in Event.objects.annotate(n=Count("articles")):
        positions = sorted(event.articles.values_list("position", flat=True))
        if positions != list(range(event.n)):
            problems.append(f"event {event.name!r}: positions {positions}")
    return problems


def test_every_hostile_request_gets_its_answer_and_changes_only_what_it_should(world: World) -> None:
    problems: list[str] = []
    outcomes: Counter[int] = Counter()
    started = time.monotonic()
    for case in HOSTILE:
        for send in case.before:
            if (early := _fire([_prepare(world, send)])[0]).status_code >= 500:
                problems.append(f"{case.input}: {early.status_code} before the hostile request")
        state = _state()
        answers = _fire([_prepare(world, send) for send in case.send])
        outcomes.update((a.history[0] if a.history else a).status_code for a in answers if a is not None)
        problems += [f"{case.input}: {p}" for a in answers for p in _answer_problems(case, a)]
        problems += [f"{case.input}: {p}" for p in _state_problems(case, state, _state())]
    print(f"\nhostile requests: {len(HOSTILE)} inputs, {sum(outcomes.values())} requests in "
          f"{time.monotonic() - started:.1f} s; first answers {dict(sorted(outcomes.items()))}")
    assert not problems, "\n".join(problems)


def test_each_hostile_input_is_named_once() -> None:
    assert len({case.input for case in HOSTILE}) == len(HOSTILE)
