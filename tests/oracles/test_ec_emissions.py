"""Oracle: EC emission standards for medium-sized cars.

Input: Bueno de Mesquita (1994), "Political forecasting: an expected utility method", table p. 78,
as reprinted in Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's group decision
model", Journal of Theoretical Politics 23(4), Table 1. Expected values as cited next to each test.
"""

from __future__ import annotations

import numpy as np
import pytest

from hexatable.forecast.baselines import baseline
from hexatable.forecast.bdm import BdmConfig, run_bdm
from hexatable.forecast.ktab_csv import parse_ktab_csv
from tests.forecast.ec_emissions import ACTORS, KTAB_CSV, ec_emissions


def test_weighted_mean_is_7_389956() -> None:
    """Scholz et al. (2011), section 7: the capability×salience-weighted mean is 7.389956."""
    assert baseline(ec_emissions(), "mean").forecast[0] == pytest.approx(7.389956, abs=1e-6)


def test_weighted_median_and_condorcet_winner_are_7() -> None:
    """Bueno de Mesquita (1994, p. 78): the median voter position is 1997 (7 on the scale)."""
    assert baseline(ec_emissions(), "median").forecast[0] == 7
    assert baseline(ec_emissions(), "condorcet").forecast[0] == 7


def test_the_ktab_csv_of_the_table_gives_the_same_baselines() -> None:
    """The same table imported from a KTAB actor CSV (positions on [0, 100] keep their values)."""
    data = parse_ktab_csv(KTAB_CSV, "ec.csv")
    assert baseline(data, "mean").forecast[0] == pytest.approx(7.389956, abs=1e-6)
    assert baseline(data, "condorcet").forecast[0] == 7


BELGIUM_CHALLENGES = {
    "Denmark": -0.83,
    "UK": -0.66,
    "Germany": -0.47,
    "Netherlands": -0.47,
    "France": -0.11,
    "Italy": -0.11,
    "Luxembourg": 0.60,
    "Ireland": 0.0,
    "Greece": 0.0,
}
"""Scholz et al. (2011), figure of Belgium's perspective in round 1 (the x coordinates): Belgium's
expected utility of challenging each actor, read off the figure to two decimals."""


@pytest.mark.parametrize(("actor", "expected"), sorted(BELGIUM_CHALLENGES.items()))
def test_belgium_expected_utility_of_challenging_each_actor_in_round_1(actor: str, expected: float) -> None:
    result = run_bdm(ec_emissions(), BdmConfig(win_probability="triples", rounds=1))
    eu_own = result.details["first_round"]["eu_own"]
    belgium, other = ACTORS.index("Belgium"), ACTORS.index(actor)
    assert eu_own[belgium, other] == pytest.approx(expected, abs=0.02)


def test_belgium_estimate_of_the_others_expected_utility_of_challenging_belgium() -> None:
    """Scholz et al. (2011), same figure (the y coordinates): ≈ +0.24 for every actor at another
    position, read off the figure (±0.02); 0 for the actors at Belgium's own position."""
    result = run_bdm(ec_emissions(), BdmConfig(win_probability="triples", rounds=1))
    eu_other = result.details["first_round"]["eu_other"][ACTORS.index("Belgium")]
    for actor in ACTORS:
        if actor in {"Belgium", "Ireland", "Greece"}:
            assert eu_other[ACTORS.index(actor)] == 0
        else:
            assert eu_other[ACTORS.index(actor)] == pytest.approx(0.24, abs=0.02)


PUBLISHED_MEANS = [7.4, 7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6, 7.3, 7.2]
"""Scholz et al. (2011), figure of the mean position per round, rounds 0–10, read off the plot
(±0.07)."""


def test_mean_position_per_round_follows_the_published_figure() -> None:
    result = run_bdm(ec_emissions(), BdmConfig(win_probability="triples", offer_choice="ranking", rounds=10))
    assert result.n_rounds == 10
    np.testing.assert_allclose(result.mean[:, 0], PUBLISHED_MEANS, atol=0.07)


def test_the_series_does_not_converge_and_the_cycle_is_reported() -> None:
    """Scholz et al. (2011) note the model does not converge on this case: the mean oscillates."""
    result = run_bdm(ec_emissions(), BdmConfig(rounds=10))
    assert result.stop_reason == "rounds"
    assert result.cycle is not None
    assert result.cycle.period >= 2
    assert not result.cycle.exact
