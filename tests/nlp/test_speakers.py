from __future__ import annotations

import pytest

from articles.nlp.mentions import Mentions
from articles.nlp.speakers import _UNRESOLVED, _owner, _state_body_of
from articles.nlp.types import QuoteResult


def speakers(quotes):
    return [(q.speaker_mention, q.speaker) for q in quotes]


def test_a_pronoun_speaker_resolves_to_the_last_named_person(quotes_of):
    quotes = quotes_of(
        "Russia remains wary. Sergei Lavrov met reporters in Moscow. He said that the talks had been frank."
    )
    assert speakers(quotes) == [("He", "Sergei Lavrov")]
    assert quotes[0].confidence >= 0.6


def test_a_pronoun_skips_countries_to_find_a_person(quotes_of):
    quotes = quotes_of(
        "Sergei Lavrov said Russia has other facts. Russia wants an honest investigation. "
        "He said that the US acted rashly."
    )
    assert speakers(quotes)[-1] == ("He", "Sergei Lavrov")


def test_she_goes_to_a_woman_not_to_the_nearer_man(quotes_of):
    quotes = quotes_of(
        "Foreign Ministry Spokeswoman Maria Zakharova spoke after Sergei Lavrov left. "
        "She said the meeting would take place."
    )
    assert speakers(quotes) == [("She", "Maria Zakharova")]


def test_it_refers_to_the_document_that_was_the_subject_before(quotes_of):
    quotes = quotes_of(
        "Moscow vetoed a draft resolution on Syria. The draft leaned heavily on the Syrian government. "
        "It said inspectors must be given unrestricted access."
    )
    assert speakers(quotes)[-1] == ("It", "the draft resolution")


def test_it_refers_to_an_organisation(quotes_of):
    quotes = quotes_of("The International Monetary Fund cut its forecast. It said inflation would remain elevated.")
    assert speakers(quotes) == [("It", "International Monetary Fund")]


def test_a_description_resolves_to_the_actor_introduced_with_that_title(quotes_of):
    quotes = quotes_of(
        "Russian Foreign Secretary Sergei Lavrov met Rex Tillerson. "
        "The Russian foreign secretary also stated that the future of Syria is for Syrians to decide."
    )
    assert speakers(quotes) == [("The Russian foreign secretary", "Sergei Lavrov")]


def test_a_bare_title_resolves_to_the_only_person_with_it(quotes_of):
    quotes = quotes_of("Iranian Foreign Minister Javad Zarif flew to Oslo. The minister said Iran was ready to talk.")
    assert speakers(quotes) == [("The minister", "Javad Zarif")]


@pytest.mark.parametrize(
    ("subject", "actor"),
    [
        ("Moscow", "Russia"),
        ("The Kremlin", "Russia"),
        ("Washington", "United States"),
        ("Beijing", "China"),
        ("Downing Street", "United Kingdom"),
    ],
)
def test_a_seat_of_government_speaks_for_its_country(quotes_of, subject, actor):
    quotes = quotes_of(f"{subject} said on Monday that the sanctions would stay in place.")
    assert speakers(quotes) == [(subject, actor)]


def test_the_white_house_is_kept_as_itself(quotes_of):
    quotes = quotes_of("The White House said on Monday that the sanctions would stay in place.")
    assert [(q.speaker, q.source_type) for q in quotes] == [("White House", "actor")]


def test_an_appositive_names_the_speaker(quotes_of):
    quotes = quotes_of("Russia’s foreign minister, Sergei Lavrov, said the west was waging a hybrid war.")
    assert [q.speaker for q in quotes] == ["Sergei Lavrov"]


def test_a_spokesman_for_an_organisation_speaks_for_it(quotes_of):
    quotes = quotes_of("A spokesman for the Metropolitan Police said no arrests had been made.")
    assert [q.speaker for q in quotes] == ["Metropolitan Police"]


def test_a_possessor_is_not_the_speaker(quotes_of):
    quotes = quotes_of("Sergei Lavrov arrived late. Lavrov’s spokeswoman said the delay was technical.")
    assert [(q.speaker, q.source_type) for q in quotes] == [("Lavrov’s spokeswoman", "anonymous")]


