"""The built-in exercise scenarios say what the sources say.

Each test states a fact from the seed texts (cited by source id and line) and checks that the score
sheets of the scenario reproduce it over the whole outcome space (``build_space``, read-only use of the
engine). They are properties of the data: a sheet edited against the sources makes one of them fail.
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt
import pytest

from hexatable.case import open_case
from hexatable.case.models import Scenario
from hexatable.negotiate.analysis import nash_index, pareto_mask
from hexatable.negotiate.space import OutcomeSpace, build_space

BoolArray = npt.NDArray[np.bool_]

CASE = open_case("six-party-talks")


def accepts(space: OutcomeSpace, seat: str) -> BoolArray:
    """Outcomes the seat weakly prefers to no agreement (gain over its reservation value >= 0)."""
    s = space.seat_index(seat)
    return np.asarray(space.utilities[s] >= space.reservations[s])


def all_accept(space: OutcomeSpace, seats: tuple[str, ...] | None = None) -> BoolArray:
    chosen = seats if seats is not None else space.seats
    mask = np.ones(space.size, dtype=bool)
    for seat in chosen:
        mask &= accepts(space, seat)
    return mask


def choosing(space: OutcomeSpace, issue: str, option: str) -> BoolArray:
    column = space.issues.index(issue)
    return np.asarray(space.outcomes[:, column] == space.options[column].index(option))


def value(space: OutcomeSpace, seat: str, package: dict[str, str]) -> float:
    return float(space.utilities[space.seat_index(seat), space.index_of(package)])


def reservation(space: OutcomeSpace, seat: str) -> float:
    return float(space.reservations[space.seat_index(seat)])


# --- six-party-2007 -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def talks() -> OutcomeSpace:
    return build_space(CASE, "six-party-2007")


def test_sampling_is_below_the_dprk_reservation_in_every_outcome(talks: OutcomeSpace) -> None:
    # wiki-six-party-talks line 542: the DPRK strongly opposed verification of its declaration and
    # expelled the IAEA monitors; it accepted only verification of the disablement phase.
    sampling = choosing(talks, "verification", "sampling")
    assert sampling.any()
    assert not np.any(accepts(talks, "PRK") & sampling)
    # ...whereas inspections of disablement stay within its red line.
    assert np.any(accepts(talks, "PRK") & choosing(talks, "verification", "inspections"))


def test_the_us_will_not_settle_for_a_declaration_alone(talks: OutcomeSpace) -> None:
    # Line 542: Rice demanded that the declaration be verified; the US delisted only once
    # verification was agreed.
    assert not np.any(accepts(talks, "USA") & choosing(talks, "verification", "declaration"))


def test_no_outcome_without_the_abductee_reinvestigation_is_acceptable_to_japan(talks: OutcomeSpace) -> None:
    # Lines 191, 313, 388: aid only with preconditions; normalisation on the basis of settling the
    # outstanding issues.
    assert not np.any(accepts(talks, "JPN") & choosing(talks, "abductees", "none"))


@pytest.mark.parametrize("seat", ["CHN", "KOR"])
def test_china_and_the_rok_each_can_block_what_the_other_five_accept(talks: OutcomeSpace, seat: str) -> None:
    others = tuple(s for s in talks.seats if s != seat)
    blocked = all_accept(talks, others) & ~accepts(talks, seat)
    assert blocked.any()


def test_china_blocks_a_step_with_no_assurance(talks: OutcomeSpace) -> None:
    # Line 146: China understands the DPRK's security concerns (and line 317 asks that they be met).
    others = tuple(s for s in talks.seats if s != "CHN")
    bare = all_accept(talks, others) & choosing(talks, "security-assurance", "none")
    assert bare.any() and not np.any(bare & accepts(talks, "CHN"))


def test_the_rok_blocks_a_phase_with_no_energy_aid(talks: OutcomeSpace) -> None:
    # Line 507: the ROK's oil reached the North the day Yongbyon was shut.
    others = tuple(s for s in talks.seats if s != "KOR")
    dry = all_accept(talks, others) & choosing(talks, "hfo", "none")
    assert dry.any() and not np.any(dry & accepts(talks, "KOR"))


def test_efficient_deals_acceptable_to_all_mostly_stop_short_of_dismantlement(talks: OutcomeSpace) -> None:
    # Lines 473 and 536: 2007 produced a shutdown, then disablement and a declaration; dismantlement
    # was only the final goal. "Mostly" is read as: fewer than half of the efficient deals all six
    # accept dismantle, and the Nash bargaining point stops at disablement.
    efficient = all_accept(talks) & pareto_mask(talks.utilities)
    assert efficient.sum() > 0
    dismantle = efficient & choosing(talks, "prk-step", "dismantle")
    assert dismantle.sum() < 0.5 * efficient.sum()
    nash = nash_index(talks)
    assert nash is not None and talks.describe(nash)["prk-step"] == "disable"


def test_dismantlement_comes_only_with_the_reactor(talks: OutcomeSpace) -> None:
    # Line 395: the DPRK would return to the NPT only after a light-water reactor is provided.
    without_reactor = choosing(talks, "prk-step", "dismantle") & ~choosing(talks, "lwr", "provide")
    assert not np.any(all_accept(talks) & without_reactor)


def test_the_october_2007_package_is_acceptable_to_all_six(talks: OutcomeSpace) -> None:
    # Lines 512-513 and 536: disablement and a declaration, aid worth 950,000 t of fuel oil, the
    # start of delisting; with the reinvestigation Japan asks for.
    package = {
        "prk-step": "disable",
        "verification": "inspections",
        "hfo": "1mt",
        "sanctions": "partial",
        "terrorism-list": "delist",
        "security-assurance": "verbal",
        "normalisation-usa": "steps",
        "normalisation-jpn": "steps",
        "lwr": "discuss-later",
        "abductees": "reinvestigation",
    }
    for seat in talks.seats:
        assert value(talks, seat, package) >= reservation(talks, seat), seat


def test_a_deal_without_the_dprk_or_the_us_is_empty() -> None:
    # Lines 108, 110, 142: the talks exist to bring the DPRK and the US together; the US would not
    # talk without China present.
    sheets = {s.seat: s for s in CASE.scenario_index["six-party-2007"].sheets}
    for seat, sheet in sheets.items():
        expected = {"PRK", "USA"} - {seat}
        assert expected <= set(sheet.needs), seat
    assert "CHN" in sheets["USA"].needs


# --- hanoi-2019 ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hanoi() -> OutcomeSpace:
    return build_space(CASE, "hanoi-2019")


def scenario(scenario_id: str) -> Scenario:
    return CASE.scenario_index[scenario_id]


def opening(seat: str) -> dict[str, str]:
    sheet = next(s for s in scenario("hanoi-2019").sheets if s.seat == seat)
    assert sheet.opening is not None
    return dict(sheet.opening)


def test_each_opening_is_unacceptable_to_the_other_side(hanoi: OutcomeSpace) -> None:
    # hanoi-analysis-2019 line 57: both sides asked far more than the other could bear.
    assert value(hanoi, "PRK", opening("USA")) < reservation(hanoi, "PRK")
    assert value(hanoi, "USA", opening("PRK")) < reservation(hanoi, "USA")
    # Each side tabled something it wanted.
    assert value(hanoi, "USA", opening("USA")) >= reservation(hanoi, "USA")
    assert value(hanoi, "PRK", opening("PRK")) >= reservation(hanoi, "PRK")


def test_the_dprk_opening_is_what_ri_yong_ho_described(hanoi: OutcomeSpace) -> None:
    # Line 27: complete, permanent dismantlement at Yongbyon for relief from the five 2016-2017
    # resolutions, not full lifting.
    offer = opening("PRK")
    assert offer["yongbyon"] == "complete" and offer["un-sanctions"] == "civilian"
    assert offer["other-sites"] == "excluded" and offer["declaration"] == "none"


def test_yongbyon_for_relief_without_the_other_sites_fails_for_the_us(hanoi: OutcomeSpace) -> None:
    # Line 25: Pompeo gave the other sites as the reason there was no deal.
    chips = ("end-of-war", "liaison-offices", "inter-korean-projects")
    for choice in itertools.product(*(hanoi.options[hanoi.issues.index(i)] for i in chips)):
        package = {
            "yongbyon": "complete",
            "other-sites": "excluded",
            "declaration": "partial",
            "un-sanctions": "civilian",
            **dict(zip(chips, choice, strict=True)),
        }
        assert value(hanoi, "USA", package) < reservation(hanoi, "USA"), package
        assert value(hanoi, "PRK", package) >= reservation(hanoi, "PRK"), package


def test_a_partial_deal_is_acceptable_to_all_three(hanoi: OutcomeSpace) -> None:
    # Line 57: the realistic deal, a partial declaration for an end-of-war declaration, liaison
    # offices and exemptions for inter-Korean projects.
    realistic = {
        "yongbyon": "partial",
        "other-sites": "excluded",
        "declaration": "partial",
        "un-sanctions": "none",
        "end-of-war": "declared",
        "liaison-offices": "exchange",
        "inter-korean-projects": "exempt",
    }
    for seat in hanoi.seats:
        assert value(hanoi, seat, realistic) >= reservation(hanoi, seat), seat


def test_no_deal_has_a_full_declaration_or_all_sanctions_lifted(hanoi: OutcomeSpace) -> None:
    # Line 53 (the DPRK fears a declaration would show every target) and line 29 (no lifting of
    # sanctions before denuclearisation).
    agreed = all_accept(hanoi)
    assert agreed.any()
    assert not np.any(agreed & choosing(hanoi, "declaration", "full"))
    assert not np.any(agreed & choosing(hanoi, "un-sanctions", "all"))


def test_the_rok_chair_accepts_any_agreement(hanoi: OutcomeSpace) -> None:
    assert scenario("hanoi-2019").chair == "KOR"
    assert accepts(hanoi, "KOR").all()


def test_each_side_over_estimates_what_the_other_can_give(hanoi: OutcomeSpace) -> None:
    # Line 55: both over-estimated the other's concessions. Each believes the other's floor is what
    # its own opening gives the other.
    beliefs = {(b.holder, b.about): b for b in scenario("hanoi-2019").beliefs}
    for holder, about in (("USA", "PRK"), ("PRK", "USA")):
        belief = beliefs[(holder, about)]
        assert belief.shift < 0
        believed = reservation(hanoi, about) + belief.shift
        assert believed == pytest.approx(value(hanoi, about, opening(holder)))
