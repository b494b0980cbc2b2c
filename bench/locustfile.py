"""Locust users for newsframe: readers of the public pages, and logged-in uploaders.

Run by bench/loadrun.py as a subprocess (never imported into Django). What to fetch comes
from the JSON file named by NEWSFRAME_LOAD_TARGETS:

    {"pages": {"event page": {"paths": ["/events/x/"], "weight": 3}, ...},
     "accounts": [["user", "password"], ...], "upload_event": "Load test uploads"}

Each uploader logs in with its own account (one per uploader: the per-user limit of
uploads per hour is not what this measures), then loops: the upload form, a POST of a
small text dump with the form's CSRF token, the review page it redirects to.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

from bench.loadrun import TARGETS_ENV, upload_text

TARGETS = json.loads(Path(os.environ[TARGETS_ENV]).read_text()) if os.environ.get(TARGETS_ENV) else {}
PAGES: dict[str, dict] = TARGETS.get("pages", {})
ACCOUNTS = [tuple(a) for a in TARGETS.get("accounts", [])]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_next_account = itertools.count()


class PageReader(HttpUser):
    """Reads a page, thinks for 1 to 3 s, reads another (pages drawn by their weight)."""

    weight = 4
    wait_time = between(1, 3)

    @task
    def read(self) -> None:
        name = random.choices(list(PAGES), weights=[p.get("weight", 1) for p in PAGES.values()])[0]
        self.client.get(random.choice(PAGES[name]["paths"]), name=name)


class Uploader(HttpUser):
    """Logged in with an account of its own; uploads a dump every few seconds."""

    fixed_count = len(ACCOUNTS)  # one uploader per account the run was given
    wait_time = between(2, 4)

    def on_start(self) -> None:
        self.username, password = ACCOUNTS[next(_next_account)]
        self.sent = 0
        token = self._form_token("/accounts/login/", "login form")
        with self.client.post("/accounts/login/", name="login", allow_redirects=False, catch_response=True,
                              data={"username": self.username, "password": password,
                                    "csrfmiddlewaretoken": token}) as response:
            if response.status_code != 302:
                response.failure(f"login refused: HTTP {response.status_code}")

    def _form_token(self, path: str, name: str) -> str:
        response = self.client.get(path, name=name)
        found = CSRF_FIELD.search(response.text)
        return found.group(1) if found else ""

    @task
    def upload(self) -> None:
        token = self._form_token("/upload/", "upload form")
        self.sent += 1
        filename = f"{self.username}-{self.sent:04d}.txt"
        with self.client.post(
            "/upload/", name="upload POST", allow_redirects=False, catch_response=True,
            data={"csrfmiddlewaretoken": token, "event_name": TARGETS.get("upload_event", "Load test uploads")},
            files={"documents": (filename, upload_text(filename).encode(), "text/plain")},
        ) as response:
            review = response.headers.get("Location", "")
            if response.status_code == 429:  # counted apart from other failures in locust's table
                response.failure("rate limited (429)")
                return
            if response.status_code != 302 or "/review/" not in review:
                response.failure(f"not stored for review: HTTP {response.status_code}")
                return
        self.client.get(review, name="upload review")
