"""`make bench`: run every benchmark in bench/ and write BENCHMARKS.md."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import sys
from pathlib import Path

BENCHMARKS = ["bench.ingest", "bench.review", "bench.nlp", "bench.align", "bench.e2e", "bench.pages", "bench.exports",
              "bench.broker"]
ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    cpus = os.cpu_count()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.machine()}, {cpus} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
    import django

    django.setup()
    parts = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {machine()}.",
        "Absolute times on this shared machine are noisy: compare the ratios, measured side by side in one run.",
        "",
    ]
    for name in BENCHMARKS:
        module = importlib.import_module(name)
        print(f"running {name} …", file=sys.stderr)
        parts.append(module.run())
    (ROOT / "BENCHMARKS.md").write_text("\n".join(parts))
    print("\n".join(parts))


if __name__ == "__main__":
    main()
