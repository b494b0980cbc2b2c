"""30 standard XSS payloads in every user-controlled field, every public and admin page
rendered and parsed as a browser would build it: no injected script, handler or script URL."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.drafts import Draft
from articles.models import Actor, ActorAlias, Article, Event, Job, Quote, Upload
from articles.services import corrections
from articles.services.uploads import IncomingFile, upload_confirm, upload_receive

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    '<object data="javascript:alert(1)">',
    '<embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<video><source onerror=alert(1)></video>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<img src="x" onerror="&#97;lert(1)">',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "--><script>alert(1)</script><!--",
    "]]><script>alert(1)</script>{{ 7*7 }}{% debug %}",
]
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"}
_NEVER = {"iframe", "object", "embed", "base", "frame", "frameset"}
_CONTROL = re.compile(r"[\x00-\x20]+")


def injections(page: str) -> list[str]:
    """What in `page` would run script: every <script> with inline code or from another origin, event
    handler attributes, javascript:/vbscript:/data:text/html URLs, framing and base tags."""
    found: list[str] = []
    root = lxml.html.document_fromstring(page)
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if tag == "script":
            src = element.get("src") or ""
            json_data = (element.get("type") or "").lower() == "application/json"
            same_origin = src.startswith("/") and not src.startswith("//")  # /static/…, the admin's /admin/jsi18n/
            if not json_data and (not same_origin or (element.text or "").strip()):
                found.append(f"<script src={src!r}>{(element.text or '')[:40]!r}")
        if tag in _NEVER or (tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh"):
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            squashed = _CONTROL.sub("", value).lower()
            if name in _URL_ATTRIBUTES and squashed.startswith(("javascript:", "vbscript:", "data:text/html")):
                found.append(f"<{tag} {name}={value[:40]!r}>")
            if name == "style" and ("javascript:" in squashed or "expression(" in squashed):
                found.append(f"<{tag} style={value[:40]!r}>")
    return found


def test_the_detector_finds_the_payloads_when_they_are_not_escaped() -> None:
    in_text = "<!doctype html><html><head></head><body><p>{}</p></body></html>"
    in_attribute = '<!doctype html><html><head></head><body><p title="{}" class=\'{}\'>x</p></body></html>'
    caught = [p for p in PAYLOADS if injections(in_text.format(p)) or injections(in_attribute.format(p, p))]
    # Left over: plain text that only looks dangerous (javascript:… as text, the entity-escaped
    # script, template syntax) and a few lxml builds differently from a browser (a second <body>).
    assert len(caught) >= 25, set(PAYLOADS) - set(caught)


def _body(payload: str) -> str:
    return (f"\"{payload} is what we found there,\" said {payload} Smith, the minister. "
            f"Sergei Lavrov said the talks with Rex Tillerson were frank. {payload} "
            "The ministers met for several hours in Moscow and discussed Syria at length. "
            f"Tillerson insisted that \"{payload}\" was alleged by the other side.")


@pytest.fixture
def hostile_site(transactional_db: None, django_capture_on_commit_callbacks: Any) -> list[Event]:
    """Six events of five articles: every payload in every field (event names hold five each,
    to keep it to six alignments)."""
    events = []
    editor = User.objects.create_superuser("xss-editor", "e@example.org", "a-long-test-password")
    for group in range(0, len(PAYLOADS), 5):
        payloads = PAYLOADS[group : group + 5]
        event_name = " | ".join(payloads)[:300]
        with django_capture_on_commit_callbacks(execute=True):
            batch = upload_receive(
                files=[IncomingFile(name=f"{p}.txt", data=_body(p).encode()) for p in payloads],
                event_name=event_name, event=None, user=editor)
            uploads = list(Upload.objects.filter(batch=batch).order_by("pk"))
            drafts = [Draft(title=p, body=_body(p), byline=f"By {p}", outlet=f"{p} {group + n}",
                            published="2017-04-12", url="javascript:alert(1)", upload=upload.pk)
                      for n, (p, upload) in enumerate(zip(payloads, uploads, strict=True))]
            result = upload_confirm(uploads=uploads, drafts=drafts, event_name=event_name, user=editor)
        for payload, article in zip(payloads, result.created, strict=True):
            actor = Actor.objects.create(event=result.event, name=f"{payload} (actor)", title=payload)
            ActorAlias.objects.create(actor=actor, alias=f"{payload} (alias)")
            quote = Quote.objects.filter(article=article).first()
            if quote is not None:
                corrections.quote_correct(quote=quote, user=editor, speaker=actor, note=payload)
        events.append(result.event)
    return events


def _pages(events: list[Event]) -> list[str]:
    urls = [reverse("home"), reverse("upload")]
    for event in events:
        urls += [event.get_absolute_url(), reverse("event_status", args=[event.slug])]
        for article in Article.objects.filter(event=event):
            urls.append(article.get_absolute_url())
        for actor in Actor.objects.filter(event=event):
            urls += [actor.get_absolute_url(), f"{event.get_absolute_url()}?actor={actor.pk}"]
    for upload in Upload.objects.all():
        urls.append(reverse("upload_review", args=[upload.batch]))
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != "articles":
            continue
        changelist = reverse(f"admin:articles_{model._meta.model_name}_changelist")
        urls.append(changelist)
        search = model_admin.search_fields and f"{changelist}?q=%3Cscript%3E"
        if search:
            urls.append(search)
        # Changelists show every payload; the change forms of a few objects show every field.
        for pk in model.objects.values_list("pk", flat=True)[:4]:
            urls.append(reverse(f"admin:articles_{model._meta.model_name}_change", args=[pk]))
    return urls


def test_no_payload_in_any_field_becomes_executable_on_any_page(hostile_site: list[Event]) -> None:
    staff = Client()
    staff.force_login(User.objects.get(username="xss-editor"))
    found: dict[str, list[str]] = {}
    urls = _pages(hostile_site)
    for url in urls:
        response = staff.get(url, follow=True)  # a confirmed upload's review page redirects to its event
        assert response.status_code == 200, url
        bad = injections(response.content.decode())
        if bad:
            found[url] = bad
    # A failed upload shows its (hostile) file name on the upload page.
    failing = staff.post(reverse("upload"), {"documents": [SimpleUploadedFile(f"{PAYLOADS[0]}.txt", b"")],
                                             "event_name": PAYLOADS[1]})
    assert failing.status_code == 400 and b"&lt;script&gt;" in failing.content
    found.update({"upload (failed)": b} for b in [injections(failing.content.decode())] if b)
    print(f"\nxss: {len(PAYLOADS)} payloads, {len(urls) + 1} pages rendered and parsed, "
          f"{sum(len(v) for v in found.values())} executable injections")
    assert found == {}
    assert Quote.objects.filter(speaker__name__contains="<script>").exists(), "the payloads reached the quotes"
    assert list(Job.objects.filter(status=Job.Status.FAILED).values_list("error", flat=True)) == [], \
        "hostile text is analysed like any other"
