"""What the dataset says about itself wherever it is described: name, licences, origin, citation.

The data card, the Croissant and Frictionless descriptors and ``CITATION.cff`` all read these
values, so a licence or a title is stated once.
"""

from __future__ import annotations

from typing import Final

NAME: Final = "kratom-dataset"
TITLE: Final = "kratom-dataset: what web articles about kratom, opioid withdrawal and sleep state"
DESCRIPTION: Final = (
    "Structured records of what web articles about kratom (Mitragyna speciosa), opioid withdrawal and sleep "
    "say: the topics they cover, the claims they make with their hedges and claimed evidence, the doses and "
    "the mechanisms they state. Every record points at the exact characters of its source article. Records "
    "are as stated, never checked as fact; this is not medical advice."
)
AUTHORS: Final = "kratom-dataset contributors"
KEYWORDS: Final = ("kratom", "opioid withdrawal", "sleep", "health claims", "provenance", "information extraction")

#: The package's code (``LICENSE``).
CODE_LICENSE: Final = "MIT"
#: The records this project makes (every table but the article texts quoted in provenance).
RECORDS_LICENSE: Final = "CC-BY-4.0"
RECORDS_LICENSE_URL: Final = "https://creativecommons.org/licenses/by/4.0/"
#: What is known, and not known, of the article texts the records quote.
TEXT_ORIGIN: Final = (
    "The five seed articles were collected from public web pages about kratom, opioid withdrawal and sleep "
    "for the project's first release ('seed corpus, release one' in sources.csv); their URLs, authors and "
    "publication dates were not recorded, and no licence from their authors is known. The texts are kept "
    "byte-for-byte so that every record can be checked against its source, and are shared for research on "
    "health claims only. The CC BY 4.0 licence covers the records this project made, not the article texts; "
    "whoever reuses the texts themselves must check their rights. The real-page passages used to evaluate the "
    "extractors were written by the project and are covered by the records' licence."
)


def bibtex(version: str) -> str:
    """A BibTeX entry for release ``version``."""
    key = "kratom_dataset_" + version.replace(".", "_").replace("-", "_").replace("+", "_")
    return (
        f"@misc{{{key},\n"
        f"  title        = {{{{{TITLE}}}}},\n"
        f"  author       = {{{{{AUTHORS}}}}},\n"
        f"  version      = {{{version}}},\n"
        f"  note         = {{Dataset release {version}; records licensed {RECORDS_LICENSE}}}\n"
        "}"
    )
