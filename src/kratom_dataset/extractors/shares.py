"""A share of the dose named in words: "a quarter of your daily amount", "reduce it by a tenth",
which a taper cuts as it cuts a percentage (read by :mod:`.amounts` as an amount in "%")."""

from __future__ import annotations

import re
from collections.abc import Iterator

#: The percent each share's words name.
_SHARES = {"a quarter": 25.0, "one quarter": 25.0, "a third": 100 / 3, "one third": 100 / 3, "a fifth": 20.0, "a tenth": 10.0, "half": 50.0}
#: A share as a taper names it: "a quarter", "one third", "a tenth".
_SHARE = r"an? (?:quarter|third|fifth|tenth)|one[- ](?:quarter|third)"
_SHARE_OF_DOSE = re.compile(
    rf"(?<![\w-])(?<!and a )(?P<share>{_SHARE}|half)"
    r"(?= of (?:(?:your|the|their|my|his|her|that) )?(?:(?:daily|current|total|starting|usual) )?(?:dose|amount|intake|total)\b"
    r"| (?:at once|in one (?:go|step)|per (?:week|step)|each (?:week|step)|every (?:[\w-]+ ){0,2}(?:days?|weeks?))\b)",
    re.IGNORECASE,
)
# The words a share of the dose is written with: where none stands, neither pattern below is tried.
_SHARE_WORD = re.compile(r"quarter|third|fifth|tenth|half", re.IGNORECASE)
# "reduce it by a tenth", "dropping by a quarter every 4-5 days", "cutting the dose by no more than
# a quarter at a time": a share the taper verb cuts.
_SHARE_CUT = re.compile(
    r"\b(?:cut|reduc|drop|lower|decreas)\w*\s+(?:(?:it|that|this|them|(?:the|your|their|my) (?:daily )?(?:dose|amount|total|intake))\s+)?"
    rf"by\s+(?:(?:no|not) more than\s+|at most\s+|about\s+|around\s+|roughly\s+|up to\s+)?(?P<share>{_SHARE})(?![\w-])(?! of\b)",
    re.IGNORECASE,
)


def dose_shares(text: str, s: int, e: int) -> Iterator[tuple[int, int, float]]:
    """Each share of the dose ``text[s:e]`` names, as (start, end, percent): first those of a
    dose, then those a taper's verb cuts, each leftmost first."""
    if not _SHARE_WORD.search(text, s, e):
        return
    for share_of in (_SHARE_OF_DOSE, _SHARE_CUT):
        for m in share_of.finditer(text, s, e):
            yield m.start("share"), m.end("share"), _SHARES[m.group("share").lower().replace("-", " ")]
