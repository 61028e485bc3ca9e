"""Agents a role noun names: right after it ("the mu antagonist β-funaltrexamine"), as its
examples ("strong CYP3A4 inhibitors such as ketoconazole"), or not the subject at all ("mixing
kratom with CYP3A4 inhibitors" names the drugs kratom is taken with)."""

from __future__ import annotations

import re

from ._match import Hit
from .arguments import AgentGroup, TargetChain, target_before
from .mentions import Target, coordinated
from .relatives import generic_head

# A relative pronoun just before an action: "that blocks", "which may inhibit".
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which)\s+(?:[a-z]+\s+){0,2}$")
# "drugs that inhibit CYP3A4, such as ketoconazole": a class in the plural whose examples follow its clause.
_PLURAL_HEAD = re.compile(r"(?<![\w-])(?:drugs|medicines|medications)\s+$", re.IGNORECASE)
_ROLE_NOUN = re.compile(r"(?:inhibitors|inducers|agonists|antagonists|blockers)(?: of)?$", re.IGNORECASE)
_ROLE_SINGULAR = re.compile(r"(?:agonist|antagonist|inhibitor|inducer|blocker|modulator)$", re.IGNORECASE)
# Between a subject and a plural role noun that names other drugs: "kratom with (strong) CYP3A4 inhibitors".
_WITH = re.compile(r"\s+(?:together\s+)?(?:with|plus|alongside)\s+[^,;.]*", re.IGNORECASE)
_EXAMPLE = re.compile(
    r"\s*,?\s*(?:\(\s*(?:(?:such as|like|e\.g\.,?|for example,?|including|notably)\s+)?|(?:such as|like|e\.g\.,?|for example,?|including|notably)\s+)",
    re.IGNORECASE,
)


def combined_with(text: str, group: AgentGroup, action: Hit) -> bool:
    """Whether a plural role noun names the drugs a subject is taken with, not the subject:
    "mixing kratom with CYP3A4 inhibitors (such as ketoconazole)"."""
    return (
        bool(group)
        and _ROLE_NOUN.search(action.text(text)) is not None
        and _WITH.fullmatch(text, group[-1][0].end, action.start) is not None
    )


def named_after_role(text: str, action: Hit, agents: list[Hit]) -> Hit | None:
    """The agent a role noun names right after it ("the mu antagonist β-funaltrexamine")."""
    if not _ROLE_SINGULAR.search(action.text(text)):
        return None
    return next((h for h in agents if h.start >= action.end and not text[action.end : h.start].strip()), None)


def examples(
    text: str, action: Hit, limit: int, chosen: TargetChain, window_start: int, targets: list[Target], agents: list[Hit]
) -> tuple[AgentGroup, TargetChain]:
    """Agents given as examples of a role noun or of what a generic relative clause describes:
    "strong CYP3A4 inhibitors such as ketoconazole or clarithromycin", "inhibitors of this enzyme
    (e.g. ketoconazole)", "something that blocks CYP3A4 like grapefruit". Returns ``(group, targets)``."""
    relative = _RELATIVE_BEFORE.search(text, window_start, action.start)
    if not _ROLE_NOUN.search(action.text(text)) and not (
        relative and (generic_head(text, relative.start()) or _PLURAL_HEAD.search(text, max(0, relative.start() - 30), relative.start()))
    ):
        return [], chosen  # "something that blocks CYP3A4 like grapefruit": a verb's examples follow a generic subject
    chosen = chosen or target_before(text, window_start, window_start, action.start, targets)
    example = (
        _EXAMPLE.match(text, chosen[-1][0].end if chosen and chosen[-1][0].start > action.start else action.end, limit) if chosen else None
    )
    if not example:
        return [], chosen
    first = next((h for h in agents if h.start == example.end()), None)
    return [(h, h.label) for h in (coordinated(text, agents, first) if first else [])], chosen
