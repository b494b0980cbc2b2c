"""Build articles/nlp/lexicons/verb_classes.csv from Princeton WordNet 3.0.

Run once by a maintainer where WordNet's database files are installed (Debian's
`wordnet-base` puts them in /usr/share/wordnet); the analysis reads only the CSV.

    python scripts/wordnet_verb_classes.py [/usr/share/wordnet] > articles/nlp/lexicons/verb_classes.csv

Each single-word verb gets the lexicographer class of its commonest sense (the first in
the index's order, by SemCor counts): communication ("contend", "deem" is cognition),
cognition, emotion, perception, social, possession, motion, … The attribution model
(articles/nlp/attributions.py) reads it as a feature, so a verb too rare in its training
to have a weight of its own ("opines", "surmises") is scored like the common verbs of
its class.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wordnet_lexicon import read_index

VERSION = "2026-12-07.1"
# WordNet's lexicographer files of verbs (lexnames), by number
CLASSES = {
    29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition", 34: "consumption",
    35: "contact", 36: "creation", 37: "emotion", 38: "motion", 39: "perception", 40: "possession",
    41: "social", 42: "stative", 43: "weather",
}


def read_classes(wordnet: Path) -> dict[str, int]:
    """verb synset offset -> its lexicographer file number."""
    found = {}
    for line in (wordnet / "data.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            offset, number = line.split()[:2]
            found[offset] = int(number)
    return found


def main(argv: list[str]) -> int:
    wordnet = Path(argv[0] if argv else "/usr/share/wordnet")
    classes, index = read_classes(wordnet), read_index(wordnet, "v")
    print("# source: converted for newsframe by scripts/wordnet_verb_classes.py from Princeton WordNet 3.0 "
          "(George A. Miller et al., Cognitive Science Laboratory, Princeton University), as packaged in "
          "Debian's wordnet-base: each single-word verb with the lexicographer class of its commonest sense.")
    print("# licence: WordNet 3.0 licence (permission to use, copy, modify and distribute for any "
          "purpose without fee; WordNet 3.0 Copyright 2006 by Princeton University. All rights "
          "reserved.); this conversion is offered under the same terms.")
    print(f"# version: {VERSION}")
    print("# format: lemma,class")
    print("lemma,class")
    for lemma, senses in sorted(index.items()):
        if "_" not in lemma and senses and lemma.isalpha():
            print(f"{lemma},{CLASSES[classes[senses[0]]]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
