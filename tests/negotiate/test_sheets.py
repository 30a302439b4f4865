"""Score sheets to utilities: points, interactions and must-have red lines, against a brute-force
reference on tiny hand-made agendas; a scenario's needs, openings and priors reach the outcome space."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.case.models import Issue, Scenario, ScoreSheet
from hexatable.negotiate.space import Prior, enumerate_outcomes, sheet_utilities, space_of

PROVENANCE = [{"source": "test", "locator": "here", "quote": "made up for a test"}]
AGENDA = {
    "aid": ["none", "some", "full"],
    "step": ["freeze", "disable"],
    "check": ["declare", "inspect", "sample"],
}


def issue(issue_id: str, options: list[str]) -> Issue:
    return Issue.model_validate(
        {
            "id": issue_id,
            "title": {"en": issue_id},
            "kind": "options",
            "options": [{"id": o, "label": {"en": o}} for o in options],
            "provenance": PROVENANCE,
        }
    )


ISSUES = [issue(i, options) for i, options in AGENDA.items()]


def sheet(seat: str, **fields: Any) -> ScoreSheet:
    return ScoreSheet.model_validate({"seat": seat, "provenance": PROVENANCE, **fields})


def at(aid: int, step: int, check: int) -> int:
    """The index of an outcome by option indices (the last issue varying fastest)."""
    return (aid * 2 + step) * 3 + check


def brute_force(sheet: ScoreSheet) -> list[float]:
    """Every outcome's points, the last issue varying fastest, by the sheet's definition."""
    values = []
    for chosen in itertools.product(*AGENDA.values()):
        package = dict(zip(AGENDA, chosen, strict=True))
        total = sum(sheet.points[i][package[i]] for i in AGENDA)
        for interaction in sheet.interactions:
            if all(package[i] == o for i, o in interaction.options.items()):
                total += interaction.points
        if any(package[i] not in wanted for i, wanted in sheet.must_have.items()):
            total = min(total, sheet.reservation - 1.0)
        values.append(total)
    return values


def test_an_outcome_lacking_a_must_have_is_capped_below_the_reservation_value() -> None:
    points = {"aid": {"none": 0, "some": 10, "full": 30}, "step": {"freeze": 5, "disable": 40}}
    points["check"] = {"declare": 50, "inspect": 20, "sample": 0}
    red_lines = sheet("USA", reservation=60, points=points, must_have={"check": ["inspect", "sample"]})
    outcomes = enumerate_outcomes([3, 2, 3])
    values = sheet_utilities(red_lines, ISSUES, outcomes)
    # full aid, disablement, declaration: 30 + 40 + 50 = 120 points, but no inspections or sampling
    assert values[at(2, 1, 0)] == 59.0
    # the same with inspections: 30 + 40 + 20 = 90, above the line and not capped
    assert values[at(2, 1, 1)] == 90.0
    # already below the line without a must-have: it keeps its own (lower) score
    assert values[at(0, 0, 0)] == 55.0
    assert values.tolist() == brute_force(red_lines)


points_strategy = st.fixed_dictionaries(
    {i: st.fixed_dictionaries({o: st.integers(-20, 60) for o in options}) for i, options in AGENDA.items()}
)
interaction_strategy = st.builds(
    lambda pair, picks, pts: {
        "options": {i: AGENDA[i][p % len(AGENDA[i])] for i, p in zip(pair, picks, strict=False)},
        "points": pts,
    },
    st.lists(st.sampled_from(list(AGENDA)), min_size=2, max_size=3, unique=True),
    st.lists(st.integers(0, 2), min_size=3, max_size=3),
    st.integers(-30, 30),
)
must_have_strategy = st.dictionaries(
    st.sampled_from(list(AGENDA)),
    st.integers(1, 6),
    max_size=2,
).map(
    lambda picks: {
        i: [o for k, o in enumerate(AGENDA[i]) if (mask >> k) & 1] or [AGENDA[i][0]]
        for i, mask in picks.items()
    }
)


@settings(max_examples=150, deadline=None)
@given(
    points=points_strategy,
    interactions=st.lists(interaction_strategy, max_size=3),
    must_have=must_have_strategy,
    reservation=st.integers(-10, 120),
)
def test_sheet_utilities_match_a_brute_force_reading_of_the_sheet(
    points: dict[str, dict[str, int]],
    interactions: list[dict[str, Any]],
    must_have: dict[str, list[str]],
    reservation: int,
) -> None:
    scored = sheet(
        "PRK", reservation=reservation, points=points, interactions=interactions, must_have=must_have
    )
    values = sheet_utilities(scored, ISSUES, enumerate_outcomes([3, 2, 3]))
    assert values.tolist() == pytest.approx(brute_force(scored))
    lacking = [
        n
        for n, chosen in enumerate(itertools.product(*AGENDA.values()))
        if any(dict(zip(AGENDA, chosen, strict=True))[i] not in w for i, w in must_have.items())
    ]
    assert all(values[n] <= reservation - 1.0 for n in lacking)


def test_a_scenarios_needs_openings_and_priors_reach_the_outcome_space() -> None:
    points = {i: {o: float(k) for k, o in enumerate(options)} for i, options in AGENDA.items()}
    scenario = Scenario.model_validate(
        {
            "id": "tiny",
            "title": {"en": "tiny"},
            "issues": list(AGENDA),
            "seats": ["PRK", "USA", "CHN"],
            "sheets": [
                sheet(
                    "PRK",
                    reservation=2,
                    points=points,
                    needs=["USA"],
                    opening={"aid": "full", "step": "freeze", "check": "declare"},
                ),
                sheet("USA", reservation=1, points=points, needs=["PRK", "CHN"]),
                sheet("CHN", reservation=0, points=points),
            ],
            "beliefs": [
                {"holder": "PRK", "about": "USA", "shift": -8, "spread": 2.5, "provenance": PROVENANCE}
            ],
            "provenance": PROVENANCE,
        }
    )
    space = space_of(scenario, {i.id: i for i in ISSUES})
    assert space.needs == {"PRK": frozenset({"USA"}), "USA": frozenset({"PRK", "CHN"}), "CHN": frozenset()}
    assert dict(space.openings) == {"PRK": {"aid": "full", "step": "freeze", "check": "declare"}}
    assert dict(space.priors) == {("PRK", "USA"): Prior(-8.0, 2.5, None)}
    assert space.reservations.tolist() == [2.0, 1.0, 0.0]
