"""`make run` as a person meets it: `manage.py run_embedded` (SQLite and the file broker in a
temporary var/, the web server, a real worker, beat), chromium uploads three articles
and confirms. The confirm answers while the analysis is still to come, the event page
shows the progress block and follows it to "ready"; beat runs the sweep; Ctrl-C then
stops every process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from articles.processes import stop_group
from bench.loadrun import free_port
from tests.browser_fixtures import shot
from tests.conftest import ROOT, SEED

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

# Bounds so a broken stack fails the test instead of hanging it; not speed limits.
GIVE_UP_AFTER_SECONDS = 600
EMBEDDED_LOG = ROOT / "var" / "embedded-run.log"


@dataclass
class Embedded:
    process: subprocess.Popen[bytes]
    url: str

    def log(self) -> str:
        return EMBEDDED_LOG.read_text(errors="replace")


def descendants(pid: int) -> list[int]:
    found = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        found += [int(child), *descendants(int(child))]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_until_up(stack: Embedded) -> None:
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        assert stack.process.poll() is None, f"run_embedded exited; see {EMBEDDED_LOG}:\n{stack.log()[-3000:]}"
        try:
            with urllib.request.urlopen(stack.url + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"run_embedded did not serve {stack.url}; see {EMBEDDED_LOG}")


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[Embedded]:
    """What `make run` starts, on a free port, with var/ in a temporary folder."""
    port = free_port()
    unset = {"DATABASE_URL", "CELERY_BROKER_URL", "NEWSFRAME_TASKS_IN_PROCESS", "NEWSFRAME_HTTPS"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    # DEBUG as `make run` sets it; the sweep often enough to be seen running during the test.
    env.update(NEWSFRAME_VAR_DIR=str(tmp_path / "var"), DEBUG="1", NEWSFRAME_SWEEP_EVERY_SECONDS="5")
    EMBEDDED_LOG.parent.mkdir(parents=True, exist_ok=True)
    with EMBEDDED_LOG.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_embedded", "--addr", f"127.0.0.1:{port}", "--no-seeds"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        stack = Embedded(process, f"http://127.0.0.1:{port}")
        try:
            wait_until_up(stack)
            yield stack
        finally:
            for pid in descendants(process.pid) if process.poll() is None else []:
                os.kill(pid, signal.SIGKILL)
            stop_group(process, grace=5)


def progress(page: Page) -> str:
    """"ready", or the progress line's "N of 3" while the analysis runs ("" if neither shows)."""
    status = page.locator("#event-status")
    if "ready" in (status.get_attribute("class") or "").split():
        return "ready"
    found = re.search(r"\d+ of \d+", status.inner_text())
    return found.group(0) if found else ""  # the page in the middle of reloading itself


def follow_to_ready(page: Page) -> list[str]:
    """The progress the page showed, each state once, in order, until "ready"."""
    seen: list[str] = []
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        try:
            state = progress(page)
        except PlaywrightError:  # the page reloading itself when the analysis is done
            continue
        if state and (not seen or seen[-1] != state):
            seen.append(state)
        if state == "ready":
            return seen
        time.sleep(0.25)
    pytest.fail(f"the event page never became ready; it showed {seen}")


def log_in_as_the_local_admin(page: Page, stack: Embedded) -> None:
    password = re.search(r"user 'admin', password '([^']+)'", stack.log())
    assert password, "run_embedded prints the local admin's password the first time"
    page.goto(f"{stack.url}/accounts/login/?next=/upload/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(password.group(1))
    page.get_by_role("button", name="Log in").click()


def test_make_run_confirms_at_once_and_the_page_follows_the_worker_to_ready(
        page: Page, embedded: Embedded) -> None:
    log_in_as_the_local_admin(page, embedded)
    page.set_input_files("input[type=file]", str(SEED))
    page.get_by_label("New event name").fill("Embedded stack")
    page.get_by_role("button", name="Find the articles").click()
    # The worker reads the file; the page shows "Reading your files" and reloads by itself.
    expect(page.get_by_role("heading", name="Check the articles we found")).to_be_visible(
        timeout=GIVE_UP_AFTER_SECONDS * 1000)
    expect(page.locator(".review-item")).to_have_count(3)

    started = time.monotonic()
    page.get_by_role("button", name="Confirm and analyse").click()
    # The worker creates the articles ("Creating the articles"), then the page opens the event.
    expect(page.get_by_role("heading", name="Embedded stack")).to_be_visible(timeout=GIVE_UP_AFTER_SECONDS * 1000)
    confirmed = time.monotonic() - started
    # The confirm answered before the worker had finished: the page shows the progress block.
    status = page.locator("#event-status")
    expect(status).to_have_attribute("data-poll", re.compile(r"/status"))
    expect(status).to_contain_text("Analysing:")
    expect(page.get_by_text("3 articles added; their analysis is queued.")).to_be_visible()
    shot(page, "embedded-progress")

    seen = follow_to_ready(page)
    ready = time.monotonic() - started
    print(f"\nconfirm answered in {confirmed:.2f} s; ready {ready:.1f} s after the click; the page showed {seen}")
    assert seen[0] != "ready" and seen[-1] == "ready"
    counts = [int(s.split()[0]) for s in seen if s[0].isdigit()]
    assert counts == sorted(counts), f"progress went backwards: {seen}"
    expect(page.locator("table.side-by-side thead th")).to_have_count(4)
    expect(page.locator("td.missing").first).to_contain_text("not reported")
    expect(page.locator("#event-status .errors")).to_have_count(0)
    shot(page, "embedded-ready")

    # Beat runs the sweep on the embedded worker too.
    assert re.search(r"Task articles\.tasks\.sweep_jobs\[.*\] succeeded", embedded.log()), embedded.log()[-3000:]

    # Ctrl-C: the web server, the worker, its pool and beat all stop.
    children = descendants(embedded.process.pid)
    assert len(children) >= 4, children  # web server, beat, worker and its pool process
    embedded.process.send_signal(signal.SIGINT)
    assert embedded.process.wait(timeout=120) == 0, embedded.log()[-3000:]
    assert [pid for pid in children if alive(pid)] == []
