"""Record ids: content-derived, the same bytes whichever way the payload is written."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from kratom_dataset.provenance import record_id

PARTS = st.lists(
    st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.text(max_size=20),
        st.text(alphabet="abc-._09", max_size=12),
        st.booleans(),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    ),
    max_size=6,
)


def by_json(prefix, *parts):
    """The definition: SHA-256 of the parts as compact, key-sorted JSON, 16 hex digits."""
    payload = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{prefix}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"


@given(parts=PARTS)
def test_a_record_id_is_the_hash_of_its_parts_as_json(parts):
    assert record_id("clm", *parts) == by_json("clm", *parts)


def test_a_record_id_depends_on_every_part():
    assert len({record_id("clm", "a", 1, 2), record_id("clm", "a", 1, 3), record_id("clm", "b", 1, 2), record_id("dos", "a", 1, 2)}) == 4
