"""The upload → review → confirm path, through Django's test client."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Event, Job, Upload
from articles.services.uploads import uploads_sweep

pytestmark = pytest.mark.django_db


def _post_upload(client: Client, name: str, data: bytes, event_name: str = "Test event") -> object:
    return client.post(reverse("upload"), {"documents": [SimpleUploadedFile(name, data)], "event_name": event_name})


def test_uploading_needs_an_account(client: Client) -> None:
    response = client.get(reverse("upload"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_seed_upload_is_kept_byte_for_byte_and_offered_for_review(logged_in: Client, seed_bytes: bytes) -> None:
    response = _post_upload(logged_in, "seed.txt", seed_bytes)
    upload = Upload.objects.get()
    assert bytes(upload.raw) == seed_bytes
    assert upload.status == Upload.Status.PARSED
    assert response.status_code == 302 and str(upload.batch) in response["Location"]
    review = logged_in.get(response["Location"])
    assert review.status_code == 200
    assert b"CHECKMATE: 5 ways Russia outwitted the US in one day" in review.content
    assert not Event.objects.exists(), "no event is created before the review is confirmed"


def test_an_empty_file_gets_a_message_and_a_4xx_and_is_kept(logged_in: Client) -> None:
    response = _post_upload(logged_in, "empty.txt", b"")
    assert response.status_code == 400
    assert b"Traceback" not in response.content
    assert Upload.objects.get().status == Upload.Status.FAILED
    assert not Event.objects.exists()


def test_a_file_read_by_a_worker_with_no_article_offers_a_new_upload_not_a_confirm(
    logged_in: Client, uploader: User,
) -> None:
    # A large file is read by a worker, and the review page shows what it found: here nothing.
    upload = Upload.objects.create(batch=uuid.uuid4(), original_name="shape.json", raw=b"[]", size=2,
                                   sha256="0" * 64, uploader=uploader, status=Upload.Status.FAILED,
                                   error="No article with a body found.")
    page = logged_in.get(reverse("upload_review", args=[upload.batch])).content.decode()
    assert "No article with a body found." in page
    assert "Confirm and analyse" not in page, "confirming nothing only says 'every article was dropped'"
    assert f'href="{reverse("upload")}"' in page and "Upload a file again" in page
    assert "<h1>No article found</h1>" in page and "Check the articles we found" not in page


def test_a_binary_file_gets_a_message_and_a_4xx_and_is_kept(logged_in: Client) -> None:
    blob = bytes(range(256)) * 40
    response = _post_upload(logged_in, "photo.txt", blob)
    assert response.status_code == 400
    upload = Upload.objects.get()
    assert bytes(upload.raw) == blob
    assert upload.error.encode() in response.content.replace(b"&#x27;", b"'")
    assert not Event.objects.exists()


def test_a_zip_bomb_is_refused_with_a_message(logged_in: Client) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * 60_000_000)
    response = _post_upload(logged_in, "bomb.zip", buffer.getvalue())
    assert response.status_code == 400
    assert Upload.objects.get().status == Upload.Status.FAILED


def test_an_oversize_file_gets_413(logged_in: Client, settings: object) -> None:
    settings.NEWSFRAME_MAX_UPLOAD_BYTES = 100  # type: ignore[attr-defined]
    response = _post_upload(logged_in, "big.txt", b"word " * 100)
    assert response.status_code == 413
    assert b"larger than" in response.content


def test_nothing_to_upload_is_a_form_error(logged_in: Client) -> None:
    response = logged_in.post(reverse("upload"), {"event_name": "E"})
    assert response.status_code == 400
    assert b"Choose at least one file or paste some text." in response.content


def _review_post(client: Client, url: str, event_name: str, **changes: str) -> object:
    page = client.get(url)
    formset = page.context["formset"]
    data = {f"a-{k}": v for k, v in formset.management_form.initial.items()}
    data["event_name"] = event_name
    for i, form in enumerate(formset.forms):
        for name in ("key", "title", "byline", "outlet"):
            data[f"a-{i}-{name}"] = form.initial.get(name, "")
        data[f"a-{i}-published"] = form.initial.get("published", "")
        data[f"a-{i}-keep"] = "on"
    data.update(changes)
    return client.post(url, data)


def test_confirming_the_review_creates_the_articles_and_analyses_them(
    logged_in: Client, seed_bytes: bytes, django_capture_on_commit_callbacks: object
) -> None:
    review_url = _post_upload(logged_in, "seed.txt", seed_bytes)["Location"]  # type: ignore[index]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = _review_post(logged_in, review_url, "Seed event", **{"a-1-outlet": "The Duran"})
    event = Event.objects.get(name="Seed event")
    assert response["Location"] == review_url  # type: ignore[index]
    assert logged_in.get(review_url)["Location"] == event.get_absolute_url()
    articles = list(Article.objects.filter(event=event).order_by("position"))
    assert len(articles) == 3
    assert articles[1].outlet_name == "The Duran"
    assert all(a.analysis_version for a in articles)
    assert set(Job.objects.filter(event=event).values_list("status", flat=True)) == {"done"}
    assert Upload.objects.get().status == Upload.Status.CONFIRMED


def test_the_same_articles_uploaded_twice_are_reported_not_duplicated(
    logged_in: Client, seed_bytes: bytes, django_capture_on_commit_callbacks: object
) -> None:
    for _ in range(2):
        review_url = _post_upload(logged_in, "seed.txt", seed_bytes)["Location"]  # type: ignore[index]
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            response = _review_post(logged_in, review_url, "Twice")
    assert Article.objects.filter(event__name="Twice").count() == 3
    page = logged_in.get(response["Location"], follow=True)  # type: ignore[index]
    assert b"Already in this event, not added again" in page.content
    assert b"0 articles added" in page.content


def test_an_unnamed_new_event_is_named_after_the_file_and_the_review_can_rename_it(
    logged_in: Client, seed_bytes: bytes, uploader: User,
) -> None:
    Event.objects.create(name="russia coverage", slug="russia-coverage", created_by=uploader)
    response = _post_upload(logged_in, "russia_coverage.txt", seed_bytes, event_name="")
    assert response.status_code == 302, "the chosen file is not lost to a missing name"
    review = logged_in.get(response["Location"])  # type: ignore[index]
    assert review.context["event_form"].initial["event_name"] == "russia coverage (2)", \
        "a default name never adds to an event that exists"


def _upload_into_new_event(client: Client, data: bytes, uploader: User, name: str) -> tuple[Event, str]:
    """An event made now, and the review URL of the seed uploaded into it."""
    chosen = Event.objects.create(name=name, slug=name.lower().replace(" ", "-"), created_by=uploader)
    response = client.post(reverse("upload"), {"documents": [SimpleUploadedFile("seed.txt", data)],
                                               "event": str(chosen.pk)})
    return chosen, response["Location"]  # type: ignore[index]


def test_an_event_chosen_at_upload_and_renamed_before_the_confirm_gets_the_articles(
    logged_in: Client, seed_bytes: bytes, uploader: User, django_capture_on_commit_callbacks: object,
) -> None:
    chosen, review_url = _upload_into_new_event(logged_in, seed_bytes, uploader, "Old name")
    Event.objects.filter(pk=chosen.pk).update(name="New name")  # an admin renames it meanwhile
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        _review_post(logged_in, review_url, logged_in.get(review_url).context["event_form"].initial["event_name"])
    assert list(Event.objects.values_list("name", flat=True)) == ["New name"]
    assert Article.objects.filter(event=chosen).count() == 3


def test_a_reviewer_who_names_another_event_than_the_one_chosen_gets_that_one(
    logged_in: Client, seed_bytes: bytes, uploader: User, django_capture_on_commit_callbacks: object,
) -> None:
    chosen, review_url = _upload_into_new_event(logged_in, seed_bytes, uploader, "Chosen")
    assert "Adding to the existing event “Chosen”" in logged_in.get(review_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        _review_post(logged_in, review_url, "Renamed in review")
    assert not Article.objects.filter(event=chosen).exists()
    assert Article.objects.filter(event__name="Renamed in review").count() == 3


def test_a_confirm_leaves_the_articles_to_a_worker_and_the_page_follows_it(
    logged_in: Client, seed_bytes: bytes, django_capture_on_commit_callbacks: object
) -> None:
    review_url = _post_upload(logged_in, "seed.txt", seed_bytes)["Location"]  # type: ignore[index]
    with django_capture_on_commit_callbacks() as sent:  # type: ignore[operator]
        response = _review_post(logged_in, review_url, "Later", **{"a-0-keep": ""})
    assert response["Location"] == review_url  # type: ignore[index]
    upload = Upload.objects.get()
    assert upload.status == Upload.Status.CONFIRMING and not Article.objects.exists()
    assert [d.get("keep") for d in upload.draft] == [False, True, True], "the review's choices are kept"
    page = logged_in.get(review_url).content.decode()
    assert "Creating the articles" in page and 'data-poll="' in page
    status = logged_in.get(reverse("upload_status", args=[upload.batch])).content.decode()
    assert "Creating articles" in status and "data-poll" in status
    again = logged_in.post(review_url, {})
    assert again.status_code == 302 and again["Location"] == review_url, "a second submit goes to the progress"

    for task in sent:  # the worker's confirm_upload (in-process here)
        task()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.CONFIRMED
    assert Article.objects.filter(event__name="Later").count() == 2
    assert b"data-poll" not in logged_in.get(reverse("upload_status", args=[upload.batch])).content
    event = Event.objects.get(name="Later")
    page = logged_in.get(review_url, follow=True)
    assert page.redirect_chain[-1][0] == event.get_absolute_url()
    assert b"2 articles added; their analysis is queued." in page.content


def test_the_raw_upload_downloads_as_an_attachment_for_its_uploader_only(
    logged_in: Client, seed_bytes: bytes, client: Client
) -> None:
    _post_upload(logged_in, "seed.txt", seed_bytes)
    upload = Upload.objects.get()
    response = logged_in.get(reverse("upload_raw", args=[upload.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == seed_bytes
    other = Client()
    from django.contrib.auth.models import User

    other.force_login(User.objects.create_user("someone-else"))
    assert other.get(reverse("upload_raw", args=[upload.pk])).status_code == 403


def test_a_confirm_whose_task_was_lost_is_sent_again_by_the_sweep(
    logged_in: Client, seed_bytes: bytes, django_capture_on_commit_callbacks: object
) -> None:
    review_url = _post_upload(logged_in, "seed.txt", seed_bytes)["Location"]  # type: ignore[index]
    with django_capture_on_commit_callbacks():  # type: ignore[operator]
        _review_post(logged_in, review_url, "Lost")  # its task never sent: a broker lost it
    assert uploads_sweep(stuck_after=dt.timedelta(minutes=10)) == 0, "not stale yet"
    Upload.objects.update(read_queued_at=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert uploads_sweep(stuck_after=dt.timedelta(minutes=10)) == 1
    assert Upload.objects.get().status == Upload.Status.CONFIRMED
    assert Article.objects.filter(event__name="Lost").count() == 3


def test_the_review_says_before_the_confirm_which_texts_the_chosen_event_already_has(
    logged_in: Client, seed_bytes: bytes, uploader: User, django_capture_on_commit_callbacks: object
) -> None:
    chosen, review_url = _upload_into_new_event(logged_in, seed_bytes, uploader, "Again")
    first = logged_in.get(review_url).content.decode()
    assert "Already in this event" not in first, "a new event has none of them"
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        _review_post(logged_in, review_url, "Again")
    existing = list(Article.objects.filter(event=chosen).order_by("position"))
    assert len(existing) == 3
    response = logged_in.post(reverse("upload"), {"documents": [SimpleUploadedFile("seed.txt", seed_bytes)],
                                                  "event": str(chosen.pk)})
    review = logged_in.get(response["Location"])  # type: ignore[index]
    page = review.content.decode()
    assert page.count("<strong>Already in this event:</strong>") == 3
    for article in existing:
        assert f'href="{article.get_absolute_url()}"' in page
    assert [form.initial["keep"] for form in review.context["formset"].forms] == [False] * 3
    assert page.count("(the event already has this text)") == 3


@pytest.mark.parametrize("twice", ["two files", "a zip"])
def test_the_review_marks_an_article_an_earlier_one_of_the_same_upload_repeats(
    logged_in: Client, seed_bytes: bytes, twice: str
) -> None:
    if twice == "two files":
        files = [SimpleUploadedFile("seed.txt", seed_bytes), SimpleUploadedFile("seed.txt", seed_bytes)]
    else:
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("seed.txt", seed_bytes)
            z.writestr("copy/seed.txt", seed_bytes)
        files = [SimpleUploadedFile("coverage.zip", archive.getvalue())]
    response = logged_in.post(reverse("upload"), {"documents": files, "event_name": "Repeated"})
    review = logged_in.get(response["Location"])  # type: ignore[index]
    page = review.content.decode()
    assert [form.initial["keep"] for form in review.context["formset"].forms] == [True] * 3 + [False] * 3
    for n in (1, 2, 3):
        assert page.count(f"<strong>Same as article {n} above:</strong>") == 1
        assert f"(the same text as article {n})" in page
    assert "Already in this event" not in page


def test_the_review_marks_a_body_too_short_for_an_article_in_any_format_and_leaves_it_ticked(
    logged_in: Client, seed_bytes: bytes
) -> None:
    long_body = " ".join(["The ministers met for three hours and agreed on very little."] * 4)
    items = [{"title": "Teaser", "body": "Breaking."}, {"title": "Talks end", "body": long_body}]
    page_html = (b"<html><head><title>Vote</title></head><body><article><h1>Vote</h1><p>Approved.</p>"
                 b"</article></body></html>")
    response = logged_in.post(reverse("upload"), {"documents": [
        SimpleUploadedFile("items.json", json.dumps(items).encode()), SimpleUploadedFile("vote.html", page_html),
    ], "event_name": "Short"})
    review = logged_in.get(response["Location"])  # type: ignore[index]
    page = review.content.decode()
    assert page.count("<strong>Only 1 word:</strong> too short for an article") == 2
    assert page.count('class="short-text"') == 2, "the article of 40 words is not marked"
    assert [form.initial["keep"] for form in review.context["formset"].forms] == [True] * 3


def test_the_review_pages_event_name_box_shows_a_whole_name() -> None:
    from articles.web.forms import ReviewEventForm

    html = str(ReviewEventForm(initial={"event_name": "Government shutdown deal, January 2019"})["event_name"])
    assert 'size="60"' in html  # the browser's default is 20 characters, which cut names short


def test_the_review_splits_before_the_paragraph_numbered_as_listed_and_clears_an_emptied_date(
    logged_in: Client, django_capture_on_commit_callbacks: Any,
) -> None:
    story = [{"title": "Talks end", "published": "2017-04-12",
              "body": "The ministers met.\n\nThey agreed on little.\n\nIn other news, the river rose."}]
    review_url = _post_upload(logged_in, "talks.json", json.dumps(story).encode())["Location"]  # type: ignore[index]
    page = logged_in.get(review_url).content.decode()
    assert '<ol class="paras"><li>The ministers met.</li><li>They agreed on little.</li>' in page
    refused = _review_post(logged_in, review_url, "Split", **{"a-0-split_at": "1"})
    assert refused.status_code == 400 and "Paragraph 1 starts the article already" in refused.content.decode()  # type: ignore[attr-defined]
    # the error names the field as the page labels it, not by its form key
    assert "<p>Split before paragraph: Paragraph 1 starts" in refused.content.decode()  # type: ignore[attr-defined]
    assert "<li>split_at" not in refused.content.decode()  # type: ignore[attr-defined]
    past_the_end = _review_post(logged_in, review_url, "Split", **{"a-0-split_at": "4"})
    assert past_the_end.status_code == 400  # type: ignore[attr-defined]
    assert ("Article 1 has only 3 paragraphs: give the number of the paragraph the new article starts with, "
            "from 2 to 3" in past_the_end.content.decode().replace("&#x27;", "'"))  # type: ignore[attr-defined]
    with django_capture_on_commit_callbacks() as queued:
        _review_post(logged_in, review_url, "Split", **{"a-0-split_at": "3", "a-0-published": ""})
    for task in queued:  # the worker's confirm_upload, in-process (the analyses are not run)
        task()
    articles = Article.objects.filter(event__name="Split").order_by("position")
    assert [(a.body, a.published) for a in articles] == [
        ("The ministers met.\n\nThey agreed on little.", None), ("In other news, the river rose.", None)]


def test_files_of_a_zip_not_read_are_problems_on_the_review_page_with_what_to_do(
    logged_in: Client, seed_bytes: bytes,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("coverage/seed.txt", seed_bytes)
        archive.writestr("coverage/report.pdf", b"%PDF-1.4 not read")
    review_url = _post_upload(logged_in, "coverage.zip", buffer.getvalue())["Location"]  # type: ignore[index]
    page = logged_in.get(review_url).content.decode().replace("&#x27;", "'")
    problems = page[page.index('<div class="problems"'):]
    problems = problems[:problems.index("</div>")]
    assert "1 file in it not read" in problems
    assert ("skipped 'coverage/report.pdf': unsupported type (.pdf)" in problems
            and "for a PDF or Word file, copy the text into a .txt file" in problems)
    assert '<p class="muted">coverage.zip: skipped' not in page


def test_the_upload_pages_event_menu_lists_the_newest_events_and_any_can_be_chosen(logged_in: Client) -> None:
    """The menu listed every event (one <option> each, thousands on a busy site); it lists
    the newest, and an older event is chosen from its own page's link."""
    from articles.web.forms import MENU_EVENTS

    now = timezone.now()
    events = [Event(name=f"Event {i}", slug=f"event-{i}", created_at=now - dt.timedelta(hours=i))
              for i in range(MENU_EVENTS + 5)]
    Event.objects.bulk_create(events)
    oldest = Event.objects.get(slug=f"event-{MENU_EVENTS + 4}")
    page = logged_in.get(reverse("upload")).content.decode()
    assert page.count("<option") == MENU_EVENTS + 1  # and "a new event"
    assert ">Event 0<" in page and f">{oldest.name}<" not in page
    chosen = logged_in.get(reverse("upload") + f"?event={oldest.pk}").content.decode()
    assert f'<option value="{oldest.pk}" selected>{oldest.name}</option>' in chosen
    response = logged_in.post(reverse("upload"), {"documents": [SimpleUploadedFile("a.txt", b"x")],
                                                  "event": str(oldest.pk)})
    assert Upload.objects.get().event_id == oldest.pk, response
    event_page = logged_in.get(oldest.get_absolute_url()).content.decode()
    assert f'href="{reverse("upload")}?event={oldest.pk}"' in event_page


@pytest.mark.parametrize("value", ["abc", "²", "9" * 20])
def test_an_unreadable_event_in_the_upload_address_is_a_400(logged_in: Client, value: str) -> None:
    assert logged_in.get(reverse("upload"), {"event": value}).status_code == 400


def test_the_upload_pages_first_sentence_names_every_format_read(logged_in: Client) -> None:
    """It named text, .html, JSON and ZIP, and left out CSV, feeds, Markdown, JSON Lines and MHTML."""
    page = logged_in.get(reverse("upload")).content.decode()
    lede = page[page.index('<p class="lede">'):page.index("</p>", page.index('<p class="lede">'))]
    assert " ".join(lede.split()) == (
        '<p class="lede">Drop in the coverage of one event: text copied from websites, or files of text, Markdown, '
        "HTML, MHTML, JSON, JSON Lines, CSV/TSV, RSS/Atom feeds or a ZIP of them. You will check the articles we "
        "find before analysis starts.")