def test_an_unnamed_speaker_is_the_phrase_as_written_with_low_confidence(quotes_of):
    quotes = quotes_of("One witness said the gunman fired several shots.")
    assert [(q.speaker, q.source_type) for q in quotes] == [("One witness", "anonymous")]
    assert quotes[0].confidence <= 0.3


def test_a_pronoun_with_no_antecedent_stays_unresolved(quotes_of):
    quotes = quotes_of("He said the deal was dead.")
    assert [(q.speaker, q.confidence <= 0.3) for q in quotes] == [(None, True)]


# --- the three seed articles ----------------------------------------------------


def attributed(quotes):
    return {(q.cue, q.speaker_mention, q.speaker) for q in quotes}


def test_the_summary_article_attributes_pronouns_and_descriptions_to_lavrov(seed_docs, quotes_of):
    found = attributed(quotes_of(seed_docs[0].text))
    assert ("According to", "Lavrov", "Sergei Lavrov") in found
    assert ("asserted", "Lavrov", "Sergei Lavrov") in found
    assert ("said", "He", "Sergei Lavrov") in found
    assert ("saying", "The Russian foreign secretary", "Sergei Lavrov") in found
    assert ("saying", "He", "Sergei Lavrov") in found
    assert ("said", "Tillerson", "Rex Tillerson") in found
    assert ("continues to remark", "Secretary of State Rex Tillerson", "Rex Tillerson") in found


def test_the_opinion_article_finds_zakharova_and_lavrov(seed_docs, quotes_of):
    quotes = quotes_of(seed_docs[1].text)
    zakharova = next(q for q in quotes if q.speaker == "Maria Zakharova")
    assert (zakharova.kind, zakharova.cue) == ("direct", "described")
    assert zakharova.text.startswith("… (a) trilateral meeting of foreign ministers")
    found = attributed(quotes)
    assert ("went on to say", "He", "Sergey Lavrov") in found
    assert ("was insistent", "Tillerson", "Rex Tillerson") in found
    assert ("confirmed", "Moscow", "Russia") in found
    stating = next(q for q in quotes if q.cue == "stating")
    assert (stating.speaker, stating.kind) == ("Sergey Lavrov", "mixed")
    assert not any(q.text == "duty" or q.text == "impartial" for q in quotes)


def test_the_wire_article_attributes_metonyms_and_the_draft_resolution(seed_docs, quotes_of):
    quotes = quotes_of(seed_docs[2].text)
    found = attributed(quotes)
    assert ("calling", "Moscow", "Russia") in found
    assert ("accused", "Washington", "United States") in found
    it_said = next(q for q in quotes if q.speaker_mention == "It" and q.cue == "said")
    assert (it_said.cue, it_said.speaker, it_said.kind) == ("said", "the draft resolution", "mixed")
    assert it_said.text.startswith("inspectors chosen by the UN")


# --- names, descriptions and organisations in other news styles (nlp-2) -----------------


def test_a_nationality_noun_goes_back_to_the_person_just_named(quotes_of):
    text = "Real Madrid manager Carlo Ancelotti looked tired. “We lacked energy,” the Italian said."
    assert speakers(quotes_of(text)) == [("the Italian", "Carlo Ancelotti")]


def test_an_age_description_goes_back_to_the_person_just_named(quotes_of):
    text = "Striker Erling Haaland scored twice. “I just finish the chances,” said the 24-year-old."
    assert speakers(quotes_of(text)) == [("the 24-year-old", "Erling Haaland")]


def test_a_description_with_nobody_named_before_stays_unresolved(quotes_of):
    quotes = quotes_of("The 41-year-old said the fire spread quickly.")
    assert [(q.speaker, q.source_type) for q in quotes] == [("The 41-year-old", "anonymous")]


def test_a_word_of_a_full_name_refers_to_that_person(quotes_of):
    text = "South Korean President Moon Jae-in met investors. Moon said the economy would recover."
    assert speakers(quotes_of(text)) == [("Moon", "Moon Jae-in")]


def test_a_surname_the_tagger_calls_a_noun_still_joins_the_full_name(quotes_of):
    text = "Chief Executive Murray Auchincloss spoke first. “We will stay disciplined,” Auchincloss said."
    assert speakers(quotes_of(text)) == [("Auchincloss", "Murray Auchincloss")]


def test_a_specific_organisation_noun_goes_back_to_the_only_organisation_that_acts(quotes_of):
    text = "The International Energy Agency said oil demand would peak. The watchdog said prices would fall."
    assert [q.speaker for q in quotes_of(text)] == ["International Energy Agency", "International Energy Agency"]


