"""The Celery app. Settings come from Django's (CELERY_* names)."""

from __future__ import annotations

import contextlib
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")

app = Celery("newsframe")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _warm_models(**_: object) -> None:
    """Load the spaCy pipeline and the sentence embedder once per worker process,
    before the first task (every analysis embeds its claims)."""
    from django.conf import settings

    from articles.compare.embed import embed
    from articles.nlp.pipeline import get_nlp

    get_nlp(settings.NEWSFRAME_SPACY_MODEL)
    # A missing embedding model is reported by the analyses and the alignment that need it.
    with contextlib.suppress(RuntimeError):
        embed(["The first call imports what encoding needs."])
        import torch

        # torch would start a thread per core in every worker process; with one process
        # per core those threads would only contend with the other processes.
        torch.set_num_threads(settings.NEWSFRAME_WORKER_THREADS)
