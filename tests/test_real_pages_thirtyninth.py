"""What real pages write, rule by rule: the forms the thirty-ninth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyeighth.py. The round's
line-break cases are in tests/test_wrapping.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claim_of, claims_around


@pytest.mark.parametrize(
    "line",
    [
        "mossgrove commented on Mar 3",
        "kessler-dev commented on Mar 8 · Maintainer",
        "kessler-dev closed this as completed in #415 on Mar 8",
        "fernbrook added the bug label on Mar 5",
    ],
)
def test_an_issue_tracker_s_event_lines_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


def test_a_comment_that_says_something_still_claims():
    line = "mossgrove commented that kratom kept her awake at 6 g."
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("The committee noted that mitragynine inhibits CYP2D6 in vitro.", "experts"),
        ("The Committee recommended that kratom not be placed under control.", "experts"),
        ("The panel also advised that doses above 40 mg were not supported.", "experts"),
        ("Committee staff notes that some consumers take 3 to 5 grams a day.", "none"),
    ],
)
def test_a_committee_s_finding_is_the_experts_word(text, evidence):
    assert claim_of(text).evidence == evidence