def test_the_company_refers_to_a_name_ner_took_for_a_place(quotes_of):
    text = "Shares in Nvidia rose 4% after the company said sales had doubled."
    assert speakers(quotes_of(text)) == [("the company", "Nvidia")]


def test_a_countrys_ministry_speaks_for_the_country(quotes_of):
    assert speakers(quotes_of("Japan’s Foreign Ministry said the talks would resume.")) == [
        ("Japan’s Foreign Ministry", "Japan")
    ]


def test_a_dateline_subject_does_not_steal_the_speaker(quotes_of):
    text = "KYIV, Ukraine (AP) — Ukraine’s navy said it had sunk a landing ship."
    assert [q.speaker for q in quotes_of(text)] == ["Ukraine"]


# --- US congressional style, descriptions before names, appositive subjects (nlp-3) -----


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. Elizabeth Warren of Massachusetts said the merger would hurt consumers.", "Elizabeth Warren"),
        ("“This is a disgrace,” said Rep. Jim Jordan of Ohio.", "Jim Jordan"),
        ("Gov. Josh Shapiro of Pennsylvania told reporters that the bridge would reopen.", "Josh Shapiro"),
        ("Sen. John Cornyn, R-Texas, said the deal was dead.", "John Cornyn"),
        ("Rep. Ro Khanna (D-Calif.) said the plan would fail.", "Ro Khanna"),
    ],
)
def test_a_lawmaker_s_state_or_party_is_not_the_speaker(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_party_and_state_in_brackets_stay_out_of_the_mention(quotes_of):
    assert speakers(quotes_of("Rep. Ro Khanna (D-Calif.) said the plan would fail.")) == [
        ("Rep. Ro Khanna", "Ro Khanna")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A teacher who was sacked for refusing to mark exams told a tribunal that she had been treated "
            "unfairly.\n\n“I gave twenty years to that school,” Sarah Collins, 52, said.",
            "Sarah Collins",
        ),
        (
            "A father whose daughter died in the floods has said the council ignored repeated warnings.\n\n"
            "David Hughes, 47, said: “Nobody listened to us.”",
            "David Hughes",
        ),
        (
            "A federal judge on Tuesday struck down the rule, saying it exceeded the agency's powers.\n\n"
            "Judge Maria Ortiz wrote that the agency had \"ignored the plain text\" of the statute.",
            "Maria Ortiz",
        ),
    ],
)
def test_a_lede_description_is_the_person_named_right_after(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker, speaker]


@pytest.mark.parametrize(
    "text",
    [
        # an anonymous source, then someone else
        "A neighbour, who did not want to be named, said the family kept to themselves.\n\n"
        "Paul Reid, 60, said inquiries were continuing.",
        # the next speaker is introduced in another role
        "A police officer said the driver fled the scene.\n\n“I saw everything,” said neighbour Jane Doe.",
        "A witness said the car was speeding.\n\nDetective Inspector Rachel Moore said officers were appealing "
        "for dashcam footage.",
        # somebody was named before the description
        "Tom Smith was arrested on Monday. A witness said he ran towards the station.\n\n“He was fast,” Ann Lee said.",
    ],
)
def test_a_description_is_not_given_to_another_person_named_next(quotes_of, text):
    first = quotes_of(text)[0]
    assert first.source_type == "anonymous"
    assert first.speaker == first.speaker_mention


@pytest.mark.parametrize(
    ("text", "description", "speaker"),
    [
        ("Novak Djokovic won easily. His next opponent, Carlos Alcaraz, conceded he had been nervous. "
         "“I could not breathe,” the Spaniard said.", "the Spaniard", "Carlos Alcaraz"),
        ("Arsenal lost at home. Their captain, Martin Odegaard, admitted the team had been poor. "
         "“We have to look at ourselves,” the Norwegian said.", "the Norwegian", "Martin Odegaard"),
        ("Mikel Arteta praised his side. Benfica coach Bruno Lage was furious. "
         "“The referee decided the game,” the Portuguese said.", "the Portuguese", "Bruno Lage"),
    ],
)
def test_a_nationality_goes_to_the_person_just_introduced_by_apposition(quotes_of, text, description, speaker):
    assert speakers(quotes_of(text))[-1] == (description, speaker)


