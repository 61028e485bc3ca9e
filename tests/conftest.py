"""Shared fixtures: the repository's raw data, parsed seed articles and a freshly built release."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

#: Set by ``pytest -m "not slow"``: the edit-test loop runs a fifth of each property test's examples.
FAST = False


def pytest_configure(config: pytest.Config) -> None:
    global FAST
    FAST = "not slow" in (config.getoption("markexpr") or "")


def examples(n: int) -> int:
    """How many generated examples a property test runs: ``n`` in a full run, a fifth in the fast loop."""
    return max(10, n // 5) if FAST else n


from kratom_dataset.build import build_release, read_sources
from kratom_dataset.parse import parse_article

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"
SEEDS = {
    "kratom-withdrawal-insomnia": "000_afb81ea20dd13d0d.txt",
    "kratom-dose-for-sleep": "001_c32646a6888d01f9.txt",
    "kratom-pain-insomnia": "002_e70670174e2597b7.txt",
    "kratom-melatonin-withdrawal": "003_76b870140026622a.txt",
    "kratom-wobbles": "004_69f482f765fa3a90.txt",
}


def seed_text(article_id: str) -> str:
    return (RAW / "articles" / SEEDS[article_id]).read_bytes().decode("utf-8")


def records_of(text: str, kind: str) -> list:
    """The records of one kind ("Claim", "Dose", "Mechanism") that :func:`extract` finds in ``text``."""
    from kratom_dataset.extractors import extract

    return [r for r in extract(text) if type(r).__name__ == kind]


def claim_of(text: str):
    """The one claim of ``text`` read as the body of a page, under a title line of its own (a
    page's first line is its title, which states nothing)."""
    (claim,) = records_of(f"Notes.\n\n{text}", "Claim")
    return claim


def last_claim_of(text: str):
    """The last claim of ``text`` read as the body of a page under a title line: the claim a
    sentence or two before it set up (a speaker introduced, a page's context)."""
    return records_of(f"Notes.\n\n{text}", "Claim")[-1]


def rules_records(text: str, article_id: str = "text"):
    """The records of ``text`` as the rules read them before the readers: for a form dev's
    annotators split on, where the trained readers may take either side."""
    from kratom_dataset.extractors import find_records

    return find_records(parse_article(text.encode("utf-8"), article_id=article_id, source_file=article_id), reading=False)


def rules_claim_of(text: str):
    """The one claim of ``text`` under a title line, as the rules read it (:func:`rules_records`)."""
    (claim,) = rules_records(f"Notes.\n\n{text}").claims
    return claim


def bounds(text: str) -> list[tuple[float | None, float | None, str | None, str | None]]:
    """(amount_low, amount_high, unit, comparator) of every numeric dose found in ``text``."""
    return [(d.amount_low, d.amount_high, d.unit, d.comparator) for d in records_of(text, "Dose") if d.kind == "numeric"]


def triples(text: str) -> set[tuple[str, str, str]]:
    """(agent, action, target) of every mechanism found in ``text``."""
    return {(m.agent, m.action, m.target) for m in records_of(text, "Mechanism")}


def units(text: str) -> list[tuple[str, bool]]:
    """Every unit (sentence, list item, heading) of ``text`` as written, and whether it is a claim."""
    from kratom_dataset.extractors.claims import claim_sentences

    doc = parse_article(text.encode(), article_id="t", source_file="t")
    claims = claim_sentences(doc)
    return [(doc.flat[s.start : s.end], i in claims) for i, s in enumerate(doc.sentences)]


#: Two claims a line of page text is set between by :func:`claims_around`.
AROUND = ("Kratom binds opioid receptors.", "Kratom can cause nausea.")


def claimed(text: str) -> list[str]:
    """The units of ``text`` read as claims, as written."""
    return [unit for unit, claim in units(text) if claim]


def claims_around(line: str) -> list[str]:
    """The units read as claims when ``line`` stands as a paragraph between the two of :data:`AROUND`."""
    return claimed(f"{AROUND[0]}\n\n{line}\n\n{AROUND[1]}\n")


def apply_change(record: dict, change: dict) -> dict:
    """``record`` with ``change`` written into it: a dict value updates the nested record, any other replaces."""
    for key, value in change.items():
        if isinstance(value, dict):
            record[key].update(value)
        else:
            record[key] = value
    return record


@pytest.fixture(scope="session")
def documents():
    """Every seed article parsed, by article id."""
    return {
        s["article_id"]: parse_article((RAW / s["file"]).read_bytes(), article_id=s["article_id"], source_file=s["file"])
        for s in read_sources(RAW)
    }


@pytest.fixture(scope="session")
def built_release(tmp_path_factory) -> Path:
    """The package's release built now from data/raw, in a temporary folder."""
    from kratom_dataset import __version__

    out = tmp_path_factory.mktemp("processed")
    folder, changed, rejects = build_release(RAW, out, version=__version__, workers=2, progress=False)
    assert changed and rejects == []
    return folder


@pytest.fixture(scope="session")
def rows(built_release):
    """The built release read back as validated models, by table."""
    import pyarrow.parquet as pq

    from kratom_dataset.arrow import from_table
    from kratom_dataset.models import TABLES

    return {t: from_table(t, pq.read_table(built_release / f"{t}.parquet")) for t in TABLES}


@pytest.fixture
def release_copy(built_release, tmp_path) -> Path:
    """A writable copy of the built release, for tampering."""
    target = tmp_path / built_release.name
    shutil.copytree(built_release, target)
    return target


def pytest_addoption(parser):
    parser.addoption(
        "--long",
        action="store_true",
        default=False,
        help="Run the fuzz test with 100,000 examples instead of the short CI run.",
    )


@pytest.fixture(scope="session")
def fuzz_examples(request) -> int:
    return 100_000 if request.config.getoption("--long") else 300
