"""A name that only modifies the Chinese head noun after it names no actor: a state's name before 族
or 裔 names a people (the Greek or Turkish community of an island, an ethnic group), and an
organisation's name before (非)常任理事国 or 理事国 names its member states, not the body.

The sentences are written for these tests; each expected list is worked out by hand from the rule.
"""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.builtin()


def _actors(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.actor for m in gazetteer.find(text, "zh")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("岛上希腊族代表与土耳其族代表昨日再次会面。", []),
        ("塞浦路斯土耳其族领导人发表讲话。", ["CYP"]),
        ("一位韩国裔学者和一位日本裔作家出席论坛。", []),
        ("希腊和土耳其外长昨日会谈。", ["GRC", "TUR"]),
    ],
)
def test_state_before_zu_or_yi_names_a_people(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert _actors(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("法国和英国这两个安理会常任理事国提出草案。", ["FRA", "GBR"]),
        ("几个安理会非常任理事国表示关切。", []),
        ("安理会一致通过决议。", ["UNSC"]),
    ],
)
def test_body_before_council_members_names_no_body(
    gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert _actors(gazetteer, text) == expected
