from __future__ import annotations

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the Celery tasks, so articles.queueing finds them by name in every
        # process (web, command, worker) without importing the tasks module itself.
        from articles import tasks  # noqa: F401