def test_the_named_subject_speaks_when_ner_mistakes_a_club_for_a_person(quotes_of):
    text = "Manchester United manager Ruben Amorim said the Dutchman had been excellent."
    assert [q.speaker for q in quotes_of(text)] == ["Ruben Amorim"]


# --- descriptions, state bodies, employers, unnamed documents, recency (nlp-4) ---------


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        (
            "Hollywood star Meryl Streep spoke at the festival on Sunday. "
            "The veteran actress, 75, said she had no plans to retire.",
            "The veteran actress, 75",
            "Meryl Streep",
        ),
        ("Jordan Wells, 19, pleaded guilty to burglary. The defendant told the court he was sorry.", "The defendant",
         "Jordan Wells"),
        ('Chart-topper Dua Lipa played two nights in Dublin. "I love this city," the singer told fans.', "the singer",
         "Dua Lipa"),
        ('Nvidia’s Jensen Huang took the stage in Taipei. "The future is here," the executive said.', "the executive",
         "Jensen Huang"),
    ],
)
def test_a_role_description_refers_back_to_the_person_named_before(quotes_of, text, mention, speaker):
    assert speakers(quotes_of(text)) == [(mention, speaker)]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        (
            "The education secretary, Bridget Phillipson, visited a school in Leeds. "
            "The minister said teachers deserved a pay rise.",
            "The minister",
            "Bridget Phillipson",
        ),
        (
            "Canada's finance minister, Chrystia Freeland, met bankers in Toronto. "
            "The secretary said the budget would balance.",
            "The secretary",
            "Chrystia Freeland",
        ),
    ],
)
def test_a_bare_office_refers_to_the_titled_person_before_it(quotes_of, text, mention, speaker):
    assert speakers(quotes_of(text)) == [(mention, speaker)]


def test_a_bare_office_does_not_go_to_someone_without_a_title(quotes_of):
    quotes = quotes_of("Lorna Hayes runs a bakery in Cork. The minister said the scheme would continue.")
    # an office holder nobody was named for: not Lorna Hayes, and not an anonymous source either (a
    # source named but not resolved, like a name nobody made an actor of)
    assert [(q.speaker, q.source_type) for q in quotes] == [("The minister", "unknown")]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ann Okafor spoke on Monday. The mayor said that the budget was too small.",
        "Sen. Lindsey Graham met donors in Columbia. The president said that the talks had failed.",
        "Vice President Mike Pence toured the plant in Ohio. The president said that the tariffs would stay.",
    ],
)
def test_an_office_does_not_go_to_someone_titled_with_another(quotes_of, text):
    # a senator is not the mayor, nor a vice president the president: the office holder
    # stays unresolved, typed like an office nobody was named for
    quotes = quotes_of(text)
    assert [(q.speaker, q.source_type) for q in quotes] == [(q.speaker_mention, "unknown") for q in quotes]
    assert len(quotes) == 1


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("Sen. Ann Okafor spoke on Monday. The senator said that the budget was too small.", "The senator",
         "Ann Okafor"),
        ("Rep. Tom Reed visited a factory in Corning. The congressman said that the plant would reopen.",
         "The congressman", "Tom Reed"),
        ("Rep. Tom Reed visited a factory in Corning. The chairman said that the plant would reopen.",
         "The chairman", "Tom Reed"),
        ("Mr. Brandt spoke to reporters in Berlin. The president said that the talks had failed.",
         "The president", "Brandt"),
    ],
)
def test_an_office_goes_to_someone_whose_title_may_hold_it(quotes_of, text, mention, speaker):
    # the same post, a synonym or an abbreviation of it; "chairman" goes with any post,
    # and "Mr." names none
    assert speakers(quotes_of(text)) == [(mention, speaker)]


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        (
            "India's external affairs ministry summoned the envoy on Monday. "
            "The ministry said the remarks were unacceptable.",
            "The ministry",
            "India",
        ),
        (
            "Japan's defence ministry reported a missile launch. Later the ministry said the missile fell outside "
            "its waters.",
            "the ministry",
            "Japan",
        ),
        ("The Brazilian government announced new tariffs. The government said imports had surged.", "The government",
         "Brazil"),
    ],
)
def test_the_state_body_named_before_speaks_for_its_country(quotes_of, text, mention, country):
    assert speakers(quotes_of(text))[-1] == (mention, country)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Economists at Barclays said inflation would peak in the spring.", "Barclays"),
        ("Scientists at the Met Office said the summer was the hottest on record.", "Met Office"),
        ("Researchers from Stanford said the vaccine was safe.", "Stanford"),
    ],
)
def test_people_at_an_organisation_speak_for_it(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment rose to 5% in March, according to a report published on Tuesday.",
        "Sales of electric cars fell sharply last year, according to an analysis by the Guardian.",
        "Crime fell in most cities, according to a survey of police forces.",
    ],
)
def test_according_to_an_unnamed_document_is_typed_a_document(quotes_of, text):
    quotes = quotes_of(text)
    assert [q.source_type for q in quotes] == ["document"]
    assert text.index(quotes[0].speaker) > text.index("according to")


