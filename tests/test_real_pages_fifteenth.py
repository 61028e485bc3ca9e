"""What real pages write, rule by rule: the forms the fifteenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _fourteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import records_of

# Coordinated subtypes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Speciogynine bound 5-HT1A and 5-HT2B receptors.",
            [("speciogynine", "serotonin receptors", "5-HT1A"), ("speciogynine", "serotonin receptors", "5-HT2B receptors")],
        ),
        (
            "Mitragynine binds α2-adrenergic receptors, 5-HT2A and 5-HT7 serotonin receptors, and dopamine D2 receptors.",
            [
                ("mitragynine", "alpha-2 adrenergic receptors", "α2-adrenergic receptors"),
                ("mitragynine", "serotonin receptors", "5-HT2A"),
                ("mitragynine", "serotonin receptors", "5-HT7 serotonin receptors"),
                ("mitragynine", "dopamine receptors", "dopamine D2 receptors"),
            ],
        ),
        (
            "Haloperidol blocks D2 and D3 receptors.",
            [("haloperidol", "dopamine receptors", "D2"), ("haloperidol", "dopamine receptors", "D3 receptors")],
        ),
    ],
)
def test_coordinated_subtypes_named_alike_are_a_record_each(text, expected):
    found = sorted((m.agent, m.target, m.target_text) for m in records_of(text, "Mechanism"))
    assert found == sorted(expected)


def test_coordinated_families_named_apart_stay_one_target_phrase():
    (first, second) = sorted(records_of("Kratom acts on opioid and adrenergic receptors.", "Mechanism"), key=lambda m: m.target)
    assert (first.target, second.target) == ("adrenergic receptors", "opioid receptors")
    assert first.target_text == second.target_text == "opioid and adrenergic receptors"
