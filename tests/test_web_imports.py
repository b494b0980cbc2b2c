"""A web process loads no NLP: spaCy pulls in thinc and torch (about 300 MB a process),
and no view runs the analysis, which is the workers' job."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # imports every view module, admin and API included
import articles.queueing  # what a view sends work through (by task name)
import datetime as dt
from articles.services.event_json import provenance
provenance(dt.datetime.now(dt.UTC), article_count=3)  # every export cites the analysis and lexicon versions
print(" ".join(sorted(m for m in ("spacy", "thinc", "torch", "sentence_transformers") if m in sys.modules)))
"""


def test_serving_pages_imports_neither_spacy_nor_torch() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsframe.settings"}
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip().splitlines()[-1:] in ([], [""]), run.stdout
