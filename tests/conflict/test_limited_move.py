"""Limited-move stability L_h (two DMs)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from hexatable.conflict import ConflictModel, ModelError, analyse, build_graph
from hexatable.conflict.limited_move import limited_move_stable
from tests.conflict.strategies import conflict_models
from tests.oracles.gmcr_models import elmira
from tests.oracles.test_gmcr_classic_games import symmetric_game


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conflict_models(min_dms=2, max_dms=2))
def test_horizon_one_is_nash(model: ConflictModel) -> None:
    result = analyse(model, horizons=(1,))
    assert np.array_equal(result.stable["l1"], result.stable["nash"])


def test_prisoners_dilemma_horizon_two() -> None:
    """By hand: at CC (4), A's defection to DC (3) is answered by B defecting to DD (1), which A likes
    less than CC, so A stays; at DD (1), cooperating alone (2) is A's worst; at CD (2) A defects to DD
    and B, at DD, has nothing better. L_2 equilibria: {DD, CC} = {1, 4}."""
    result = analyse(symmetric_game(["DC", "CC", "DD", "CD"]), concepts=(), horizons=(2,))
    assert result.equilibria("l2") == [1, 4]


def test_limited_move_needs_two_dms() -> None:
    with pytest.raises(ModelError, match="two decision makers"):
        limited_move_stable(build_graph(elmira()), 0, 2)
