"""The relation a table row states across its cells: a pharmacology table sets a receptor, a
compound and what the compound does there in columns of their own, in whatever order its
header chose ("Receptor | Compound | Ki (nM) | Action" over "mu-opioid | mitragynine | ~230 |
partial agonist"), with no clause to join them.
"""

from __future__ import annotations

from ..cells import table_cells
from ._match import Hit
from .arguments import AgentGroup, TargetChain
from .mentions import Target


def row_arguments(text: str, action: Hit, agents: list[Hit], targets: list[Target]) -> tuple[TargetChain, AgentGroup] | None:
    """The target and the agent a table row sets in cells of their own beside an action's cell
    ("mu-opioid | mitragynine | ~230 | partial agonist"): the row states the relation its columns
    name, in whatever order they stand: one agent and one target, each a cell of its own, and an action
    whose cell names no target of its own."""
    cells = table_cells(text, text.rfind("\n", 0, action.start) + 1)
    own = next(((a, b) for a, b in cells if a <= action.start < b), None)
    if len(cells) < 3 or own is None:
        return None
    named = [h for h in agents if _fills(text, h, cells, own)]
    chosen = [(t, text[t.start : t.end]) for t in targets if _fills(text, t, cells, own)]
    if len({h.label for h in named}) != 1 or len(chosen) != 1 or any(own[0] <= t.start < own[1] for t in targets):
        return None
    if any(chosen[0][0].start < h.end and h.start < chosen[0][0].end for h in named):
        return None  # "Melatonin | ...": one cell is the agent or the target, not both
    return chosen, [(named[0], named[0].label)]


def _fills(text: str, span: Hit | Target, cells: list[tuple[int, int]], own: tuple[int, int]) -> bool:
    """Whether ``span`` is the whole of a cell of the row other than the action's ("mu-opioid",
    "7-hydroxymitragynine"): a name a column holds, not a name inside a note."""
    return any(text[a:b].strip() == text[span.start : span.end] for a, b in cells if (a, b) != own and a <= span.start < b)
