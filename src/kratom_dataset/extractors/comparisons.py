"""What a comparison states of the name it sets beside a clause's subject: "binds MOR more tightly
than morphine", "suppresses REM sleep, as other opioids do", "..., and kratom probably does the
same" state the clause's action and target of that name too; "unlike morphine, MG does not
recruit β-arrestin" states the action of morphine; a ranking ("far more potent than") states none.
"""

from __future__ import annotations

import re

from ..document import Document
from ..models import Mechanism
from ._match import Hit
from .arguments import AgentGroup, TargetChain
from .mechanism_records import records
from .mentions import DOES_SAME

# "a different pathway than the kratom", "rather than kratom": no shared action.
_NOT_COMPARED = re.compile(r"\b(?:different\w*|other|rather)\b[^,.;]{0,40}\bthan\s+(?:other\s+|the\s+)?$", re.IGNORECASE)
_POTENCY = re.compile(r"\b(?:potent|active|selective|stronger|weaker|efficacious|powerful)\b", re.IGNORECASE)
_UNLIKE = re.compile(r"\bunlike\s+(?:other\s+|the\s+)?$", re.IGNORECASE)
_THE_WAY = re.compile(r"\b(?:the way|as|like)\s+(?:other\s+|the\s+|many\s+|most\s+)?$", re.IGNORECASE)


def compared_records(
    doc: Document,
    claim_id: str,
    group: AgentGroup,
    action: Hit,
    chosen: TargetChain,
    compared: list[Hit],
    first: int,
    clause_end: int,
    limit: int,
    negated: bool,
) -> list[Mechanism]:
    """What a comparison asserts of the name it compares with: "binds MOR more tightly than
    morphine" and "suppresses REM sleep, as other opioids do" state the same action of morphine and
    the opioids; "unlike morphine, MG does not recruit β-arrestin" states that morphine does. The
    clause opens at ``first``: its agent, or its action when the agent was named in a clause before."""
    text = doc.flat
    named = {agent for _, agent in group}
    out = []
    if _POTENCY.search(action.text(text)):
        return []  # "far more potent at MOR than mitragynine" ranks the two; it states no action of the second
    for hit in compared:
        said = DOES_SAME.match(text, hit.end)  # "..., and kratom probably does too": after the clause, and spanned to its "do"
        if not first <= hit.start < (limit if said else clause_end) or hit.label in named or _NOT_COMPARED.search(text, first, hit.start):
            continue
        if hit.start > action.end and _POTENCY.search(text, max(action.end, hit.start - 40), hit.start):
            continue  # "binds MOR and is several times more potent than morphine": the ranking is the comparison
        unlike = _UNLIKE.search(text, max(0, hit.start - 25), hit.start) is not None
        if unlike and not negated:
            continue  # "Unlike morphine, MG is a partial agonist": what morphine is goes unsaid
        # "does not recruit β-arrestin the way morphine does": the denial sets the two apart
        contrasted = hit.start > action.end and _THE_WAY.search(text, max(0, hit.start - 25), hit.start) is not None
        named.add(hit.label)
        denied = False if unlike or contrasted else negated
        out.extend(records(doc, claim_id, [(hit, hit.label)], action, chosen, None, 0, 0, negated=denied, reach=said.end() if said else 0))
    return out
