"""A large download read slowly, through gunicorn as `make serve` runs it: the file
arrives whole however long the client takes.

gunicorn kills a worker that has not told its master it is alive for `timeout` seconds.
A sync worker tells it only between requests, so one streaming an export to a slow
client (62 MB for a 3,000-article event: a minute on a slow line) was killed at 30 s and
the download ended cut. Here the timeout is 2 s and the client reads for several times
that. Printed: bytes and seconds. Asserted: the JSON parses, with every article."""

from __future__ import annotations

import json
import socket
import time

import pytest
from django.db import connection

from bench.loadrun import ROOT, database_url, gunicorn
from bench.pages import build_event

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLES = 600  # about 12 MB of event JSON: more than the kernel's socket buffers hold
TIMEOUT = 2
CHUNK = 64 * 1024
PAUSE = 0.05  # ~1.3 MB/s: the server's writes block for several times TIMEOUT


def _slow_get(url: str) -> tuple[bytes, bytes]:
    """The response's head and body, read a chunk at a time with pauses, through a
    small receive buffer (so the server cannot hand the file to the kernel at once)."""
    host, port = url.removeprefix("http://").split("/", 1)[0].split(":")
    path = "/" + url.removeprefix("http://").split("/", 1)[1]
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, CHUNK)
        s.settimeout(120)
        s.connect((host, int(port)))
        s.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        data = bytearray()
        while chunk := s.recv(CHUNK):
            data += chunk
            time.sleep(PAUSE)
    head, _, body = bytes(data).partition(b"\r\n\r\n")
    return head, body


def test_a_slow_client_gets_the_whole_export() -> None:
    if connection.vendor != "postgresql":
        pytest.fail("the server reads the test database: run this on PostgreSQL (`make test`)")
    event, _ = build_event(ARTICLES)
    with gunicorn(database_url(connection.settings_dict), ROOT / "var" / "slow-download.log",
                  workers=2, timeout=TIMEOUT) as server:
        started = time.monotonic()
        head, body = _slow_get(f"{server.url}{event.get_absolute_url()}export/event.json")
        seconds = time.monotonic() - started
    status = head.split(b"\r\n", 1)[0].decode()
    print(f"\nevent.json read slowly: {status}, {len(body):,} bytes in {seconds:.1f} s "
          f"(worker timeout {TIMEOUT} s)")
    assert head.startswith(b"HTTP/1.1 200") or head.startswith(b"HTTP/1.0 200"), head[:200]
    assert seconds > 2 * TIMEOUT, "the client read too fast to test anything: lower CHUNK or raise PAUSE"
    exported = json.loads(body)  # a cut file does not parse
    assert len(exported["articles"]) == ARTICLES
