"""Quality measurements on real and written text (`make eval`).

Each `eval_*.py` module here measures one part of the analysis and exposes
`main(argv: list[str]) -> int`; `python -m tests.eval` runs them all. Real texts
(PolNeAR, the multi-outlet events) stay in ../shared/data and are read from there
when present (`shared.data_dir()`); labels written here may live in `tests/eval/data/`.
"""
