"""Slow: atheris (libFuzzer) on the dump segmenter and the HTML and JSON readers, for a
bounded time each; a crash fails the test and libFuzzer keeps the input in var/."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SECONDS = int(os.environ.get("NEWSFRAME_ATHERIS_SECONDS", "60"))


@pytest.mark.parametrize("target", ["dump", "html", "json"])
def test_atheris_finds_no_crash_in_the_reader(target: str) -> None:
    artifacts = ROOT / "var" / "atheris"
    artifacts.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        [sys.executable, "-m", "tests.reliability.atheris_targets", target, f"-max_total_time={SECONDS}",
         "-max_len=4096", f"-artifact_prefix={artifacts}/{target}-", "-print_final_stats=1"],
        cwd=ROOT, capture_output=True, text=True, timeout=3600,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsframe.settings"},
    )
    done = re.search(r"Done (\d+) runs in (\d+) second", run.stderr)
    coverage = re.search(r"cov: (\d+)", run.stderr)
    print(f"\natheris {target}: {done.group(1) if done else '?'} runs in {done.group(2) if done else '?'} s, "
          f"coverage {coverage.group(1) if coverage else '?'} edges")
    assert run.returncode == 0, run.stderr[-3000:]
    assert done and int(done.group(1)) > 0
