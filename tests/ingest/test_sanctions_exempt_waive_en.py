"""Easing sanctions in English (root 08: 081 ease administrative sanctions, 085 ease economic
sanctions): exempting a party from sanctions, waiving or easing them reads as lifting them does, the
party exempted being the act's target; imposing sanctions stays 16.

The sentences are our own, about imagined negotiations (years 2031-2032)."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import events as _roles


@pytest.mark.parametrize(
    "sentence",
    [
        "April 8, 2031: Chile decided to exempt Peru from the sanctions.",
        "April 8, 2031: Chile exempted Peru from its trade sanctions.",
        "April 8, 2031: Chile waived the sanctions on Peru.",
        "April 8, 2031: Chile eased the sanctions on Peru.",
        "April 8, 2031: Peru was exempted from the sanctions by Chile.",
    ],
)
def test_exempting_waiving_or_easing_sanctions_is_yielding(
    sentence: str, gazetteer: Gazetteer, verbs: VerbDictionary
) -> None:
    assert _roles(sentence, gazetteer, verbs) == [(["CHL"], ["PER"], 8)]


def test_imposing_or_lifting_sanctions_keeps_its_root(gazetteer: Gazetteer, verbs: VerbDictionary) -> None:
    assert _roles("April 8, 2031: Chile imposed sanctions on Peru.", gazetteer, verbs) == [
        (["CHL"], ["PER"], 16)
    ]
    assert _roles("April 8, 2031: Chile lifted the sanctions on Peru.", gazetteer, verbs) == [
        (["CHL"], ["PER"], 8)
    ]
