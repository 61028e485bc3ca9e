"""What a claim says backs it, read in an order of precedence: a quotation's speaker, then the
leftmost of a cue of the evidence list and a report by "he" or "she", then the writer's own
experience, then the subject of a reporting verb."""

from __future__ import annotations

from ._match import Hit
from .claim_cues import lexicon

#: Evidence a reference to a paper outranks: it names the study that "is thought to" or "users report".
_CITATION_OUTRANKS = frozenset({"unspecified", "users_report"})


def stated_evidence(text: str, start: int, end: int, words: int | None = None) -> Hit | None:
    """The cue of the evidence the unit ``text[start:end]`` states, its label the kind, or None.

    A report by a pronoun ("He recommends that daily users tell their physician") and a cue of
    the list compete by place: the one that opens the unit frames what follows it. ``words`` is
    the word-index mask of a span holding the unit."""
    lex = lexicon()
    quoted = lex.attribution.quoted(text, start, end, words)
    if quoted is not None:
        return quoted  # the list's cue and a pronoun's report are not read for a quotation's speaker
    listed = _cited(text, start, end, lex.evidence.first(text, start, end, words=words))
    reported = lex.speakers.reported(text, start, end, words)
    return (
        min(filter(None, (listed, reported)), key=lambda hit: hit.start, default=None)
        or lex.personal.first(text, start, end, words=words)
        or lex.attribution.first(text, start, end, words)
    )


def _cited(text: str, start: int, end: int, hit: Hit | None) -> Hit | None:
    """``hit``, or the unit's reference to a paper ("(Kruegel et al., 2019)") as ``studies`` when
    no cue names who backs the claim, or only an unnamed or users' one does."""
    if hit is not None and hit.label not in _CITATION_OUTRANKS:
        return hit
    cited = lexicon().citation.search(text, start, end)
    return Hit(cited.start(), cited.end(), "studies", {}) if cited else hit
