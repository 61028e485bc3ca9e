"""The first text a process reads gives the records any later reading of it gives.

Every lexicon's matcher registers its words in the word index when it is built, and a sentence's
word mask read before that rules its entries out; built lazily midway through the first text,
a matcher found less there than in every later one.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEEDS, seed_text
from kratom_dataset.extractors import extract, ready
from kratom_dataset.extractors._words import INDEX

TEXT = "Midazolam is a sensitive CYP3A4 substrate. St John's wort speeds up liver enzymes."

_READ_TWICE = """
import json, sys
from kratom_dataset.extractors import extract
def mechanisms(text):
    return sorted([r.agent, r.action, r.target] for r in extract(text) if type(r).__name__ == "Mechanism")
first = mechanisms(sys.argv[1])
extract("Kratom can interact with antidepressants, blood thinners and sedatives.")
print(json.dumps([first, mechanisms(sys.argv[1])]))
"""


def test_the_first_text_a_process_reads_gives_the_records_of_a_later_reading():
    done = subprocess.run([sys.executable, "-c", _READ_TWICE, TEXT], check=True, capture_output=True, text=True)
    first, later = json.loads(done.stdout)
    assert first == later
    assert ["midazolam", "interacts_with", "CYP3A4"] in first


def test_no_matcher_registers_words_after_the_lexicons_are_ready():
    held = ready()
    for text in [*map(seed_text, SEEDS), TEXT, "Step size: 10% of the current daily amount", "MG = partial MOR agonist, KOR/DOR antag"]:
        extract(text)
    assert INDEX.registered == held
