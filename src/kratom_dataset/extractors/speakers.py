"""Who reports a claim that names its speaker only by a pronoun: "She adds that regular users can
become dependent", '"I never tell anyone to start it," he says', "Today, he says, a good month ...".

The speaker is the person last introduced before the report, and the role the text gave them
says whose word it is: "Dr. Thabo Mokoena", "pharmacologist Hannah Osei", "our GP" are
experts; "my uncle", "Farmer Somchai Wongsa", "my cousin" users. A person introduced with no
role the lexicon knows ("Joseph Mwangi, a herbalist", "a 26-year-old man") still takes the
pronoun, and then the report has no source: a pronoun never skips a person to reach an
earlier expert. Only the text before the pronoun is read, and before the opening of a quotation
it follows (a quotation's own people are not its speaker), and only so far back
(:data:`WINDOW`) as a paragraph or two.
"""

from __future__ import annotations

import re
from typing import Any

from .. import lexicon as lexicons
from ._match import Hit
from ._words import INDEX, Worded

#: How far back, in characters, the person a pronoun names may have been introduced.
WINDOW = 2500
#: Person nouns of the lexicon's sources that name more than one person ("people", "ppl").
_PLURAL = frozenset({"people", "ppl"})
_NAME = r"[A-Z][\w'’-]+"
#: A noun that names a person by what they do ("worker", "herbalist", "counsellor", "librarian").
_DOER = r"[\w'’-]*(?:er|or|ist|ian)\b"
_QUOTE = re.compile(r"[\"“”]")
#: A thread's post number before what the post says: "3/16 Per her slide, ...".
_POST_NUMBER = r"|(?<=^\d/\d )|(?<=^\d/\d\d )|(?<=^\d\d/\d\d )"
#: A verb of saying after a name and its comma ("Hafiz Rahman, said many drinkers ..."): no appositive follows.
_SAYING = r"(?i:said|says|told|tells|added|adds|explained|explains|noted|notes|warned|warns|stressed|stresses)"


