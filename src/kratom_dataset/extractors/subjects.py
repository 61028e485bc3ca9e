"""The subject an action in a means phrase belongs to: "Mitragynine may reduce ethanol withdrawal
signs in rats, probably through opioid receptor activation" and "kratom may slow the breakdown
of trazodone by inhibiting CYP3A4" name the clause's subject as the agent, not the name nearest
the action.
"""

from __future__ import annotations

import re

from ..document import Document
from ._match import Hit
from .arguments import AgentGroup, TargetChain, agent_of, by_agent, new_clause
from .mentions import coordinated

# "..., probably through opioid receptor activation": a means phrase whose noun is the action.
# "... by inhibiting CYP3A4": a means clause whose gerund is the action.
_MEANS_NOUN = re.compile(r"[\s\S]*\b(?:(?:through|via)\s+(?:[\w'’-]+\s+){0,4}|by\s+)", re.IGNORECASE)
# What may open a clause before its subject.
_SUBJECT_OPENS = re.compile(r"\s*(?:(?:the|but|and|also|however,?|then|in rats,?|in mice,?)\s+)?", re.IGNORECASE)


def means_subject(text: str, window_start: int, action_start: int, agents: list[Hit]) -> AgentGroup:
    """The clause's subject as the agent of an action named by a noun in a means phrase, or by a
    gerund after "by", after another name: "Mitragynine may reduce ethanol withdrawal signs in
    rats, probably through opioid receptor activation" is mitragynine's activation, not
    ethanol's; "kratom may slow the breakdown of trazodone by inhibiting CYP3A4" kratom's
    inhibition. Empty where the clause does not open with an agent."""
    before = [h for h in agents if window_start <= h.start and h.end <= action_start]
    if len(before) < 2 or not _MEANS_NOUN.fullmatch(text, before[-1].end, action_start):
        return []
    subject = before[0]
    opening = max(window_start, *(text.rfind(mark, window_start, subject.start) + 1 for mark in ",;:"))
    if not _SUBJECT_OPENS.fullmatch(text, opening, subject.start) or new_clause(text, subject.end, before[-1].start):
        return []
    # "Clonidine and lofexidine relieve it by stimulating ...": the subject's conjuncts too
    return [(h, h.label) for h in coordinated(text, before, subject)]


def nominal_agent(
    text: str,
    window_start: int,
    action: Hit,
    chosen: TargetChain,
    limit: int,
    agents: list[Hit],
    references: list[Hit],
    doc: Document,
    index: int,
) -> AgentGroup:
    """The agent of an action named by a noun or a gerund when another name stands nearer before
    it: the one after "of" ("raise levels of some SSRIs, and activity of mitragynine at 5-HT2A")
    or "by" ("Dextromethorphan: inhibition of CYP2D6 by mitragynine"), or the clause's subject of
    a means phrase. Empty where none is there."""
    return (
        agent_of(text, action, limit, agents, references, doc, index)
        or by_agent(text, chosen, limit, agents, references, doc, index)
        or means_subject(text, window_start, action.start, agents)
    )
