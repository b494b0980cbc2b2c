"""Names and the actor word lists, without spaCy.

The Django side (actor_identity.py, the actor store, the event JSON) compares
names with these helpers, so this module imports nothing that parses: a web
process stays light. Lexicons are the `lexicons/*.csv` files: a `#` comment
header naming the source, then a CSV header.
"""

from __future__ import annotations

import csv
import difflib
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"


@functools.cache
def load_lexicon(filename: str) -> tuple[dict[str, str], ...]:
    """Rows of `lexicons/<filename>` as dicts; () if the file does not exist."""
    path = LEXICON_DIR / filename
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return tuple(
        {key.strip(): (value or "").strip() for key, value in row.items() if key} for row in csv.DictReader(lines)
    )


# Title words that make another holder of a post: "the president" is not Vice
# President Pence, nor the former one.
OTHER_RANK = frozenset({"vice", "deputy", "former", "assistant", "acting", "ex", "lieutenant", "under"})


@dataclass(frozen=True)
class ActorLexicons:
    title_heads: frozenset[str]
    title_parts: frozenset[str]
    title_gender: dict[str, str]
    title_full: dict[str, str]  # "sen." -> "senator"
    title_office: dict[str, str]  # "congressman" -> "representative"; roles that go with any post have none
    metonyms: dict[str, str]
    countries: dict[str, str]
    demonyms: dict[str, str]
    organizations: dict[str, str]


@functools.cache
def actor_lexicons() -> ActorLexicons:
    titles = load_lexicon("actor_titles.csv")
    return ActorLexicons(
        title_heads=frozenset(r["word"] for r in titles if r["role"] == "head"),
        title_parts=frozenset(r["word"] for r in titles if r["role"] == "part"),
        title_gender={r["word"]: r["gender"] for r in titles if r.get("gender")},
        title_full={r["word"]: r["stands_for"] for r in titles if r.get("stands_for")},
        title_office={r["word"]: r["office"] for r in titles if r.get("office")},
        metonyms={r["metonym"]: r["actor"] for r in load_lexicon("actor_metonyms.csv")},
        countries={r["variant"]: r["country"] for r in load_lexicon("actor_countries.csv")},
        demonyms={r["demonym"]: r["country"] for r in load_lexicon("actor_demonyms.csv")},
        organizations={r["variant"]: r["organization"] for r in load_lexicon("actor_organizations.csv")},
    )


@functools.cache
def title_words() -> frozenset[str]:
    """Every word of lexicons/actor_titles.csv, heads and parts ("sen.", "lt.", "foreign"):
    built once, as a word is looked up in it for every capitalised word of a headline."""
    lexicons = actor_lexicons()
    return lexicons.title_heads | lexicons.title_parts


def fold(text: str) -> str:
    """Lower case without accents or possessive, for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip(" .'’-")


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _words(name: str) -> list[str]:
    """The words of a name without a generational suffix ("Jesse Jackson Jr." -> Jesse Jackson)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words


def suffix(name: str) -> str:
    """ "jr", "sr", "iii" … or "": Jesse Jackson Jr. is not the Rev. Jesse Jackson."""
    words = name.replace(",", " ").split()
    return words[-1].lower().rstrip(".") if len(words) > 1 and words[-1].lower() in _SUFFIXES else ""


def surname(name: str) -> str:
    words = _words(name)
    last = fold(words[-1]) if words else ""
    for prefix in ("al-", "el-", "ibn-", "bin-"):
        last = last.removeprefix(prefix)
    return last


def given(name: str) -> str:
    parts = _words(name)
    return fold(parts[0]) if len(parts) > 1 else ""


@functools.cache
def _nicknames() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for row in load_lexicon("nicknames.csv"):
        forms.setdefault(row["nickname"], set()).add(row["given"])
    return {k: frozenset(v) for k, v in forms.items()}


