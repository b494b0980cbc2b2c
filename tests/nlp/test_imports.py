"""The Django side imports these NLP modules; they must not load spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

LIGHT = ("articles.nlp.actor_identity", "articles.nlp.types", "articles.nlp.version", "articles.nlp.lexicons")


@pytest.mark.parametrize("module", LIGHT)
def test_it_imports_without_loading_spacy(module: str) -> None:
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
