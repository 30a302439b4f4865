"""Oracle: the Elmira groundwater conflict, classic 9-state model.

Source: Fang, Hipel & Kilgour (1993), *Interactive Decision Making: The Graph Model for Conflict
Resolution*, Wiley, ch. 2-3 (the model and its stability analysis); equilibria 5, 8 and 9, with
states 1 and 4 added by the metarational concepts. The model is encoded in tests/oracles/gmcr_models.py.
"""

from __future__ import annotations

from hexatable.conflict import analyse
from tests.oracles.gmcr_models import as_published_elmira, elmira


def test_equilibria_as_published() -> None:
    """Nash {5, 8, 9}; GMR = SMR {1, 4, 5, 8, 9}; SEQ {5, 8, 9}."""
    result = analyse(elmira())
    assert as_published_elmira(result.equilibria("nash")) == [5, 8, 9]
    assert as_published_elmira(result.equilibria("gmr")) == [1, 4, 5, 8, 9]
    assert as_published_elmira(result.equilibria("smr")) == [1, 4, 5, 8, 9]
    assert as_published_elmira(result.equilibria("seq")) == [5, 8, 9]


def test_abandonment_states_behave_as_one() -> None:
    """The four option-form abandonment states are all equilibria, as the merged state 9 is."""
    result = analyse(elmira())
    assert set(result.equilibria("nash")) >= {9, 10, 11, 12}
