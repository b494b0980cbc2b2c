"""The embedded broker (newsframe/broker.py): a message is deleted when it is settled, not
when it is read, and what a killed worker had taken goes back to the queue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kombu import Connection, Exchange, Producer, Queue

from newsframe.broker import requeue_claimed, transport_options
from tests.conftest import ROOT

QUEUE = Queue("tasks", Exchange("tasks", type="direct"), routing_key="tasks")


def connect(root: Path) -> Connection:
    return Connection("filesystem://", transport="newsframe.broker:Transport",
                      transport_options=transport_options(root))


def send(root: Path, *bodies: dict[str, Any]) -> None:
    with connect(root) as conn:
        producer = Producer(conn.default_channel)
        for body in bodies:
            producer.publish(body, exchange=QUEUE.exchange, routing_key="tasks", declare=[QUEUE], serializer="json")


def files(root: Path, folder: str) -> list[str]:
    return sorted(p.name for p in (root / folder).iterdir())


def test_messages_come_out_in_the_order_they_were_sent_and_go_when_acknowledged(tmp_path: Path) -> None:
    send(tmp_path, *({"n": n} for n in range(5)))
    assert len(files(tmp_path, "queue")) == 5 and files(tmp_path, "incoming") == []
    with connect(tmp_path) as conn:
        channel = conn.default_channel
        QUEUE(channel).declare()
        first = channel.basic_get("tasks")
        assert first.decode() == {"n": 0}
        assert len(files(tmp_path, "claimed")) == 1 and len(files(tmp_path, "queue")) == 4
        first.ack()
        assert files(tmp_path, "claimed") == []
        assert [channel.basic_get("tasks").decode()["n"] for _ in range(4)] == [1, 2, 3, 4]


def test_a_rejected_message_is_queued_again_once(tmp_path: Path) -> None:
    send(tmp_path, {"n": 1})
    with connect(tmp_path) as conn:
        message = conn.default_channel.basic_get("tasks")
        message.reject(requeue=True)
        assert files(tmp_path, "claimed") == [] and len(files(tmp_path, "queue")) == 1
        again = conn.default_channel.basic_get("tasks")
        assert again.decode() == {"n": 1}
        again.ack()
    assert files(tmp_path, "queue") == files(tmp_path, "claimed") == []


def test_what_a_killed_worker_had_taken_is_queued_again_at_the_next_start(tmp_path: Path) -> None:
    send(tmp_path, {"n": 1}, {"n": 2})
    # A process takes the first message and dies without acknowledging it or closing.
    taker = ("import os, sys; from pathlib import Path; from kombu import Connection\n"
             "from newsframe.broker import transport_options\n"
             "conn = Connection('filesystem://', transport='newsframe.broker:Transport',\n"
             "                  transport_options=transport_options(Path(sys.argv[1])))\n"
             "print(conn.default_channel.basic_get('tasks').decode()['n']); sys.stdout.flush(); os._exit(9)")
    died = subprocess.run([sys.executable, "-c", taker, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert died.returncode == 9 and died.stdout.strip() == "1", died.stderr
    assert len(files(tmp_path, "claimed")) == 1 and len(files(tmp_path, "queue")) == 1

    assert requeue_claimed(transport_options(tmp_path)) == 1
    with connect(tmp_path) as conn:
        channel = conn.default_channel
        got = [channel.basic_get("tasks") for _ in range(2)]
        assert [m.decode()["n"] for m in got] == [1, 2], "the message keeps its place in the queue"
        for message in got:
            message.ack()
    assert files(tmp_path, "queue") == files(tmp_path, "claimed") == []


def test_a_worker_that_stops_puts_back_what_it_had_not_finished(tmp_path: Path) -> None:
    send(tmp_path, {"n": 1})
    conn = connect(tmp_path)
    conn.default_channel.basic_get("tasks")  # taken, never acknowledged
    conn.release()  # a warm shutdown: kombu restores what is unacknowledged
    assert files(tmp_path, "claimed") == [] and len(files(tmp_path, "queue")) == 1
