"""Questions: a unit that asks, which states nothing whatever it holds."""

from __future__ import annotations

import re

# A unit that ends in a question mark, after closing quotes or a signature: 'Is that a
# problem?"', "Will melatonin help? — Dana, Ohio".
_QUESTION = re.compile(r"\?[\"”’')\]]*(?:\s*[—–-]\s*[^.!?\n]{1,40})?\s*$")
# A question a forum writes without its question mark: "does this apply to tea too or just the
# powder.", an auxiliary before its subject pronoun, which no statement opens with ("Do it
# slowly" bids: "do" asks only before a person).
_INVERTED = re.compile(
    r"\s*(?:(?:does|is|are|was|were|can|could|would|will|has|have)\s+(?:this|that|it|there)"
    r"|(?:does|do|did|is|are|was|were|can|could|would|will|has|have)\s+(?:anyone|anybody|any ?one|someone|u|you|i|we|they|he|she))\b",
    re.IGNORECASE,
)


def asks(sentence: str) -> bool:
    """Whether a unit is a question. One that quotes a question it opened the quote for
    ('answers questions like "does kratom cause insomnia?"') still asserts."""
    m = _QUESTION.search(sentence)
    if m is None:
        return _INVERTED.match(sentence) is not None
    closer = m.group(0)[1:].lstrip()[:1]
    if closer == "" or closer not in "\"”’')]":
        return True
    opening = max(sentence.rfind(q, 0, m.start()) for q in '"“‘(')
    # 'Ask the Pharmacist: "Can I ...?"' is a question under a label; 'answers questions like
    # "does kratom cause insomnia?"' asserts; 'Is that a problem?"' closes a quote opened before.
    return opening < 0 or sentence[:opening].rstrip()[-1:] in ("", ":", "\u2014", "\u2013")


# A lettered line: "B. Partial agonist at ...", "c) CYP3A4".
_LETTERED = re.compile(r"[ \t]*\(?([A-Ea-e])([.)])[ \t]+\S")


def is_option(text: str, start: int) -> bool:
    """Whether the unit at ``start`` is an option of a multiple-choice question: its line is one
    of a run of lettered lines in order ("A. Full agonist at ..." over "B. Partial agonist at
    ..."), which offers answers to choose from and asserts none. A single lettered line ("A.
    Mitragynine inhibits CYP2D6." under "Q7.") answers, and an author's initial stands alone."""
    line = text.rfind("\n", 0, start) + 1
    m = _LETTERED.match(text, line)
    if m is None or start > m.end():
        return False
    letter, mark = m.groups()
    if line > 0:
        above = _LETTERED.match(text, text.rfind("\n", 0, line - 1) + 1)
        if above is not None and above.group(2) == mark and ord(above.group(1)) == ord(letter) - 1:
            return True
    below_at = text.find("\n", start)
    below = _LETTERED.match(text, below_at + 1) if below_at >= 0 else None
    return below is not None and below.group(2) == mark and ord(below.group(1)) == ord(letter) + 1