def given_names_match(a: str, b: str) -> bool:
    if not a or not b:
        return True
    nicknames = _nicknames()
    if b in nicknames.get(a, ()) or a in nicknames.get(b, ()):
        return True  # "Chuck" Schumer is Charles Schumer
    if len(a) <= 2 or len(b) <= 2:  # initials: "R." and "Rex"
        return a[0] == b[0]
    if a.startswith(b) or b.startswith(a):
        return True  # a short form: "Tim" Murray is Timothy Murray, "Chris" is Christopher
    return a[0] == b[0] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


_GENDERS = {"male": "m", "female": "f"}
# Honorifics before a name, with the gender each says ("" for none); one list for actors,
# labels and genders. Peers' "Lord" and "Lady" are titles (actor_titles.csv).
_HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "mx": "", "dr": "", "prof": "",
}


def is_honorific(word: str) -> bool:
    """ "Mr.", "mrs", "Dr", "Sir" …: a courtesy before a name, not part of it."""
    return word.lower().rstrip(".") in _HONORIFIC_GENDER


@functools.cache
def _name_genders() -> Any:
    import gender_guesser.detector  # pure Python; reads its name list once (about 1.7 s)

    return gender_guesser.detector.Detector(case_sensitive=False)


def given_name_gender(given_name: str) -> str:
    """ "f" or "m" when a given name is clearly a woman's or a man's ("Melania", "Donald"),
    else "" (unknown, unisex or only mostly one: "Kim", "Chris"). The names are those of
    the PyPI package gender-guesser 0.4.0 (Jörg Michael's nam_dict.txt, GFDL 1.2)."""
    if len(given_name) < 2 or not given_name.isalpha():
        return ""
    return _GENDERS.get(_name_genders().get_gender(given_name.capitalize()), "")


def honorific_gender(form: str) -> str:
    """ "m" for "Mr. Trump" or "Sir Keir", "f" for "Mrs./Ms./Miss Trump", else ""."""
    first = form.split()[0].lower().rstrip(".") if form.split() else ""
    return _HONORIFIC_GENDER.get(first, "")


def name_gender(forms: Iterable[str]) -> str:
    """The one gender a person's forms of name say (honorifics, given names), else ""
    (none, or both: "Mr. Clinton" and "Hillary Clinton" in one set are two people)."""
    genders = {g for form in forms if (g := honorific_gender(form) or given_name_gender(personal_given(form)))}
    return genders.pop() if len(genders) == 1 else ""


def personal_given(name: str) -> str:
    """The given name, skipping titles and honorifics ("President Vladimir Putin"
    -> "vladimir", "President Putin" and "General Milley" -> "")."""
    lex = actor_lexicons()
    words = [w for w in name.split() if not is_honorific(w)]
    while len(words) > 1 and (
        words[0].lower() in lex.title_heads or words[0].lower() in lex.title_parts or words[0] in lex.demonyms
    ):
        words = words[1:]
    return given(" ".join(words))


@functools.cache
def actor_words(cls: str) -> frozenset[str]:
    """One word class of lexicons/actor_words.csv."""
    return frozenset(r["word"] for r in load_lexicon("actor_words.csv") if r["class"] == cls)


def faction_word(word: str) -> bool:
    """ "conservatives", "Democrats", "lawmakers": members who speak as a faction of
    their body or party ("House conservatives"), not for it."""
    low = word.lower()
    factions = actor_words("faction")
    return low in factions or (low.endswith("s") and low[:-1] in factions)


@functools.cache
def institution_nouns() -> frozenset[str]:
    """Head nouns that stand for a country's or group's leadership ("the government",
    "the administration"): institution_nouns.csv."""
    return frozenset(r["term"] for r in load_lexicon("institution_nouns.csv"))


@functools.cache
def person_nouns() -> dict[str, str]:
    """Role nouns news uses for one person ("the defendant", "the veteran"), with
    the gender the word says: person_nouns.csv and the person descriptions of
    actor_words.csv."""
    nouns = {r["word"]: r.get("gender", "") for r in load_lexicon("person_nouns.csv")}
    for word in actor_words("person_description"):
        nouns.setdefault(word, "")
    return nouns
