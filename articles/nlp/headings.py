"""Words in capitals before a colon: a transcript's speaker ("TAPPER: …"), a rubric the
outlet files under ("BREAKING: …", "EDITOR'S NOTE: …"), or a headline's shout
("BUSTED: Emails Reveal…", "FIX IS IN: …"). Shared by signals (a speaker's turn is his
words) and loaded (a shout is the outlet's judgement)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from articles.nlp.doc_text import text_of

# Headings in capitals before a colon, which no speaker bears and which judge nothing.
RUBRICS = frozenset({"note", "update", "updated", "breaking", "exclusive", "watch", "video", "photos",
                     "photo", "correction", "clarification", "news", "alert", "report", "byline",
                     "analysis", "opinion", "editorial", "transcript", "live", "related", "poll",
                     "huffpollster"})
CAPITAL_LABEL = re.compile(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):[ \t]+(\S[^\n]*)", re.MULTILINE)


def people_named(doc: Doc) -> set[str]:
    """Lower-cased people the article names, in full and by surname ("jake tapper", "tapper")."""
    people = {ent.text.lower() for ent in doc.ents if ent.label_ == "PERSON"}
    return people | {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2}


def shouted_headline(doc: Doc) -> tuple[int, int] | None:
    """The characters of a headline's opening shout in capitals ("BUSTED: Emails Reveal…",
    "BOOM: Trump Just Fired…"): the outlet's exclamation, a judgement before any fact. Only
    at the very start of the text; not a rubric nor a person the article names ("TRUMP:
    …" opens his words)."""
    m = CAPITAL_LABEL.match(text_of(doc))
    if m is None:
        return None
    words = m.group(1).lower().split()
    if any(w in RUBRICS for w in words) or m.group(1).lower() in people_named(doc) or len(m.group(1)) < 4:
        return None
    return m.start(1), m.end(1)
