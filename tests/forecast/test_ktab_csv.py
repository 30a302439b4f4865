from __future__ import annotations

import pytest

from hexatable.case.problems import CaseError
from hexatable.forecast.ktab_csv import parse_ktab_csv

GOOD = """Demo,"two issues",3,2,
Actor,Description,Power,Oil,Sal1,Gas,Sal2,
A, first, 100, 10, 50, 20, 50,
B, second, 50, 90, 30, 80, 20,
C, third, 25, 50, 100, 50, 0,
"""


def test_reads_names_dimensions_and_rescales_salience() -> None:
    data = parse_ktab_csv(GOOD, "demo.csv")
    assert data.name == "Demo"
    assert data.actors == ("A", "B", "C")
    assert data.dimensions == ("Oil", "Gas")
    assert data.capability.tolist() == [100, 50, 25]
    assert data.position.tolist() == [[10, 20], [90, 80], [50, 50]]
    assert data.salience.tolist() == [[0.5, 0.5], [0.3, 0.2], [1.0, 0.0]]
    assert data.scale.tolist() == [[0, 100], [0, 100]]


def problems_of(text: str) -> list[str]:
    with pytest.raises(CaseError) as caught:
        parse_ktab_csv(text, "bad.csv")
    return [str(p) for p in caught.value.problems]


def test_a_bad_number_is_located_by_line_column_and_field() -> None:
    text = GOOD.replace("B, second, 50, 90", "B, second, fifty, 90")
    assert problems_of(text) == [
        "bad.csv:4:11: B: Power: ' fifty' is not a number".replace("' fifty'", "'fifty'")
    ]


def test_out_of_range_values_and_total_salience_are_all_reported() -> None:
    text = GOOD.replace("A, first, 100, 10, 50", "A, first, 100, 110, 50").replace(
        "C, third, 25, 50, 100, 50, 0", "C, third, 25, 50, 100, 50, 10"
    )
    found = problems_of(text)
    assert any(p.startswith("bad.csv:3:") and "A: Oil" in p and "outside [0, 100]" in p for p in found)
    assert any(p.startswith("bad.csv:5:") and "C: salience" in p and "more than 100" in p for p in found)


def test_the_actor_count_must_match_the_rows() -> None:
    found = problems_of(GOOD.replace('"two issues",3,2', '"two issues",4,2'))
    assert found == ["bad.csv:1:19: number of actors: says 4, the file has 3 actor rows"]


def test_a_short_header_and_a_bad_title_are_reported() -> None:
    assert problems_of(GOOD.replace(",3,2,", ",three,2,"))[0].startswith("bad.csv:1:")
    assert "columns" in problems_of(GOOD.replace("Gas,Sal2,", ""))[0]


def test_duplicate_and_missing_actor_names() -> None:
    found = problems_of(GOOD.replace("C, third", "A, third"))
    assert found == ["bad.csv:5:1: Actor: 'A' appears twice"]
