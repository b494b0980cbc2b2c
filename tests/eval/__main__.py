"""Run every measurement of tests/eval (`make eval`); exit non-zero if any fails."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import tests.eval as package


def main(argv: list[str]) -> int:
    """`python -m tests.eval [eval_NAME ...] [ARGS]`: the named measures (all when none is
    named), each given ARGS ("eval_framing tune -v" runs the tuning part alone, verbosely)."""
    failed = []
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("eval_"))
    chosen = [a for a in argv if a in names]
    rest = [a for a in argv if a not in names]
    for name in names:
        if chosen and name not in chosen:
            continue
        print(f"\n=== {name} ===", flush=True)
        module = importlib.import_module(f"tests.eval.{name}")
        if module.main(rest) != 0:
            failed.append(name)
    if failed:
        print(f"\nbelow threshold: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
