"""Who may write what: browsing is public, uploading needs an account, correcting
needs the Editors group (or a superuser); checked on the server on every write path."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from articles.models import Actor, ActorAlias, Article, AttributionCorrection, Quote

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "uploader", "editor", "superuser"]
MAY_CORRECT = {"anonymous": False, "uploader": False, "editor": True, "superuser": True}


def client_for(role: str, make_user: Callable[..., User]) -> Client:
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        client.force_login(make_user(role, editor=role == "editor", superuser=role == "superuser"))
    client.get(reverse("login"))  # the CSRF cookie, as a browser would have it
    return client


def post(client: Client, url: str, data: dict[str, object]) -> int:
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code


def changed(quote: Quote) -> bool:
    quote.refresh_from_db()
    return quote.attribution == "human"


def test_the_editors_group_has_exactly_the_correction_permissions() -> None:
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert codenames == {"view_quote", "change_quote", "view_actor", "add_actor", "change_actor",
                         "view_actoralias", "add_actoralias", "change_actoralias", "delete_actoralias",
                         "view_attributioncorrection", "view_actorcorrection"}


@pytest.mark.parametrize("role", ROLES)
def test_browsing_the_article_page_is_public_and_the_control_only_for_editors(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    page = client_for(role, make_user).get(article.get_absolute_url())
    assert page.status_code == 200
    assert (b"data-correct" in page.content) is MAY_CORRECT[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_in_page_correction_is_checked_on_the_server(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    quote = article.quotes.first()
    assert quote is not None
    status = post(client_for(role, make_user), reverse("quote_correct", args=[quote.pk]),
                  {"speaker_name": "Someone Else", "kind": quote.kind, "revision": quote.revision})
    assert changed(quote) is MAY_CORRECT[role]
    assert status == {"anonymous": 302, "uploader": 403, "editor": 302, "superuser": 302}[role]


def test_a_correction_refused_as_stale_makes_no_actor(article: Article, make_user: Callable[..., User]) -> None:
    quote = article.quotes.first()
    assert quote is not None
    actors = Actor.objects.count()
    status = post(client_for("editor", make_user), reverse("quote_correct", args=[quote.pk]),
                  {"speaker_name": "Zed Nobody", "kind": quote.kind, "revision": quote.revision + 1})
    assert status == 302 and not changed(quote)
    assert Actor.objects.count() == actors and not Actor.objects.filter(name="Zed Nobody").exists()


def test_an_unnamed_sources_quote_is_shown_and_corrected_as_unnamed(
        article: Article, make_user: Callable[..., User]) -> None:
    quote = article.quotes.first()
    assert quote is not None
    Quote.objects.filter(pk=quote.pk).update(speaker=None, source_type="anonymous", source_phrase="senior officials")
    client = client_for("editor", make_user)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "senior officials</span> <span class=\"muted\">(anonymous, unnamed)" in page
    assert 'value="senior officials"' in page, "the correction form starts from the source as it is"
    actors = Actor.objects.count()
    kind = "indirect" if quote.kind != "indirect" else "direct"
    assert post(client, reverse("quote_correct", args=[quote.pk]),
                {"speaker_name": "Senior  officials", "kind": kind, "revision": quote.revision}) == 302
    quote.refresh_from_db()
    assert (quote.kind, quote.speaker_id, quote.source_type, quote.source_phrase) == (
        kind, None, "anonymous", "senior officials")
    assert Actor.objects.count() == actors


def test_a_correction_without_the_csrf_token_is_refused(article: Article, make_user: Callable[..., User]) -> None:
    client = client_for("editor", make_user)
    quote = article.quotes.first()
    assert quote is not None
    response = client.post(reverse("quote_correct", args=[quote.pk]),
                           {"speaker_name": "X", "kind": quote.kind, "revision": quote.revision})
    assert response.status_code == 403 and not changed(quote)


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_quote_form_is_checked_on_the_server(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    quote = article.quotes.first()
    assert quote is not None
    url = reverse("admin:articles_quote_change", args=[quote.pk])
    post(client_for(role, make_user), url, {
        "speaker": quote.speaker_id or "", "kind": "direct", "is_quote": "on", "start": quote.start,
        "end": quote.end, "seen_revision": quote.revision, "note": "", "new_speaker": ""})
    assert changed(quote) is MAY_CORRECT[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_bulk_action_is_checked_on_the_server(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    quotes = list(article.quotes.all()[:2])
    post(client_for(role, make_user), reverse("admin:articles_quote_changelist"), {
        "action": "mark_not_a_quote", "_selected_action": [q.pk for q in quotes], "index": 0})
    assert all(changed(q) is MAY_CORRECT[role] for q in quotes)


@pytest.mark.parametrize("role", ROLES)
def test_merging_actors_in_the_admin_is_checked_on_the_server(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    a, b = Actor.objects.filter(event=article.event)[:2]
    post(client_for(role, make_user), reverse("admin:articles_actor_changelist"), {
        "action": "merge_actors", "_selected_action": [a.pk, b.pk], "merge_into": b.pk, "index": 0})
    assert (not Actor.objects.filter(pk=a.pk).exists()) is MAY_CORRECT[role]


@pytest.mark.parametrize("role", ROLES)
def test_adding_an_alias_in_the_admin_is_checked_on_the_server(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    actor = Actor.objects.filter(event=article.event).first()
    assert actor is not None
    existing = list(actor.aliases.all())
    data: dict[str, object] = {
        "event": actor.event_id, "name": actor.name, "kind": actor.kind, "title": actor.title,
        "aliases-TOTAL_FORMS": len(existing) + 1, "aliases-INITIAL_FORMS": len(existing),
        "aliases-MIN_NUM_FORMS": 0, "aliases-MAX_NUM_FORMS": 1000,
        f"aliases-{len(existing)}-alias": "a brand new alias", f"aliases-{len(existing)}-actor": actor.pk,
    }
    for i, alias in enumerate(existing):
        data.update({f"aliases-{i}-id": alias.pk, f"aliases-{i}-alias": alias.alias, f"aliases-{i}-actor": actor.pk})
    post(client_for(role, make_user), reverse("admin:articles_actor_change", args=[actor.pk]), data)
    assert ActorAlias.objects.filter(actor=actor, alias="a brand new alias").exists() is MAY_CORRECT[role]


@pytest.mark.parametrize("role", ROLES)
def test_reverting_from_the_audit_trail_is_checked_on_the_server(
        role: str, article: Article, make_user: Callable[..., User]) -> None:
    from articles.services import corrections

    quote = article.quotes.first()
    assert quote is not None
    record = corrections.quote_correct(quote=quote, user=None, is_quote=False)
    post(client_for(role, make_user), reverse("admin:articles_attributioncorrection_changelist"), {
        "action": "revert", "_selected_action": [record.pk], "index": 0, "note": ""})
    assert AttributionCorrection.objects.filter(reverts=record).exists() is MAY_CORRECT[role]


def test_editors_get_no_other_admin_powers(article: Article, make_user: Callable[..., User]) -> None:
    client = client_for("editor", make_user)
    assert client.get(reverse("admin:articles_quote_changelist")).status_code == 200
    for name in ["articles_upload_changelist", "articles_job_changelist", "articles_event_changelist",
                 "auth_user_changelist", "articles_article_changelist"]:
        assert client.get(reverse(f"admin:{name}")).status_code == 403, name
    assert client.get(reverse("admin:articles_actor_delete", args=[Actor.objects.first().pk])).status_code == 403  # type: ignore[union-attr]


def test_each_correct_control_names_its_quote_for_a_screen_reader(
        article: Article, make_user: Callable[..., User]) -> None:
    # A screen reader listing the page's controls heard "correct" once per quote, with nothing
    # to tell them apart.
    html = client_for("editor", make_user).get(article.get_absolute_url()).content.decode()
    summaries = re.findall(r"<summary>(.*?)</summary>", html)
    quotes = list(article.quotes.filter(is_quote=True))
    assert len(quotes) >= 2 and len(summaries) == len(quotes)
    assert len(set(summaries)) == len(summaries)
    assert all(s.startswith('correct<span class="sr-only">') for s in summaries)
