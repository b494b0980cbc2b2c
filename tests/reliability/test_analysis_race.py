"""An article's text edited (or analysed again) while its analysis runs: the analysis of
the old text, ending after the one of the new text, must not store its quotes over it."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from articles.models import Article, Job, Quote
from articles.services import analysis, analysis_store, jobs
from tests.conftest import confirm_upload

OLD = ("Council keeps the budget\nBy Jane Doe\n12 April 2017\n\n"
       "\"We will not raise taxes,\" the mayor said on Tuesday. The council voted on the plan after "
       "a long debate in the town hall, and the budget passed by seven votes to two.\n")
NEW_BODY = ("The council met for four hours on Monday night before the vote.\n\n"
            "\"We will not raise taxes,\" the mayor said on Tuesday, and \"the parks stay open,\" she added.")


@pytest.mark.django_db(transaction=True)
def test_an_analysis_of_the_old_text_ending_last_stores_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    confirm_upload(OLD.encode(), "Budget")
    article = Article.objects.get()
    real = analysis.analyze_text
    edited: list[bool] = []

    def edited_meanwhile(nlp: Any, text: str) -> Any:
        result = real(nlp, text)
        if not edited:  # the first (old) analysis ends after an editor's change was analysed
            edited.append(True)
            with transaction.atomic():  # as the admin's save of the text does
                Article.objects.filter(pk=article.pk).update(body=NEW_BODY)
                analysis_store.clear_machine_output(Article.objects.get(pk=article.pk))
            jobs.articles_requeue(articles=Article.objects.filter(pk=article.pk))  # runs here (eager)
        return result
    monkeypatch.setattr(analysis, "analyze_text", edited_meanwhile)
    jobs.articles_requeue(articles=Article.objects.filter(pk=article.pk))

    assert edited and Job.objects.get(article=article).status == Job.Status.DONE
    quotes = list(Quote.objects.filter(article=article).values_list("text", "start", "end"))
    assert quotes and all(NEW_BODY[start:end] == text for text, start, end in quotes)
    assert any("parks" in text for text, _, _ in quotes)
