"""The hostile requests of the review of 2026-12-06 (issue 17), as a table: each input with
the answer it must get. test_hostile_requests.py replays them over HTTP through a live
server on PostgreSQL; RELIABILITY.md lists them. (The hostile *files* of that review, JSON
with NUL escapes alone and inside a ZIP, are in the upload corpus, corpus.py.)

A request names who sends it: "" for an anonymous browser, a username for that user's
browser (session and CSRF cookies, as after logging in), or "token:<username>" for the API
with that user's token. Paths and fields may name what the replay sets up first, in braces:

- `{event}`: an event without articles;
- `{csv}`: an event whose articles' titles start with = + - @ (FORMULAS);
- `{png}`, `{zip}`: the reporter's own uploads in which nothing could be read;
- `{confirmed}`, `{confirmed_batch}`: the reporter's upload, confirmed;
- `{double}`, `{a}` … `{d}`, `{p}`, `{q}`: batches waiting on their review page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PASSWORD = "the-victims-long-password"
FORMULAS = ("=SUM(1+1)", "+SUM(1+1)", "-SUM(1+1)", "@SUM(1+1)")
TEN_MB_AND_ONE = 10 * 1024 * 1024 + 1
REFUSED_WHOLE_TEXT = "Only an upload in which no article was found can be taken as one article."


@dataclass(frozen=True)
class Send:
    method: str
    path: str
    who: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes, str]] = field(default_factory=dict)  # name: (filename, bytes, type)
    form: bool = False  # fill the page's own form first (as a browser submits it); `fields` change it


@dataclass(frozen=True)
class Hostile:
    input: str  # in words (RELIABILITY.md's table spells out each request)
    send: tuple[Send, ...]  # more than one: all at the same moment, each from its own connection
    status: int  # the first answer to each (before a redirect is followed)
    says: tuple[str, ...] = ()  # in what the client ends on (the API: its JSON)
    lacks: tuple[str, ...] = ()
    before: tuple[Send, ...] = ()  # sent first, one after the other; each must answer below 500
    adds: dict[str, int] = field(default_factory=dict)  # uploads/articles/events added; empty: none changes


def _review(batch: str, who: str, event_name: str) -> Send:
    return Send("POST", f"/upload/{{{batch}}}/review/", who, {"event_name": event_name}, form=True)


def _login(password: str) -> Send:
    return Send("POST", "/accounts/login/", "", {"username": "victim", "password": password}, form=True)


def _whole_text(upload: str) -> Send:
    return Send("POST", f"/upload/{{{upload}}}/whole-text/", "reporter")


AUTOCOMPLETE = "/admin/autocomplete/?app_label=articles&model_name=quote&field_name=speaker&term=a"

HOSTILE: tuple[Hostile, ...] = (
    Hostile("four confirms of one review (a double submit)", (_review("double", "reporter", "Double"),) * 4,
            302, adds={"articles": 3, "events": 1}),
    Hostile("four users confirming into one event at once",
            tuple(_review(b, f"user-{b}", "Harbour works") for b in "abcd"), 302, adds={"articles": 20, "events": 1}),
    Hostile("two confirms creating the same new event", (_review("p", "user-a", "Same new event"),
                                                          _review("q", "user-b", "Same new event")),
            302, adds={"articles": 4, "events": 1}),
    Hostile("`?actor=%C2%B2` on an event page, anonymous", (Send("GET", "/events/{event}/?actor=%C2%B2"),),
            400, says=("actor must be a whole number",)),
    Hostile("`?articles=%C2%B2` on an event page, anonymous", (Send("GET", "/events/{event}/?articles=%C2%B2"),),
            400, says=("articles must be a whole number",)),
    Hostile("the admin's actor autocomplete with `&event=%C2%B2`", (Send("GET", AUTOCOMPLETE + "&event=%C2%B2",
                                                                         "admin"),),
            400, says=("event must be a whole number",)),
    Hostile("`/api/events/SLUG/quotes?speaker=%00`", (Send("GET", "/api/events/{event}/quotes?speaker=%00"),),
            400, says=("NUL character",)),
    Hostile("an API upload with `event=x\\x00y`", (Send("POST", "/api/uploads", "token:reporter",
                                                        {"text": "Some text.", "event": "x\x00y"}),),
            400, says=("NUL character",)),
    Hostile("\"take the whole text\" on one's own binary upload", (_whole_text("png"),), 302,
            says=(REFUSED_WHOLE_TEXT,)),
    Hostile("\"take the whole text\" on one's own ZIP upload", (_whole_text("zip"),), 302, says=(REFUSED_WHOLE_TEXT,)),
    Hostile("\"take the whole text\" on a confirmed upload", (_whole_text("confirmed"),), 302,
            says=(REFUSED_WHOLE_TEXT,)),
    Hostile("the CSV export of titles starting with = + - @", (Send("GET", "/events/{csv}/export/articles.csv"),),
            200, says=tuple(f",'{f}," for f in FORMULAS), lacks=tuple(f",{f}," for f in FORMULAS)),
    Hostile("the same with `?exact=1`", (Send("GET", "/events/{csv}/export/articles.csv?exact=1"),),
            200, says=tuple(f",{f}," for f in FORMULAS)),
    Hostile("an editor's API token reading another user's upload",
            (Send("GET", "/api/uploads/{confirmed}", "token:editor"),), 404, says=("Not Found",)),
    Hostile("the same editor on that upload's review page and raw download",
            (Send("GET", "/upload/{confirmed_batch}/review/", "editor"),
             Send("GET", "/upload/{confirmed}/raw/", "editor")), 403),
    Hostile("30 wrong passwords, then the right one", (_login(PASSWORD),), 429,
            says=("Too many wrong passwords",), before=(_login("a-wrong-guess"),) * 30),
    Hostile("an API upload whose `text` is 10 MB and one byte",
            (Send("POST", "/api/uploads", "token:reporter", {"text": "x" * TEN_MB_AND_ONE, "event_name": "Big"}),),
            413, says=("MB limit",)),
    Hostile("a refused paste (no article in it) with the event name `My event`",
            (Send("POST", "/upload/", "reporter", {"event_name": "My event"},
                  {"pasted": ("pasted.txt", b"Hello there.", "text/plain")}),),
            400, says=('value="My event"',), lacks=("[&#x27;My event&#x27;]",), adds={"uploads": 1}),
)