def test_a_document_that_is_the_subject_still_speaks(quotes_of):
    assert [q.speaker for q in quotes_of("A new survey suggests that most voters oppose the plan.")] == ["the survey"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Ann Cole opened the bridge on Monday. Engineers praised it. When Rita Gomez arrived, the crowd "
            "cheered. “It was worth the wait,” she said.",
            "Rita Gomez",
        ),
        (
            "Chancellor Olaf Brandt addressed parliament on Tuesday. The debate lasted hours. After Lena Vogt "
            "finished her speech, members applauded. “We owe it to the next generation,” she said.",
            "Lena Vogt",
        ),
        (
            "Defender Sam Hollis was sent off in the first half. The crowd booed. Once Jack Moran scored, the mood "
            "lifted. “It was a relief,” he said.",
            "Jack Moran",
        ),
        (
            "The coach, Tom Barnes, has led the team for six years. Fans love him. We spoke to the club's captain, "
            'Jake Harris, after training. "We are ready," he said.',
            "Jake Harris",
        ),
    ],
)
def test_a_pronoun_prefers_the_person_the_sentence_before_names(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_pronoun_skips_a_possessive_in_its_own_sentence(quotes_of):
    quotes = quotes_of("Governor Mike Dunn signed the bill. Asked about Senator Ruth Hale's criticism, he said the law "
                       "was fair.")
    # (the question, asked by nobody named, is reported without a source)
    assert [q.speaker for q in quotes if q.cue == "said"] == ["Mike Dunn"]


def test_a_description_before_the_name_resolves_through_a_later_role_description(quotes_of):
    quotes = quotes_of(
        "A teenager accused of stabbing a shopkeeper told a jury that he acted in self-defence. "
        "Callum Reid, 17, denies murder. Giving evidence, the defendant said he had been scared."
    )
    assert [(q.speaker_mention, q.speaker) for q in quotes] == [
        ("A teenager", "Callum Reid"),
        ("the defendant", "Callum Reid"),
    ]


# --- one person one actor, in the article's context (nlp-5) ------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mr. Okafor said the bill was dead.", "Okafor"),
        ("Mr. King said the bill was dead.", "King"),
        (
            "Rev. Jesse Jackson spoke first. His son, former Rep. Jesse Jackson Jr., was sentenced on Wednesday. "
            "Jackson Jr. said he was sorry.",
            "Jesse Jackson Jr.",
        ),
        ("Sen. Charles Schumer met the president. Chuck Schumer said the talks had failed.", "Charles Schumer"),
        ("Peter Strzok testified on Thursday. Special Agent Strzok said he had no bias.", "Peter Strzok"),
        ("Arizona Sheriff Dale Marsh spoke on Monday. The sheriff said the jail was full.", "Dale Marsh"),
        ("Sheriff Dale Marsh toured the jail. Sheriff Marsh said it was full.", "Dale Marsh"),
        ("Sen. Bernie Sanders campaigned in Iowa. The Vermont senator said the system was rigged.", "Bernie Sanders"),
        (
            "President Barack Obama met Vice President Mike Pence. The president said the transition was going well.",
            "Barack Obama",
        ),
        ("Mitt Romney spoke in Ohio. A Romney campaign aide said he would not attend.", "A Romney campaign aide"),
        # nlp-8: a place in a description picks the person the article ties to it
        (
            "Sen. Ann Mercer (R-Fla.) and Sen. Tom Hollis met on Monday. The Florida senator said the deal was close.",
            "Ann Mercer",
        ),
        (
            "Sen. Tom Hollis and Sen. Ann Mercer met on Monday. The Vermont senator said the deal was close.",
            "The Vermont senator",
        ),
        ("President Dana Ruiz met the press. The Russian leader said the talks would go on.", "The Russian leader"),
        # a name that only modifies a text or the media is not the source
        ("The firm was paid $2 million, according to U.S. lobbying records.", "U.S. lobbying records"),
        ("The U.S. media claimed the election was over.", "The U.S. media"),
        ("Goldman Sachs strategists said rates would fall.", "Goldman Sachs"),
        # "the company" is not a state nor one of several, and a new poll is not the last one
        (
            "Orvane Logistics moved its offices to Florida last year. The company said profits rose.",
            "Orvane Logistics",
        ),
        ("Polls show a tight race. The Monmouth poll says Hale is ahead by four points.", "the Monmouth poll"),
        ("Greenfield and Acme sued the county. The companies said the tax was unfair.", "The companies"),
    ],
)
def test_a_speaker_is_resolved_as_a_careful_reader_would(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)][-1:] == [speaker]


