"""The relation a table row states across its cells: a pharmacology table sets a receptor, a
compound and what the compound does there in columns of their own, in whatever order its
header chose ("Receptor | Compound | Ki (nM) | Action" over "mu-opioid | mitragynine | ~230 |
partial agonist"), with no clause to join them.
"""

from __future__ import annotations

from ..cells import column_head, table_cells
from ._match import Hit
from .arguments import AgentGroup, TargetChain
from .mentions import Target, find_targets


def row_arguments(text: str, action: Hit, agents: list[Hit], targets: list[Target]) -> tuple[TargetChain, AgentGroup] | None:
    """The target and the agent a table row sets in cells of their own beside an action's cell
    ("mu-opioid | mitragynine | ~230 | partial agonist"): the row states the relation its columns
    name, in whatever order they stand: one agent and one target, each a cell of its own, and an action
    whose cell names no target of its own. A row that opens with its agent may leave the target to
    the head of the action's column ("Compound | Mu-opioid receptor | Kappa-opioid receptor" over
    "Mitragynine | partial agonist | antagonist")."""
    cells = table_cells(text, text.rfind("\n", 0, action.start) + 1)
    own = next(((a, b) for a, b in cells if a <= action.start < b), None)
    if len(cells) < 3 or own is None:
        return None
    named = [h for h in agents if _fills(text, h, cells, own)]
    chosen = [(t, text[t.start : t.end]) for t in targets if _fills(text, t, cells, own)]
    if not chosen and named and text[cells[0][0] : cells[0][1]].strip() == text[named[0].start : named[0].end]:
        chosen = _headed(text, action, own)  # "Mitragynine | partial agonist | ..." under "Compound | Mu-opioid receptor | ..."
    if len({h.label for h in named}) != 1 or len(chosen) != 1 or any(own[0] <= t.start < own[1] for t in targets):
        return None
    if any(chosen[0][0].start < h.end and h.start < chosen[0][0].end for h in named):
        return None  # "Melatonin | ...": one cell is the agent or the target, not both
    return chosen, [(named[0], named[0].label)]


def _fills(text: str, span: Hit | Target, cells: list[tuple[int, int]], own: tuple[int, int]) -> bool:
    """Whether ``span`` is the whole of a cell of the row other than the action's ("mu-opioid",
    "7-hydroxymitragynine"): a name a column holds, not a name inside a note."""
    return any(text[a:b].strip() == text[span.start : span.end] for a, b in cells if (a, b) != own and a <= span.start < b)


def _headed(text: str, action: Hit, own: tuple[int, int]) -> TargetChain:
    """The one target the head of the action's column names, if it names one and the action's cell
    holds nothing but a role and a word or two about it ("partial agonist (weak)")."""
    head = column_head(text, action.start)
    if head is None or action.label not in _ROLES or len(text[own[0] : own[1]].split()) > _ROLE_CELL_WORDS:
        return []
    found = [t for t in find_targets(text, head[0], head[1]) if all(kind in _ROLE_TARGETS for _, kind in t.names)]
    return [(found[0], text[found[0].start : found[0].end])] if len(found) == 1 else []


#: The actions a cell names by a role noun, and the targets a column may be headed with for them:
#: a column headed "Effect on REM" over "Decrease" reports an outcome, not a role at a site.
_ROLES = frozenset({"agonist", "partial_agonist", "antagonist", "inverse_agonist", "inhibits", "induces", "binds"})
_ROLE_TARGETS = frozenset({"receptor", "enzyme", "transporter", "ion_channel"})


#: The most words a cell may hold to be read as a role under its column's target ("competitive antagonist", "partial agonist (weak)").
_ROLE_CELL_WORDS = 4
