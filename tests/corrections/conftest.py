"""Articles analysed through the real services, and the four kinds of user."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User

from articles.models import Article
from articles.services import analysis, jobs, uploads
from tests.conftest import confirm_upload

TEXT = """Ministers meet in Moscow

Sergei Lavrov said that “the strikes on Syria were illegal and wrong.”

Rex Tillerson told reporters that relations were at a low point.

He said that “a successful ouster of a dictator is very hard to remember.”

Officials reportedly disagreed about the evidence, and the talks went on."""


def make_article(text: str = TEXT, event_name: str = "Corrections test") -> Article:
    """Upload, confirm and analyse `text` with the services, in-process."""
    article = confirm_upload(text.encode(), event_name, name="dump.txt").created[0]
    analysis.article_analyze(article_id=article.pk)
    article.refresh_from_db()
    return article


def reanalyse(article: Article, body: str | None = None) -> Article:
    """A re-analysis, optionally of changed text (as a re-parse would give)."""
    if body is not None:
        Article.objects.filter(pk=article.pk).update(body=body, content_hash=uploads.content_hash(body))
    jobs.articles_requeue(articles=[article])
    analysis.article_analyze(article_id=article.pk)
    article.refresh_from_db()
    return article


def editors_group() -> Group:
    group = Group.objects.filter(name="Editors").first()
    if group is None:  # a transaction=True test flushed what the data migration made
        importlib.import_module("articles.migrations.0004_editors_group").create_editors(apps, None)
        group = Group.objects.get(name="Editors")
    return group


@pytest.fixture
def article(db: None) -> Article:
    return make_article()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(name: str, *, editor: bool = False, superuser: bool = False) -> User:
        if superuser:
            return User.objects.create_superuser(name, f"{name}@example.org", "a-long-test-password")
        user = User.objects.create_user(name, f"{name}@example.org", "a-long-test-password",
                                        is_staff=editor)
        if editor:
            user.groups.add(editors_group())
        return user
    return make


@pytest.fixture
def editor(make_user: Callable[..., User]) -> User:
    return make_user("editor", editor=True)
