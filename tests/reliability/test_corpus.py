"""Every malformed or hostile upload of the corpus, through the upload view: it parses, or
it is refused with a clear 4xx; what was accepted is kept byte for byte; no 500s."""

from __future__ import annotations

import collections
import random
import resource
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from articles.models import Upload
from articles.services.uploads import UNEXPECTED_PARSE_HINT
from tests.reliability.corpus import MB, corpus

pytestmark = pytest.mark.django_db

# Peak resident memory may grow by at most this much over the whole corpus. The largest
# accepted input is 10 MB and an archive is read up to 50 MB decompressed; parsing copies it a few times.
PEAK_GROWTH_BOUND_MB = 1024


def multipart(filename: str, data: bytes, event_name: str = "Corpus") -> tuple[bytes, str]:
    """A multipart body as a hostile client writes it: the filename goes out raw (NULs,
    newlines, quotes, slashes and all), which Django's test helpers would refuse to build."""
    boundary = "----reliability-corpus-boundary"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="documents"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8", "surrogateescape")
    tail = (f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="event_name"\r\n\r\n'
            f"{event_name}\r\n--{boundary}--\r\n").encode()
    return head + data + tail, f"multipart/form-data; boundary={boundary}"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_the_corpus_has_at_least_200_hostile_inputs() -> None:
    cases = corpus()
    assert len(cases) >= 200
    assert len({c.label for c in cases}) == len(cases), "labels name the cases uniquely"


@override_settings(NEWSFRAME_UPLOADS_PER_HOUR=100_000)
def test_every_hostile_upload_parses_or_gets_a_clear_4xx_and_accepted_bytes_are_kept(logged_in: Client) -> None:
    outcomes: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    cases = corpus()
    rss_before = _peak_rss_mb()
    started = time.monotonic()
    for case in cases:
        last_pk = Upload.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # The test client re-raises any exception a view lets escape: a traceback fails here.
        body, content_type = multipart(case.name, case.data)
        response = logged_in.post(reverse("upload"), body, content_type=content_type)
        stored = list(Upload.objects.filter(pk__gt=last_pk))
        status = response.status_code
        outcomes[str(status)] += 1
        if status == 302:
            if len(stored) != 1 or bytes(stored[0].raw) != case.data:
                problems.append(f"{case.label}: accepted but its bytes were not kept")
            elif stored[0].status != Upload.Status.PARSED:
                problems.append(f"{case.label}: redirected to review though it failed to parse")
        elif status == 400:
            page = response.content.decode()
            if 'role="alert"' not in page:
                problems.append(f"{case.label}: 400 without a message")
            for upload in stored:
                if upload.hint == UNEXPECTED_PARSE_HINT:
                    problems.append(f"{case.label}: a parser crashed: {upload.error}")
                if bytes(upload.raw) != case.data or not upload.error:
                    problems.append(f"{case.label}: refused without its bytes kept or an error recorded")
                elif upload.error not in page.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&"):
                    problems.append(f"{case.label}: the error is not shown: {upload.error!r}")
        elif status == 413:
            if stored:
                problems.append(f"{case.label}: 413 but something was stored")
        else:
            problems.append(f"{case.label}: unexpected status {status}")
    elapsed = time.monotonic() - started
    growth = _peak_rss_mb() - rss_before
    print(f"\ncorpus: {sum(outcomes.values())} uploads in {elapsed:.1f} s; outcomes {dict(outcomes)}; "
          f"peak RSS {_peak_rss_mb():.0f} MB (grew {growth:.0f} MB)")
    assert problems == []
    assert outcomes["302"] > 20 and outcomes["400"] > 100, "the corpus holds both readable and unreadable inputs"
    assert growth < PEAK_GROWTH_BOUND_MB


def test_a_file_one_byte_over_the_cap_gets_413_and_at_the_cap_is_read(logged_in: Client) -> None:
    from django.conf import settings

    cap = settings.NEWSFRAME_MAX_UPLOAD_BYTES
    # At the cap the file is read (it parses or is refused as text); one byte over, it is refused unread.
    sizes = {cap - 1: (302, 400), cap: (302, 400), cap + 1: (413,)}
    for size, expected in sizes.items():
        data = (b"Word and more words.\n" * (size // 21 + 1))[:size]
        response = logged_in.post(reverse("upload"), {
            "documents": [SimpleUploadedFile("cap.txt", data)], "event_name": "Caps"})
        assert response.status_code in expected, size
    assert Upload.objects.filter(size=cap).exists()
    assert not Upload.objects.filter(size=cap + 1).exists()


def test_a_zip_entry_over_the_cap_is_refused_on_its_counted_size(logged_in: Client) -> None:
    from tests.reliability.corpus import _zip

    # Random words: too varied to trip the ratio cap, so the size cap is what refuses it.
    rng = random.Random(5)
    vocabulary = ["Moscow", "talks", "minister", "said", "Syria", "on", "the", "veto"]
    words = [rng.choice(vocabulary) for _ in range(2_000_000)]
    data = _zip([("big.txt", " ".join(words).encode())])
    assert len(data) < 5 * MB, "small on the wire"
    response = logged_in.post(reverse("upload"), {
        "documents": [SimpleUploadedFile("big.zip", data)], "event_name": "Caps"})
    upload = Upload.objects.get()
    assert response.status_code == 400
    assert "decompresses to more than 10 MB" in upload.error
    assert bytes(upload.raw) == data
