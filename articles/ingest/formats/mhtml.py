"""Web pages saved as one file (.mhtml, .mht: Chrome's and Edge's "Webpage, Single File"):
a MIME archive whose HTML part is the page, read then as any saved page."""

from __future__ import annotations

import email
from email import policy

from articles.ingest.types import IngestError


def mhtml_page(data: bytes, name: str) -> bytes:
    """The bytes of the archive's first HTML part, decoded from its transfer encoding but
    not from its charset: the page reader decodes them as it does a saved page's."""
    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload
    raise IngestError(f"{name or 'The file'} holds no web page.",
                      "Save the article's page again (as a web page, HTML only or single file), "
                      "or copy its text into a .txt file.")
