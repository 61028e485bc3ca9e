"""The readers: a dose's role, purpose and preparation, a claim's type, evidence and polarity, and
whether a unit is a claim, read by models learned from the dev passages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from kratom_dataset import extract, lexicon
from kratom_dataset import train as training
from kratom_dataset.cli import main
from kratom_dataset.errors import TrainingError
from kratom_dataset.extractors import claim_reading, claims, dose_reading, find_records, linear, unit_reading
from kratom_dataset.models import Claim, Dose
from kratom_dataset.parse import parse_article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "raw" / "passages" / "dev.jsonl"
TEST = ROOT / "data" / "raw" / "passages" / "test.jsonl"


def _doses(text: str) -> dict[str, Dose]:
    return {d.provenance.exact: d for d in extract(text) if isinstance(d, Dose)}


def _claims(text: str) -> dict[str, Claim]:
    return {c.provenance.exact: c for c in extract(text) if isinstance(c, Claim)}


# Read by hand; none of these texts is in dev.
@pytest.mark.parametrize(
    ("text", "exact", "role", "purpose"),
    [
        ("My taper so far\n\nWeek 1: 14 g/day\nWeek 2: 12 g/day\nWeek 3: 10 g/day\n", "12 g/day", "taper_step", "withdrawal"),
        ("Never take more than 10 g of kratom in one day.", "10 g", "maximum", None),
        ("New users should begin with 1 g of leaf powder and wait an hour.", "1 g of leaf powder", "starting", None),
        ("Most regular users take between 3 and 5 grams a day.", "3 and 5 grams", "typical", None),
        ("Melatonin for sleep\n\nAdults usually take 1 to 3 mg of melatonin thirty minutes before bed.\n", "1 to 3 mg", "typical", "sleep"),
    ],
)
def test_a_dose_is_read_as_a_reader_reads_it(text, exact, role, purpose):
    dose = _doses(text)[exact]
    assert (dose.role, dose.purpose) == (role, purpose)


def test_a_qualitative_dose_keeps_the_role_its_own_words_give():
    assert _doses("Gradually increase the dose over a week.")["Gradually increase the dose"].role == "titration"


def test_without_the_reader_the_rules_reading_stands():
    doc = parse_article(b"Most regular users take between 3 and 5 grams a day.", article_id="t", source_file="t")
    (dose,) = find_records(doc, reading=False).doses
    assert dose.role == "typical"  # the rules' cue "Most ... users take", before any model


def test_features_hold_the_rules_reading_and_the_words_around_the_amount():
    text = "Taper plan\n\nWeek 2: 12 g/day, then lower.\n"
    doc = parse_article(text.encode(), article_id="t", source_file="t")
    (dose,) = find_records(doc, reading=False).doses
    groups = dose_reading.features(doc, dose)
    assert [value for value, _ in groups] == [1.0]
    seen = {name for _, group in groups for name in group}
    assert {"kind=numeric", "unit=g", "h:taper", "h:plan", "l:week", "l:2", "r:then", "r:lower", "s:week", "linepos=2", "q=False"} <= set(
        seen
    )
    assert not any(name.startswith("t:") for name in seen)  # the page title is no feature


@pytest.mark.parametrize(
    ("weights", "seen", "chosen"),
    [
        ({"a": (1.0, 0.0)}, [(1.0, ["a"])], "x"),
        ({"a": (1.0, 0.0), "b": (0.0, 2.0)}, [(1.0, ["a", "b"])], None),
        ({"a": (1.0, 0.0), "b": (0.0, 2.0)}, [(1.0, ["a"]), (0.25, ["b"])], "x"),  # a feature's value scales its weights
        ({}, [(1.0, ["a"])], "x"),  # equal sums: the first class
        ({"a": (0.0, 5.0)}, [(1.0, ["unknown"])], "x"),  # a feature without a weight adds nothing
    ],
)
def test_the_class_whose_weighted_features_sum_highest_wins(weights, seen, chosen):
    assert linear.Linear(("x", None), (0.0, 0.0), weights).choose(seen) == chosen


@pytest.mark.parametrize(
    ("score", "rules", "margin", "chosen"),
    [
        (0.1, "y", 0.2, "y"),  # the model is barely surer of "x": the rules' "y" stands
        (3.0, "y", 0.2, "x"),  # far surer: its own choice
        (0.1, "y", 0.0, "x"),  # no margin: always its own
        (0.1, "unknown", 0.2, "x"),  # the rules' reading is no class of the model
    ],
)
def test_the_rules_reading_stands_unless_the_model_is_surer_by_the_margin(score, rules, margin, chosen):
    model = linear.Linear(("x", "y"), (0.0, 0.0), {"a": (score, 0.0)})
    assert model.choose([(1.0, ["a"])], rules=rules, margin=margin) == chosen


_WEIGHTS = st.dictionaries(st.sampled_from("abcde"), st.tuples(*[st.floats(-3, 3, allow_nan=False)] * 2), max_size=5)


@settings(max_examples=examples(200), deadline=None)
@given(
    first=_WEIGHTS,
    second=_WEIGHTS,
    seen=st.lists(st.tuples(st.sampled_from([1.0, 0.5, 3.0]), st.lists(st.sampled_from("abcdef"), max_size=4)), max_size=4),
    margin=st.sampled_from([0.0, 0.3, 0.6]),
)
def test_fields_read_in_one_pass_read_as_each_field_alone(first, second, seen, margin):
    """The readers sum every field's weights in one pass over a record's features; each field
    must come out as its own model, read alone, says."""
    models = {"f": linear.Linear(("x", "y"), (0.1, 0.0), first), "g": linear.Linear(("u", None), (0.0, 0.2), second)}
    seen = [(1.0, ["f=y", "g=None"]), *seen]
    together = linear.decide(models, ("f", "g"), seen, margin)
    alone = {"f": models["f"].choose(seen, rules="y", margin=margin), "g": models["g"].choose(seen, rules=None, margin=margin)}
    assert together == alone


def test_a_model_s_weights_are_kept_only_as_the_model():
    # a cached copy of the parsed weights file would be a hundred thousand lists that the cyclic
    # garbage collector walks after every batch
    linear.models.cache_clear()
    weights = linear.models(unit_reading.MODEL)["claim"].weights
    assert unit_reading.MODEL not in lexicon._READ
    assert all(type(row) is tuple for row in weights.values())


def test_a_claim_s_words_weigh_together_as_much_in_a_long_sentence_as_in_a_short_one():
    for text in ("Kratom helps sleep.", "Many people who have used kratom for years say that it helps them sleep through the night."):
        doc = parse_article(text.encode(), article_id="t", source_file="t")
        (claim,) = find_records(doc, reading=False).claims
        (value, bag), *_ = [(x, group) for x, group in claim_reading.features(doc, claim) if group[0].startswith("s:")]
        assert len(bag) * value * value == pytest.approx(claim_reading.BAG**2)


# Read by hand; none of these texts is in dev.
@pytest.mark.parametrize(
    ("text", "claim_type"),
    [
        ("Mitragynine binds to the mu-opioid receptor as a partial agonist.", "mechanism"),
        ("Do not mix kratom with alcohol or benzodiazepines.", "recommendation"),
        ("Several users said a small evening dose helped them fall asleep faster.", "efficacy"),
        ("Regular use can lead to dependence and constipation.", "adverse_effect"),
    ],
)
def test_a_claim_is_typed_by_its_main_point(text, claim_type):
    assert _claims(text)[text].claim_type == claim_type


# What the claim reader may change, and what it must leave: a model that would deny a claim with
# no negation cue, or give evidence with no words to point at, keeps the rules' reading.
def _always(field: str, cls: str) -> linear.Linear:
    """A model of ``field`` that reads ``cls`` whatever it sees, far surer than any margin."""
    return linear.Linear((cls, "other"), (50.0, 0.0), {})


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        ("In my experience it takes the edge off.", "personal_accounts", "In my experience"),  # the rules' cue stays
        ("I slept four hours a night that week.", "personal_accounts", "I slept"),
        ("The week was rough.", "none", None),  # no "I": nothing to point at
        ("Research indicates that kratom affects sleep.", "personal_accounts", "Research indicates"),  # a new label, the same cue
        ("Clonidine blunts the surge (Kosten & George, 2002).", "studies", "(Kosten & George, 2002)"),  # a reference is read as given
    ],
)
def test_the_claim_reader_gives_evidence_only_where_the_text_holds_its_cue(monkeypatch, text, evidence, cue):
    fields = {"claim_type": _always("claim_type", "other"), "evidence": _always("evidence", "personal_accounts")}
    fields["polarity"] = _always("polarity", "affirmed")
    monkeypatch.setattr(claim_reading, "models", lambda name: fields)
    doc = parse_article(text.encode(), article_id="t", source_file="t")
    found = find_records(doc, reading=False)
    (claim,) = claim_reading.read(doc, found.claims, found.doses, found.mechanisms)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)
    claim.validated()


@pytest.mark.parametrize(("text", "polarity"), [("Kratom helps sleep.", "affirmed"), ("Kratom does not help sleep.", "negated")])
def test_the_claim_reader_denies_a_claim_only_where_the_rules_found_a_negation(monkeypatch, text, polarity):
    fields = {
        "claim_type": _always("claim_type", "other"),
        "evidence": _always("evidence", "none"),
        "polarity": _always("polarity", "negated"),
    }
    monkeypatch.setattr(claim_reading, "models", lambda name: fields)
    doc = parse_article(text.encode(), article_id="t", source_file="t")
    found = find_records(doc, reading=False)
    (claim,) = claim_reading.read(doc, found.claims, found.doses, found.mechanisms)
    assert claim.polarity == polarity
    claim.validated()


def test_a_unit_the_unit_reader_drops_stays_a_claim_when_it_states_a_dose(monkeypatch):
    monkeypatch.setattr(unit_reading, "models", lambda name: {"claim": _always("claim", "no")})
    text = "Take 2 g of leaf powder in the morning.\nShop now and save today.\n"
    doc = parse_article(text.encode(), article_id="t", source_file="t")
    units = unit_reading.candidates(doc, claims.CLAIM_ROLES)
    kept = unit_reading.read(doc, units, set(units), lambda i: i == 0)
    assert kept == {0}


def test_a_unit_the_unit_reader_drops_stays_a_claim_when_it_says_who_backs_it(monkeypatch):
    monkeypatch.setattr(unit_reading, "models", lambda name: {"claim": _always("claim", "no")})
    claims_of = _claims('"Call us first," says medical director Alan Brooks.\nShop now and save today.\n')
    assert list(claims_of) == ['"Call us first," says medical director Alan Brooks.']


def test_a_unit_the_unit_reader_takes_for_a_claim_becomes_one(monkeypatch):
    monkeypatch.setattr(unit_reading, "models", lambda name: {"claim": _always("claim", "yes")})
    doc = parse_article(b"Title line\n\nKratom helps sleep.\nShop now!\n", article_id="t", source_file="t")
    units = unit_reading.candidates(doc, claims.CLAIM_ROLES)
    assert unit_reading.read(doc, units, set(), lambda i: False) == set(units)


def test_the_unit_reader_reads_no_position_on_the_page():
    """Read by where it stands, the one sentence of a short text would read like a title or a footer."""
    doc = parse_article(b"Kratom helps sleep.", article_id="t", source_file="t")
    seen = {name for _, group in unit_reading.features(doc, 0, True) for name in group}
    assert not any(name.startswith(("edge", "prev=", "next=")) for name in seen)


def test_the_frozen_test_split_never_trains():
    with pytest.raises(TrainingError, match="frozen test split"):
        training.train(TEST)


def test_training_without_scikit_learn_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    with pytest.raises(TrainingError) as caught:
        training._fit([training.Example("p", [(1.0, ["a"])], {"role": None})], ("role",))
    assert "kratom-dataset[train]" in (caught.value.hint or "")


def test_the_command_refuses_the_test_split_in_one_line():
    result = CliRunner().invoke(main, ["train", "--check", "--passages", str(TEST)])
    assert result.exit_code == 1
    assert result.output.startswith("[training-error]")


@pytest.mark.slow
def test_the_shipped_weights_are_what_dev_and_the_rules_train():
    # In a process of its own, as a user runs it: nothing another test left in a cache reaches it.
    done = subprocess.run(
        [sys.executable, "-m", "kratom_dataset", "train", "--check", "--passages", str(DEV)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "matches a retrain: dose_model.json" in done.stdout
    assert "matches a retrain: claim_model.json" in done.stdout
