"""Run every measurement of tests/eval (`make eval`); exit non-zero if any fails."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import tests.eval as package


def main(argv: list[str]) -> int:
    failed = []
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("eval_"))
    for name in names:
        if argv and name not in argv:
            continue
        print(f"\n=== {name} ===", flush=True)
        module = importlib.import_module(f"tests.eval.{name}")
        if module.main([]) != 0:
            failed.append(name)
    if failed:
        print(f"\nbelow threshold: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
