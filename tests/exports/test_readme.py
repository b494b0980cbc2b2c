"""The README's "Use the data" pandas snippet loads the sample event's quotes.

pandas is not a dependency: when it is installed the snippet runs on the files the
downloads serve; when it is not, the same files are read with the csv module and
every column the snippet names must be there, with the rows it selects."""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from django.test import Client

from articles.models import Event
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use the data", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return code


def served(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_snippet_names_the_seed_event_and_compiles(analysed_event: Event) -> None:
    code = snippet()
    compile(code, "README.md", "exec")
    assert f"/events/{analysed_event.slug}/export" in code


def test_the_snippet_loads_the_seed_quotes(analysed_event: Event, client: Client, tmp_path: Path) -> None:
    code = snippet()
    [base] = re.findall(r'base = "http://127\.0\.0\.1:8000(/[^"]+)"', code)
    files = {name: served(client, f"{base}/{name}") for name in re.findall(r'\{base\}/(\w+\.csv)', code)}
    assert set(files) == {"quotes.csv", "articles.csv"}
    if importlib.util.find_spec("pandas") is not None:
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        out = io.StringIO()
        local = code.replace(f"http://127.0.0.1:8000{base}", str(tmp_path))
        exec(compile(local, "README.md", "exec"), {"print": lambda *a: print(*a, file=out)})
        assert "Sergey Lavrov" in out.getvalue()
        return
    quotes = list(csv.DictReader(io.StringIO(files["quotes.csv"])))
    articles = {row["article"]: row for row in csv.DictReader(io.StringIO(files["articles.csv"]))}
    named = set(re.findall(r'\["(\w+)"\]', code)) | {c for group in re.findall(r"\[\[([^\]]+)\]\]", code)
                                                      for c in re.findall(r'"(\w+)"', group)}
    assert named - {"article"} <= set(quotes[0]) | set(next(iter(articles.values())))
    assert all(q["article"] in articles for q in quotes)  # the merge keeps every quote
    per_article = Counter((articles[q["article"]]["title"], q["speaker"]) for q in quotes)
    assert any("Lavrov" in speaker for _, speaker in per_article)
    assert quotes[0]["analysis_version"] and "reporting_verbs=" in quotes[0]["lexicon_versions"]


def test_the_snippet_finds_an_editors_correction(analysed_event: Event, client: Client) -> None:
    quotes = csv.DictReader(io.StringIO(served(client, f"/events/{analysed_event.slug}/export/quotes.csv")))
    assert [q for q in quotes if q["attribution"] == "human"]
