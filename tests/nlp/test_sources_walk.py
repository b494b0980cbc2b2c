"""Sources as a careful reader names them, from a user walk on three-outlet political
coverage: factions, quantified groups, offices, appositives, outlets and party tags.
(Our own sentences; the walk's articles stay in ../shared.)"""

from __future__ import annotations

import pytest

from articles.nlp.sources import source_type_of


def source(quotes, content: str) -> tuple[str | None, str]:
    quote = next(q for q in quotes if content in q.text)
    return quote.speaker, quote.source_type


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Senate moderates said the budget deal would collapse without new revenue.", "Senate moderates"),
        ("House Democrats said the budget deal would collapse without new revenue.", "House Democrats"),
        ("Parliament rebels warned that the budget deal would collapse without new revenue.", "Parliament rebels"),
    ],
)
def test_a_faction_of_a_body_is_a_group_not_the_body(quotes_of, text, speaker):
    assert source(quotes_of(text), "budget deal") == (speaker, "group")


@pytest.mark.parametrize(
    "phrase", ["Every Republican on the panel", "Each Democrat", "All nine Republican members", "Both senators"]
)
def test_a_quantified_set_of_people_is_a_group(phrase):
    assert source_type_of(phrase) == "group"


def test_every_member_demanding_is_a_group(quotes_of):
    quotes = quotes_of("Every Democrat on the finance panel demanded that the minister resign over the loans.")
    assert source(quotes, "resign") == ("Every Democrat", "group")


def test_a_title_resolved_later_is_that_person(quotes_of):
    quotes = quotes_of(
        "The chairman of the Senate banking panel said on Monday that the bank had misled regulators. "
        "In a letter, the panel’s chairman, Senator Dana Whitfield, Republican of Ohio, asked for records."
    )
    assert source(quotes, "misled regulators") == ("Dana Whitfield", "actor")
    assert next(q for q in quotes if "misled" in q.text).confidence >= 0.5  # resolved, not left at 0.2


def test_an_unresolved_office_holder_is_not_anonymous(quotes_of):
    quotes = quotes_of("The chairman of the Senate banking panel said on Monday that the bank had misled regulators.")
    assert source(quotes, "misled regulators") == ("The chairman of the Senate banking panel", "unknown")


@pytest.mark.parametrize("name", ["Peter T. King", "Stephen King", "Alan Bishop"])
def test_a_surname_that_is_also_a_title_is_still_a_name(quotes_of, name):
    quotes = quotes_of(
        f"Representative {name}, a Republican of Ohio and a longtime critic of the tariffs, "
        "said the vote was a mistake."
    )
    assert source(quotes, "was a mistake") == (name, "actor")


def test_an_outlet_described_as_one_reports_as_the_media(quotes_of):
    quotes = quotes_of("Grist, a news site that covers the climate, reported that the talks had stalled.")
    assert source(quotes, "talks had stalled") == ("Grist", "media")


@pytest.mark.parametrize("phrase", ["various media stories", "news reports", "several press accounts"])
def test_stories_of_the_media_are_the_media(phrase):
    assert source_type_of(phrase) == "media"


@pytest.mark.parametrize("tag", ["R-S.C.", "D-N.Y.", "I-Vt."])
def test_a_party_and_state_tag_is_never_an_actor(quotes_of, tag):
    quotes = quotes_of(
        f"Committee Chairman Rep. Ann Carter, {tag}, made the request in a letter on Tuesday. "
        "The committee said the files were lost."
    )
    assert source(quotes, "files were lost")[0] != tag


def test_the_party_is_the_party_of_the_members_named_last(quotes_of):
    quotes = quotes_of(
        "The GOP held its convention in June. The audit weighs on the minds of many Democrats, "
        "and the party is uniformly calling for the department to publish it."
    )
    assert source(quotes, "publish it") == ("Democrats", "group")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ann Carter never gives up, and she is now calling for the agency to publish the audit.", "the agency to"),
        ("The senators are calling for a delay of the vote until after the recess.", "a delay of"),
    ],
)
def test_calling_for_keeps_for_in_the_cue(quotes_of, text, content):
    quote = next(q for q in quotes_of(text) if content in q.text)
    assert quote.text.startswith(content)
    assert quote.cue.endswith("for")


def test_who_is_quoted_as_saying_speaks(quotes_of):
    quotes = quotes_of(
        "Sen. Ann Carter, a Vermont Democrat, was quoted in the Gazette as saying: "
        "“I think our colleagues realize that blocking the bill is not good for them.”"
    )
    assert source(quotes, "blocking the bill") == ("Ann Carter", "actor")


def test_a_body_named_with_of_is_not_a_faction(nlp):
    from articles.nlp.actors import find_actors

    actors, _ = find_actors(nlp("The House of Representatives voted on Tuesday, and the Senate followed."))
    assert ("House of Representatives", "organization") in [(a.name, a.kind) for a in actors]


def test_an_outlet_named_press_or_news_stays_the_actor(quotes_of):
    quotes = quotes_of("The Associated Press reported that the count had ended in Missouri on Tuesday.")
    assert source(quotes, "count had ended")[0] == "Associated Press"


def test_a_party_someone_hosts_is_not_a_political_party(nlp):
    from articles.nlp.actors import find_actors

    _, mentions = find_actors(
        nlp("Many Democrats skipped the debate. Guests at the Gazette’s party booed, and the party ran late.")
    )
    assert not [m.text for m in mentions if "party" in m.text and m.actor == "Democrats"]