class Speakers:
    """Pronoun speakers and the people introduced before them, from the attribution lexicon."""

    def __init__(self, spec: dict[str, Any]) -> None:
        roles = {source["evidence"]: lexicons.body(source["pattern"]) for source in spec["sources"]}
        self._labels = [label for label in roles if label != "studies"]
        role = "(?i:" + "|".join(roles[label] for label in self._labels) + ")"
        # "Dr. Thabo Mokoena"; "dr patel" as a chat writes it
        titled = rf"(?:(?i:{spec['titles']})\.?\s+{_NAME}(?:\s+{_NAME}){{0,2}}|\bdr\.?\s+[a-z][a-z'’-]+)"
        names = rf"{_NAME}(?:\s+{_NAME}){{0,2}}"
        person = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}"
        # "Dr. Thabo Mokoena"; "pharmacologist Dr. Hannah Osei", "Farmer Somchai Wongsa"; "Vikram, 29,";
        # "Meera Kulkarni, an addiction psychiatrist", or one who does a job the lexicon does not
        # know ("Joseph Mwangi, a herbalist", "Kyle Brandt, owner of a shop"); "my uncle", "our GP"; "a toxicologist", "a 26-year-old man"
        self._people = re.compile(
            rf"\b(?P<titled>{titled})"
            rf"|\b{role}\s+(?:{titled}|{names})"
            rf"|\b(?P<aged>{person}),\s*\d{{1,2}},"
            rf"|\b(?P<described>{person}),\s+(?!{_SAYING}\b)(?:(?i:a|an|the)\s+)?(?:(?P<known>(?:[\w'’-]+\s+){{0,3}}?{role}\b)|(?P<unknown>(?:[\w'’-]+\s+){{0,3}}?{_DOER}))?"
            rf"|\b(?i:my|our|his|her|their|your)\s+(?:[\w'’-]+\s+)?{role}\b"
            rf"|\b(?i:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{role}|(?P<nobody>(?i:man|woman|boy|girl|teenager)))\b"
        )
        self._roles = re.compile("|".join(f"(?P<r{n}>\\b(?:{roles[label]})\\b)" for n, label in enumerate(self._labels)), re.IGNORECASE)
        verbs = (
            rf"{spec['quoted_verbs']}|say|add|thinks|believes|told me|advised|advises|suggested|suggests"
            r"|urges|urged|describes|described|recommends|recommended|insists|insisted|was clear|is clear"
            r"|reminded|reminds|mentioned|mentions|pointed out|points out|admitted|admits|was careful to say|was honest that|testified|testifies"
        )
        self._report = Worded(
            lexicons.guarded(
                rf"(?:^{_POST_NUMBER}|(?<=[,“\"”(]\s)|(?<=[,“\"”(])|(?<=\bwhich\s)|(?<=\b[Bb]ut\s)|(?<=\b[Aa]nd\s)|(?<=\bthat\s)|(?<=^[Aa]lso\s)|(?<=^[Ss]o\s)|(?<=^[Tt]hen\s))(?P<pronoun>[Hh]e|[Ss]he)\s+(?:also\s+|usually\s+|generally\s+|often\s+|now\s+|further\s+)?(?:{verbs})\b"
                # "According to him, ...", "As she explained it, ...", "In his view, ...": the report's frame before what it says
                rf"|(?:^{_POST_NUMBER}|(?<=[,;]\s))(?:[Aa]ccording to (?:him|her)(?=\s*[,;:—–])|[Aa]s (?:he|she) (?:explained|explains|put it|puts it|said|says|told me|tells me|noted|notes)"
                r"|[Ii]n (?:his|her) (?:view|opinion|words|experience)|(?:His|Her) words(?=\s*[,;:—–])|[Bb]y (?:his|her) own account"
                # "Her answer: ...", "His explanation is ...", "Per her slide, ...": what the speaker gave
                r"|(?:His|Her) (?:answer|explanation|advice|reply|verdict|take|version|view|rule|tips?|instructions|suggestion|recommendation|warning|orders)(?=\s*[:—–]|\s+is\b|\s+was\b)|[Pp]er (?:his|her) (?:slides?|talk|notes|data))\b",
                0,
            )
        )
        # every report holds one of these words: most units are skipped on their mask
        self._report.bit = INDEX.register({"he", "she", "him", "her", "his"})

    def reported(self, text: str, start: int, end: int, words: int | None = None) -> Hit | None:
        """The evidence of a report in ``text[start:end]`` whose speaker is "he" or "she", as
        the role of the person last introduced before it names it; None where that person's
        role is none the lexicon knows, or nobody was introduced. A quotation before the
        pronoun ends what is read at its opening: its own people are not its speaker."""
        report = self._report.search(text[start:end], words)
        if report is None:
            return None
        at = start + report.start()
        label = self._latest(text, max(0, start - WINDOW), _unquoted(text, start, at))
        return None if label is None else Hit(at, start + report.end(), label, {})

    def _latest(self, text: str, start: int, end: int) -> str | None:
        """The source of the last single person introduced in ``text[start:end]``, or None."""
        label = None
        for person in self._people.finditer(text, start, end):
            if person.group("titled"):
                label = "experts"
            elif person.group("aged"):
                label = "users_report"
            elif person.group("nobody") or person.group("unknown"):
                label = None
            elif person.group("described") and not person.group("known"):
                continue  # "Sioux Falls, South Dakota", "the Council, a trade group": nobody the pronoun can name
            else:
                role = list(self._roles.finditer(person.group("known") or person.group(0)))[-1]
                if role.group(0).lower() in _PLURAL or role.group(0).endswith(("s", "S")):
                    continue  # "my friends", "the doctors": not a "he" or a "she"
                label = self._labels[int((role.lastgroup or "r0")[1:])]
        return label


def _unquoted(text: str, start: int, at: int) -> int:
    """Where the text a pronoun at ``at`` may look back into ends: at the opening of a quotation
    before it in its unit (``start``), or of one the unit only closes ('... depressants," he said')."""
    mark = _QUOTE.search(text, start, at)
    if mark is None:
        return at
    if text[mark.start()] == "”" or not _QUOTE.search(text, mark.end(), at):
        opening = max(text.rfind("“", 0, start), text.rfind('"', 0, start))
        return opening if opening >= 0 and start - opening <= WINDOW else start
    return mark.start()
