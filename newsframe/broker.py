"""The embedded broker: kombu's filesystem transport, made safe for a web process and a
worker sharing one folder (docs/ARCHITECTURE.md, "The embedded default").

Each message is a file in `queue/`. Three changes to kombu's own transport:

- A message is written whole under `incoming/` and renamed into `queue/`, so a consumer
  never reads a file still being written (kombu writes in place, and its reader takes no
  lock: a reader that lists the folder between the create and the write reads nothing).
- Names start with the wall clock in nanoseconds, zero-padded, so sorting them is sending
  order, across processes and reboots (kombu's monotonic milliseconds restart at boot).
- A consumer claims a message by renaming it into `claimed/` and deletes it when the task
  is acknowledged or rejected, not when it is read. A message whose worker was killed
  stays in `claimed/`; `requeue_claimed` puts it back, which `manage.py run_embedded`
  does before it starts its worker (only one worker reads these folders). Redis's
  visibility timeout does the same on the real stack; the sweep covers what both miss.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from queue import Empty
from typing import Any

from kombu.transport import filesystem, virtual
from kombu.utils.json import dumps, loads

FOLDERS = ("incoming", "queue", "claimed", "control")


def transport_options(root: Path) -> dict[str, Any]:
    """The folders of a broker kept under `root`, as kombu's transport options."""
    return {
        "incoming_folder": str(root / "incoming"),
        "data_folder_in": str(root / "queue"),
        "data_folder_out": str(root / "queue"),
        "processed_folder": str(root / "claimed"),
        "control_folder": str(root / "control"),
        # How often an idle worker lists the queue folder: a new task waits at most this long.
        "polling_interval": 0.2,
    }


def requeue_claimed(options: dict[str, Any]) -> int:
    """Put every claimed message back in the queue: the worker that read it is gone.
    Call it only while no worker reads these folders."""
    claimed = Path(options["processed_folder"])
    if not claimed.is_dir():
        return 0
    names = sorted(claimed.iterdir())
    for path in names:
        os.replace(path, Path(options["data_folder_in"]) / path.name)
    return len(names)


class QoS(virtual.QoS):
    """Kombu's bookkeeping of unacknowledged messages, deleting a message's claimed file
    once it is settled (after a requeue has written its fresh copy)."""

    def ack(self, delivery_tag: str) -> None:
        super().ack(delivery_tag)
        self.channel.settle(delivery_tag)

    def reject(self, delivery_tag: str, requeue: bool = False) -> None:
        super().reject(delivery_tag, requeue=requeue)
        self.channel.settle(delivery_tag)

    def restore_unacked(self) -> list[Any]:
        tags = list(self._delivered)
        errors = super().restore_unacked()
        for tag in tags:
            self.channel.settle(tag)
        return errors


class Channel(filesystem.Channel):
    QoS = QoS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._claimed: dict[str, Path] = {}
        self._no_ack: set[str] = set()  # queues read without acknowledgements (none of Celery's task queues)
        for key in ("incoming_folder", "data_folder_in", "processed_folder", "control_folder"):
            Path(self.transport_options[key]).mkdir(parents=True, exist_ok=True)

    def _put(self, queue: str, payload: dict[str, Any], **kwargs: Any) -> None:
        name = f"{time.time_ns():020d}_{uuid.uuid4().hex}.{queue}.msg"
        incoming = Path(self.transport_options["incoming_folder"]) / name
        incoming.write_bytes(dumps(payload).encode())
        os.replace(incoming, Path(self.data_folder_out) / name)

    def _get(self, queue: str) -> dict[str, Any]:
        suffix = f"{queue}.msg"
        for name in sorted(os.listdir(self.data_folder_in)):
            if name.partition(".")[2] != suffix:
                continue
            claimed = Path(self.processed_folder) / name
            try:
                os.rename(Path(self.data_folder_in) / name, claimed)
            except FileNotFoundError:  # another consumer claimed it first
                continue
            payload: dict[str, Any] = loads(claimed.read_bytes())
            if queue in self._no_ack:
                claimed.unlink()
            else:
                self._claimed[payload["properties"]["delivery_tag"]] = claimed
            return payload
        raise Empty()

    def basic_consume(self, queue: str, no_ack: bool, *args: Any, **kwargs: Any) -> Any:
        if no_ack:
            self._no_ack.add(queue)
        return super().basic_consume(queue, no_ack, *args, **kwargs)

    def settle(self, delivery_tag: str) -> None:
        claimed = self._claimed.pop(delivery_tag, None)
        if claimed is not None:
            claimed.unlink(missing_ok=True)


class Transport(filesystem.Transport):
    Channel = Channel
    driver_name = "newsframe-filesystem"
    # Kombu keeps the queue bindings a process has declared in one state per transport
    # class, and writes a binding to the control folder only the first time: a second
    # broker folder in the same process (tests, benchmarks) would get none. One per folder.
    states: dict[str, virtual.BrokerState] = {}

    def __init__(self, client: Any, **kwargs: Any) -> None:
        super().__init__(client, **kwargs)
        folder = Path(client.transport_options.get("control_folder", "control")).resolve()
        self.state = self.states.setdefault(str(folder), virtual.BrokerState())

    @property
    def default_connection_params(self) -> dict[str, Any]:
        return {"port": self.default_port}  # no host: kombu's default "localhost" only earns a warning
