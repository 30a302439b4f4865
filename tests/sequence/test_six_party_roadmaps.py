"""The built-in six-party roadmaps (src/hexatable/data/cases/six-party-talks/roadmap-2007.yaml and
roadmap-2019.yaml): facts of their structure that can be checked by reading the files."""

from __future__ import annotations

import pytest

from hexatable.case import open_case
from hexatable.sequence.evaluate import evaluate
from hexatable.sequence.from_case import engine_roadmap, schedule_of
from hexatable.sequence.solver import SolverOptions, solve

DETERMINISTIC = SolverOptions(workers=1, seed=0, time_limit=60.0)


@pytest.fixture(scope="module")
def roadmaps() -> dict[str, object]:
    return {r.id: r for r in open_case("six-party-talks").roadmaps}


def test_every_roadmap_is_built_in(roadmaps: dict[str, object]) -> None:
    assert sorted(roadmaps) == [
        "hanoi-2019-positions",
        "hanoi-2019-prk-offer",
        "hanoi-2019-us-offer",
        "initial-actions-2007",
        "second-phase-actions-2007",
        "second-phase-actions-2007-verified",
    ]


def test_the_historical_second_phase_is_incomplete_and_late(roadmaps: dict[str, object]) -> None:
    # The record (hexatable.data, roadmap-2007.yaml): 3 of the 4 disablement tranches; one Chinese and
    # one Russian shipment of the 4 each, none of the US or ROK shares; the declaration in phase 4
    # (2008-Q2) against a deadline at the end of phase 2 (2007-Q4).
    roadmap, schedule = schedule_of(roadmaps["second-phase-actions-2007"], "historical")  # type: ignore[arg-type]
    assert evaluate(roadmap, schedule).violations == (
        "complete b-prk-disable",
        "complete b-chn-aid",
        "complete b-usa-aid",
        "complete b-kor-aid",
        "complete b-rus-aid",
        "deadline b-prk-declaration within 2 phases (phase 1)",
    )


def test_both_sides_hanoi_conditions_cannot_hold_together(roadmaps: dict[str, object]) -> None:
    # The US gates relief on the verified steps beyond Yongbyon; the DPRK gates those steps on relief
    # delivered first. Neither can start, so relief cannot be completed: the conflict names exactly
    # these three constraints.
    solution = solve(engine_roadmap(roadmaps["hanoi-2019-positions"]), DETERMINISTIC)  # type: ignore[arg-type]
    assert solution.status == "infeasible"
    assert solution.conflict == (
        "complete c-usa-unsc-relief",
        "gating c-prk-beyond-yongbyon -> c-usa-unsc-relief",
        "gating c-usa-unsc-relief -> c-prk-beyond-yongbyon",
    )


def test_the_dprk_offer_tempts_the_united_states_whatever_the_phasing(roadmaps: dict[str, object]) -> None:
    # In the file, lifting the five resolutions costs the US 4,000 (5 x 800, reversibility 0.3) and
    # Yongbyon is worth 1,200 to it (2 x 600, reversibility 0.1). After any complete schedule the US
    # can take back 0.3 x 4,000 = 1,200 and loses 0.1 x 1,200 = 120 when the DPRK answers (its
    # detection lag is 0): 1,080, i.e. 930 above its tolerance of 150. No schedule does better.
    solution = solve(engine_roadmap(roadmaps["hanoi-2019-prk-offer"]), DETERMINISTIC)  # type: ignore[arg-type]
    assert solution.status == "optimal"
    assert solution.evaluation is not None
    assert solution.evaluation.worst_party == "USA"
    assert solution.evaluation.worst_excess >= 930.0 - 1e-6
    assert solution.evaluation.excess[5, -1] == pytest.approx(930.0)  # USA, after the last phase
