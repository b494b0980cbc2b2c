"""A parsed article's text, read once: spaCy's `Doc.text` joins every token anew on each
access, and the rules read it many times per article (profiled: a fifth of their time)."""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "newsframe.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, kept in the doc's user_data after the first call (docs are not edited
    after the parse)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
