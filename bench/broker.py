"""The embedded default's broker, measured: time per send and per receive, the wait of an
idle worker for a new message, and whether two processes sending while a third receives
lose or repeat any message. For our file broker (newsframe/broker.py), kombu's own
filesystem transport, kombu's SQLAlchemy transport on SQLite (when SQLAlchemy is
installed; it is not a dependency) and Redis (BENCH_REDIS_URL, else a redis:// CELERY_BROKER_URL).

`python -m bench.broker` prints the Markdown section; `make bench` includes it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kombu import Connection, Consumer, Exchange, Producer, Queue

from newsframe.broker import transport_options

MESSAGES = 500
BODY = {"args": [12345], "kwargs": {}, "pad": "x" * 900}  # about a Celery task message's size
QUEUE = Queue("bench", Exchange("bench", type="direct"), routing_key="bench")


def _ours(root: Path) -> dict[str, Any]:
    return {"hostname": "filesystem://", "transport": "newsframe.broker:Transport",
            "transport_options": transport_options(root)}


def _kombus(root: Path) -> dict[str, Any]:
    folders = {name: root / name for name in ("queue", "control", "processed")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    return {"hostname": "filesystem://", "transport_options": {
        "data_folder_in": str(folders["queue"]), "data_folder_out": str(folders["queue"]),
        "control_folder": str(folders["control"]), "processed_folder": str(folders["processed"]),
        "polling_interval": 0.2}}


def _sqla(root: Path) -> dict[str, Any]:
    from kombu.transport.sqlalchemy import Transport

    Transport.polling_interval = 0.2  # its transport options go to create_engine (a forked process of its own)
    return {"hostname": f"sqla+sqlite:///{root / 'broker.sqlite3'}"}


def _redis(root: Path) -> dict[str, Any]:
    return {"hostname": os.environ["BENCH_REDIS_URL"]}


def brokers() -> dict[str, Callable[[Path], dict[str, Any]]]:
    found: dict[str, Callable[[Path], dict[str, Any]]] = {"ours (files, newsframe/broker.py)": _ours,
                                                         "kombu filesystem": _kombus}
    try:
        import sqlalchemy  # noqa: F401
        found["kombu sqla+sqlite"] = _sqla
    except ImportError:
        pass
    if os.environ.get("BENCH_REDIS_URL"):
        found["redis (reference)"] = _redis
    elif os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):  # `make bench` sets one
        os.environ["BENCH_REDIS_URL"] = os.environ["CELERY_BROKER_URL"]
        found["redis (reference)"] = _redis
    return found


def send(params: dict[str, Any], count: int, tag: str) -> None:
    with Connection(**params) as conn:
        producer = Producer(conn.default_channel)
        for i in range(count):
            producer.publish({**BODY, "id": f"{tag}{i}"}, exchange=QUEUE.exchange, routing_key="bench",
                             declare=[QUEUE], serializer="json")


def receive(params: dict[str, Any], count: int, *, idle_limit: float = 10.0) -> tuple[list[str], int]:
    """Up to `count` messages (acknowledged), and how many could not be decoded."""
    got: list[str] = []
    with Connection(**params) as conn:
        def on_message(body: dict[str, Any], message: Any) -> None:
            got.append(body["id"])
            message.ack()

        with Consumer(conn, [QUEUE], callbacks=[on_message], accept=["json"]):
            broken = 0
            while len(got) < count:
                try:
                    conn.drain_events(timeout=idle_limit)
                except TimeoutError:
                    break
                except ValueError:  # a message read before it was written whole
                    broken += 1
    return got, broken


def per_message(params: dict[str, Any]) -> tuple[float, float]:
    """Milliseconds per send of MESSAGES into an empty queue, and per receive draining them."""
    started = time.perf_counter()
    send(params, MESSAGES, "s")
    sent = time.perf_counter()
    got, _ = receive(params, MESSAGES)
    done = time.perf_counter()
    assert len(got) == MESSAGES, (len(got), MESSAGES)
    return (sent - started) * 1000 / MESSAGES, (done - sent) * 1000 / MESSAGES


def _timed_receiver(params: dict[str, Any], count: int, out: Any) -> None:
    with Connection(**params) as conn:
        def on_message(body: dict[str, Any], message: Any) -> None:
            out.put(time.time() - body["at"])
            message.ack()

        with Consumer(conn, [QUEUE], callbacks=[on_message], accept=["json"]):
            for _ in range(count):
                conn.drain_events(timeout=30)


def idle_wait(params: dict[str, Any], rounds: int = 20) -> float:
    """Median seconds from a send to an idle consumer's callback, one message at a time."""
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    receiver = context.Process(target=_timed_receiver, args=(params, rounds, out))
    receiver.start()
    time.sleep(1.0)
    waits = []
    with Connection(**params) as conn:
        producer = Producer(conn.default_channel)
        for _ in range(rounds):
            producer.publish({"at": time.time()}, exchange=QUEUE.exchange, routing_key="bench",
                             declare=[QUEUE], serializer="json")
            waits.append(out.get(timeout=30))
            time.sleep(random.uniform(0.05, 0.45))  # off the polling beat, so the waits spread over it
    receiver.join(timeout=30)
    return statistics.median(waits)


def concurrent(params: dict[str, Any], per_sender: int = 300) -> tuple[int, int, int, int, int]:
    """Two processes send `per_sender` each while this one receives: (to send, received once,
    received more than once, undecodable, senders that failed)."""
    context = multiprocessing.get_context("fork")
    senders = [context.Process(target=send, args=(params, per_sender, tag)) for tag in ("a", "b")]
    for process in senders:
        process.start()
    got, broken = receive(params, 2 * per_sender, idle_limit=5.0)
    for process in senders:
        process.join()
    counts = Counter(got)
    failed = sum(1 for process in senders if process.exitcode)
    return (2 * per_sender, sum(1 for n in counts.values() if n == 1), sum(1 for n in counts.values() if n > 1),
            broken, failed)


def measure(name: str, make: Callable[[Path], dict[str, Any]]) -> str:
    """One broker's row. In a process of its own: kombu keeps the queue bindings it has
    declared per process, so a second broker folder in one process would get no binding."""
    context = multiprocessing.get_context("fork")
    out = context.Queue()

    def row() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            params = make(Path(tmp))
            if "redis" in name:
                receive(params, 10_000, idle_limit=0.5)  # empty the queue of an earlier run
            send_ms, receive_ms = per_message(params)
            idle = idle_wait(params)
            sent, once, repeated, broken, failed = concurrent(params)
        out.put(f"| {name} | {send_ms:.2f} | {receive_ms:.2f} | {idle * 1000:.0f} | "
                f"{sent} / {once} / {repeated} / {broken} / {failed} |")

    child = context.Process(target=row)
    child.start()
    while child.is_alive() or not out.empty():
        with contextlib.suppress(queue.Empty):
            result: str = out.get(timeout=1)
            child.join()
            return result
    return f"| {name} | failed: exit status {child.exitcode} | | | |"  # the cause is on stderr


def run() -> str:
    lines = ["## Embedded broker: the files under var/broker/ against the alternatives", "",
             f"{MESSAGES} messages of about 1 KB sent into an empty queue, then received (acknowledged) by one "
             "consumer; the wait of an idle consumer for a new message (polling every 0.2 s, median of 20); "
             "two processes sending 300 each while a third receives.", "",
             "| broker | ms per send | ms per receive | idle wait, ms "
             "| concurrent: to send / received once / repeated / unreadable / senders failed |",
             "|---|---:|---:|---:|---|"]
    lines += [measure(name, make) for name, make in brokers().items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