def test_a_name_before_a_speech_verb_the_parse_left_without_subject_speaks(quotes_of):
    text = (
        "Obama departs today.\n\nIn a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
        "“Hillary Clinton believes that transatlantic cooperation is essential.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Jake Sullivan"]


def test_who_issues_a_statement_speaks_not_the_statement(quotes_of):
    quotes = quotes_of("Senator Mark Olsen issued a statement saying the bill would hurt farmers.")
    assert speakers(quotes) == [("Senator Mark Olsen", "Mark Olsen")]


def test_the_subject_of_a_clause_ending_in_a_colon_says_the_quote(quotes_of):
    quotes = quotes_of('Governor Ana Ruiz took the stage. Ruiz boomed: "We are going to win this state."')
    assert speakers(quotes) == [("Ruiz", "Ana Ruiz")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("U.S. officials said the talks would resume in June.", "U.S. officials"),
        ("A Cairo airport official said the flight left on time.", "A Cairo airport official"),
    ],
)
def test_an_official_of_a_country_or_body_is_an_anonymous_source_not_the_country(quotes_of, text, speaker):
    assert [(q.speaker, q.source_type) for q in quotes_of(text)] == [(speaker, "anonymous")]


def test_the_governor_is_not_the_lieutenant_governor(quotes_of):
    quotes = quotes_of(
        "Gov. Carl Brandt on Wednesday picked his former chief of staff, Owen Pike, for the Senate seat.\n\n"
        "Lt. Gov. Nora Whitfield, who had been mentioned as a candidate, said she supported the choice.\n\n"
        "Asked whether he would run himself, Mr. Brandt laughed. \"I'm not that cool,\" the governor replied."
    )
    assert ("the governor", "Carl Brandt") in speakers(quotes)
    assert ("Lt. Gov. Nora Whitfield", "Nora Whitfield") in speakers(quotes)


def test_an_abbreviated_rank_stays_one_word_and_ends_no_sentence(nlp):
    doc = nlp("Sgt. Ana Ortiz and Capt. Lee Moss said the road was closed. Det. Ray Holt agreed.")
    assert [t.text for t in doc[:3]] == ["Sgt.", "Ana", "Ortiz"]
    assert len(list(doc.sents)) == 2


def test_a_description_of_origin_and_occupation_resolves_to_the_person_named_before(quotes_of):
    quotes = quotes_of(
        "The anchor Rosa Iturbe was removed from a news conference on Tuesday after she asked about the budget.\n\n"
        "Iturbe returned later and asked again.\n\n"
        "\"They tried to silence me,\" the Peruvian-born journalist told a radio host on Wednesday."
    )
    assert ("the Peruvian-born journalist", "Rosa Iturbe") in speakers(quotes)


def test_a_subject_owned_by_whose_speaks_for_the_name_before_it(quotes_of):
    quotes = quotes_of(
        "Former Gov. Mike Huckabee said the party must change. Huckabee, whose book "
        "\"From Hope to Higher Ground\" came out in 2007, added: \"We lost.\""
    )
    assert ("Huckabee", "Mike Huckabee") in speakers(quotes)
    assert not any("whose" in (mention or "") for mention, _ in speakers(quotes))


