"""atheris fuzz targets: `python -m tests.reliability.atheris_targets TARGET -max_total_time=S`.

Each target feeds libFuzzer's bytes to one reader; anything other than a result or an
IngestError is a crash, which libFuzzer reports (and saves the input that caused it).
Every Python module loaded is instrumented (`instrument_all`), the libraries our readers
call included, so libFuzzer is guided by coverage through the whole read: importing
inside `instrument_imports` alone reached 87 edges of the HTML reader in 20 s, this 522.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

from articles.ingest import IngestError, Limits, parse
from articles.ingest.segment import segment

LIMITS = Limits(max_file_bytes=256 * 1024, max_total_bytes=1024 * 1024, max_zip_entries=50)


def dump(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    segment(text)
    _parse(text.encode("utf-8", "surrogatepass"), "fuzz.txt")


def html(data: bytes) -> None:
    _parse(b"<html><body>" + data, "fuzz.html")


def json_reader(data: bytes) -> None:
    _parse(data, "fuzz.json")


def _parse(data: bytes, name: str) -> None:
    with contextlib.suppress(IngestError):  # a message for the user: the reader did its job
        parse(data, name, limits=LIMITS)


TARGETS = {"dump": dump, "html": html, "json": json_reader}

if __name__ == "__main__":
    target = TARGETS[sys.argv[1]]
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()
