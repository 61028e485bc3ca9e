"""What a relative pronoun describes: "which", "that" and "who" point to the name just before them
("clonidine or lofexidine, which reduce ..."), not to a clause's subject as "it" does."""

from __future__ import annotations

import re

from ._match import Hit
from .mentions import coordinated_before

RELATIVE_PRONOUN = re.compile(r"which|that|who")  # in lower case: "That metabolite" opens a sentence
# What a relative pronoun may describe that names nobody: "a drug that", "any medicine which", "one
# that", "anything that" (but "drugs that" name a class); the word before it tells a predicate or an appositive
# ("X is a compound that", "X, an alkaloid that", "X: a product that"), which describes the name before.
_GENERIC_HEAD = re.compile(
    r"(?<![\w’'-])(?P<head>(?:(?:an?|any|another|some)\s+(?:[\w-]+\s+){0,2}(?:drug|medicine|medication|substance|compound|chemical|product|"
    r"supplement|pill|agent|opioid|sedative|sleep aid)s?|(?:any|some)?one|anything|something))\s*,?\s*$",
    re.IGNORECASE,
)
_DESCRIBES_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|becomes?|remains?|as|like)|[’']s|[,:])\s*$",
    re.IGNORECASE,
)


def generic_head(text: str, at: int) -> bool:
    """Whether the relative pronoun at ``at`` describes a noun phrase that names no agent."""
    m = _GENERIC_HEAD.search(text, max(0, at - 60), at)
    return m is not None and _DESCRIBES_BEFORE.search(text, max(0, m.start() - 20), m.start()) is None


def describes_target(text: str, at: int) -> bool:
    """Whether the relative pronoun at ``at`` describes the enzyme or drug transporter named
    just before its comma ("inhibits CYP3A4, which may raise oxycodone levels"): what that clause
    says is the target's doing or the clause's outcome, and names no agent (dev's gold records
    none in 26 of 27 such clauses)."""
    return _TARGET_BEFORE.search(text, max(0, at - 80), at) is not None


_TARGET_BEFORE = re.compile(
    r"\b(?:CYP[- ]?\w+|(?-i:[123][A-E]\d{1,2})|enzymes?|P-gp|P-glycoprotein|efflux (?:transporters?|pumps?)|pumps?|BCRP|OATP\w*|UGT\w*)"
    r"(?:\s*\([^()]{1,40}\))?(?:\s+in (?:vitro|vivo|the liver|the gut|(?:human )?liver microsomes|lab(?:oratory)? (?:studies|tests)))?\s*,\s*$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;!?]|,\s")
# Between a name and the relative pronoun that describes it: a comma, perhaps after a bracket ("7-OH (a metabolite), which").
_JUST_BEFORE = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*,\s*")
#: How far a relative clause is read for what it acts on.
_CLAUSE_REACH = 80


def described(text: str, reference: Hit, hits: list[Hit]) -> list[Hit]:
    """The agents of ``hits`` the relative pronoun ``reference`` may describe: not a name its own
    clause acts on ("CYP3A4, the enzyme that clears oxycodone, which may raise oxycodone levels");
    the name just before its comma, with those coordinated before it, where there is one ("into
    7-hydroxymitragynine, which is more potent", "clonidine or lofexidine, which reduce ...")."""
    clause = _CLAUSE_END.search(text, reference.end, reference.end + _CLAUSE_REACH)
    acted_on = text[reference.end : clause.start() if clause else reference.end + _CLAUSE_REACH].lower()
    kept = [h for h in hits if h.text(text).lower() not in acted_on] or hits
    if kept and _JUST_BEFORE.fullmatch(text, kept[-1].end, reference.start):
        return coordinated_before(text, kept)
    return kept