@pytest.mark.parametrize("dateline", ["DENVER, May 4 (UPI) —", "Denver (AFP) –"])
def test_the_place_of_a_dateline_never_speaks_for_the_person_after_it(quotes_of, dateline):
    quotes = quotes_of(f"{dateline} Former Governor Alma Reyes told reporters at the state capitol that "
                       "the new budget would close three rural hospitals.")
    assert speakers(quotes) == [("Former Governor Alma Reyes", "Alma Reyes")]


def test_the_time_heading_a_live_update_never_speaks(quotes_of):
    quotes = quotes_of("The Latest on the council race:\n\n4:15 p.m.\n\n"
                       "The mayor’s chief of staff says she is “relieved” by the judge’s ruling on the ballots.")
    assert not any(speaker and "p.m." in speaker for _, speaker in speakers(quotes))
    assert [mention for mention, _ in speakers(quotes)] == ["The mayor’s chief of staff"]


@pytest.mark.parametrize("opening", ["That said,", "This said,"])
def test_that_said_means_even_so_and_no_one_speaks(quotes_of, opening):
    quotes = quotes_of(f"The levy has flaws. {opening} the council still expects to pass it in March.")
    assert quotes == []


def test_two_apostrophes_are_one_double_mark_and_according_to_names_its_own_source(quotes_of):
    # Some archives (the New York Times' own) print ''…'' for double quotes.
    quotes = quotes_of("''We will win this fight,'' Ms. Ortega said. ''Nobody doubts it.''\n\n"
                       "The vote became ''the turning point of the session,'' according to Mr. Lind.")
    assert ("Ms. Ortega", "Ortega") in speakers(quotes)
    assert ("Mr. Lind", "Lind") in speakers(quotes)
    assert not any("according to" in q.text for q in quotes)
    assert any(q.text.startswith("We will win this fight") and q.kind == "direct" for q in quotes)


def test_the_owner_of_a_noun_of_speech_resolves_like_a_subject_pronoun(quotes_of):
    quotes = quotes_of("The mayor, Dana Whitcomb, spoke on Monday. "
                       "Her warning that the bridge would close next month drew protests.")
    assert [(q.text, q.speaker) for q in quotes] == [("the bridge would close next month", "Dana Whitcomb")]


def test_the_owner_of_a_noun_of_speech_is_the_person_not_a_phrase_of_its_own(quotes_of):
    # walk (event-07): "President Trump’s demand for …" was listed on "who is quoted" as the
    # source "President Trump (unknown)" beside the actor Trump.
    quotes = quotes_of(
        "President Trump said Friday that he would sign a short-term bill. "
        "The shutdown was sparked by disagreement over President Trump’s demand for $5.7 billion "
        "in funding for a wall on the southern border."
    )
    owned = next(q for q in quotes if q.cue == "demand")
    assert (owned.speaker, owned.source_type) == ("Trump", "actor")


def test_he_said_a_paragraph_on_is_who_he_was_the_sentence_before(quotes_of):
    # walk (event-07, Fox): the name was five sentences back, every sentence since said "he".
    quotes = quotes_of(
        "Governor Ann Lee said Friday that she will sign the bill. "
        "“I am proud of this deal,” she said to applause. "
        "She said the deal would keep the agencies open for three weeks. "
        "She made reference to her earlier threats, calling them a “very powerful weapon.” "
        "The deal appeared to include no money for the bridge, but she said she hoped talks would continue. "
        "“Bridges should not be controversial,” she said."
    )
    last = next(q for q in quotes if q.text.startswith("Bridges"))
    assert last.speaker == "Ann Lee"


@pytest.mark.parametrize("mention", [(None, None), (0, None), (None, 9)])
def test_a_quote_without_a_mention_span_has_no_owner_nor_state_body_rather_than_failing(mention):
    # These helpers checked the span with `assert`: an AssertionError mid-analysis, or,
    # under python -O, a TypeError further on.
    quote = QuoteResult(text="The talks failed", start=0, end=16, kind="indirect", cue="said", cue_start=30,
                        cue_end=34, speaker_mention="Ukraine's navy", mention_start=mention[0],
                        mention_end=mention[1], speaker=None, confidence=0.5)
    assert _owner(quote, Mentions(), {}) is None
    assert _state_body_of(quote, {}, Mentions(), [0]) == (None, _UNRESOLVED)
