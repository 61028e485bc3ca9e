"""What real pages write, rule by rule: the forms the forty-second round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _fortyfirst.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claims_around


@pytest.mark.parametrize(
    "line",
    [
        "#1 Red Bali",
        "#5 Green Malay (honorable mention)",
        '#2. "Kratom is an opioid"',
        "#3  nurse_farah | Healthcare Worker (verified)",
    ],
)
def test_a_line_opened_by_a_number_after_a_hash_is_a_ranking_s_or_a_post_s_heading(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize("line", ["#1 pick for sleep is red vein kratom.", "#kratom helps me sleep."])
def test_a_sentence_after_a_hash_still_claims(line):
    assert line in claims_around(line)
