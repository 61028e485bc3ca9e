"""What real pages write, rule by rule: the forms the twentieth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _nineteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, units

# A time's zone goes on with its sentence -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Orders placed before 2 p.m. Eastern ship the same business day.",
        "The helpline is open until 9 p.m. ET on weekdays.",
    ],
)
def test_a_time_zone_after_pm_goes_on_with_its_sentence(text):
    assert [unit for unit, _ in units(f"Shipping\n\n{text} We ship daily.")][1:] == [text, "We ship daily."]


def test_a_capital_after_pm_that_is_no_time_zone_still_opens_a_sentence():
    assert [unit for unit, _ in units("Dosing\n\nTake it at 3 p.m. Never later.")][1:] == ["Take it at 3 p.m.", "Never later."]


# A course's learning objectives state nothing -------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        (
            "Module 4\n\nLearning objectives\n1. Describe the pharmacology of kratom's main alkaloids.\n"
            "2. Identify common signs of kratom withdrawal.\n\nKratom withdrawal often disturbs sleep.\n"
        ),
        (
            "Lecture 7\n\nBy the end of this session you will be able to:\n- explain why withdrawal wrecks sleep\n"
            "- compare clonidine and lofexidine\n\nKratom withdrawal often disturbs sleep.\n"
        ),
    ],
)
def test_learning_objectives_are_no_claims_and_the_body_after_them_is(page):
    assert claimed(page) == ["Kratom withdrawal often disturbs sleep."]


def test_an_imperative_outside_a_list_of_objectives_is_still_a_claim():
    page = "Tapering\n\nPlan your taper with your doctor.\nIdentify your triggers before you start.\n"
    assert claimed(page) == ["Plan your taper with your doctor.", "Identify your triggers before you start."]
