"""Oracle: the spatial model's last-round probabilities against KTAB's own reference logs.

Inputs and figures are KTAB's (MIT licence), see ``tests/forecast/ktab/README.md``: the probability
that each actor's position prevails in the last state (``smpc``'s "History of actors' winning
probabilities", printed to 4 decimals) and the final positions (1 decimal). KTAB merges positions
closer than 0.1 on its 0–100 scale before the vote, so actors that share a position show the same
probability and the distinct positions' probabilities sum to 1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hexatable.forecast.ktab_csv import parse_ktab_csv
from hexatable.forecast.smp import run_smp

HERE = Path(__file__).parent / "ktab"

# (file, steps, last-state probability per actor, the most probable position, the runner-up position)
REFERENCE = [
    (
        "SOE-Pol-Comp.csv",
        27,
        # XJ LK ZG MK LH XS NEA MLR MEP MOF SHX HLJ WY (20170530_ref-SOE-Pol-Comp.txt, last column)
        [
            0.2299,
            0.2299,
            0.1104,
            0.1104,
            0.1104,
            0.2202,
            0.2063,
            0.2063,
            0.2063,
            0.2330,
            0.2330,
            0.2330,
            0.0002,
        ],
        (38.8, 30.7),  # MOF's final position
        (43.2, 43.3),  # XJ's (and LK's) final position
    ),
    (
        "dummyData_3Dim.csv",
        10,
        [0.3340, 0.3340, 0.0183, 0.0957, 0.1512, 0.4009, 0.1512],
        (79.9, 34.4, 75.2),  # SActor-05's final position
        (78.6, 31.8, 74.1),  # SActor-00's (and SActor-01's)
    ),
]


@pytest.mark.parametrize(("name", "steps", "expected", "best", "second"), REFERENCE, ids=lambda v: str(v))
def test_last_state_probabilities_match_ktab(
    name: str,
    steps: int,
    expected: list[float],
    best: tuple[float, ...],
    second: tuple[float, ...],
) -> None:
    data = parse_ktab_csv((HERE / name).read_text(encoding="utf-8"), name)
    result = run_smp(data)
    assert result.n_rounds == steps
    probability = np.asarray(result.details["prevailing_probability"])
    np.testing.assert_allclose(probability, expected, atol=5.1e-5)
    top = max(expected)
    assert result.details["forecast_probability"] == pytest.approx(top, abs=5.1e-5)
    runner = max(p for p in expected if abs(p - top) > 1e-9)
    assert result.details["runner_up_probability"] == pytest.approx(runner, abs=5.1e-5)
    np.testing.assert_allclose(result.forecast, best, atol=0.051)
    np.testing.assert_allclose(result.details["runner_up"], second, atol=0.051)


def test_soe_forecast_is_the_position_ktab_ranks_first() -> None:
    """Voting over all actors split the probability of shared positions and picked (38.72, 28.97),
    which KTAB ranks third (0.2063); KTAB's most probable position is MOF's, held by three actors."""
    data = parse_ktab_csv((HERE / "SOE-Pol-Comp.csv").read_text(encoding="utf-8"), "SOE-Pol-Comp.csv")
    result = run_smp(data)
    assert result.details["forecast_actors"] == ["MOF", "SHX", "HLJ"]
    assert result.details["runner_up_actors"] == ["XJ", "LK"]
