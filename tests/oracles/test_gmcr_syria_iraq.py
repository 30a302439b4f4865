"""Oracle: the 1975 Syria–Iraq Euphrates conflict.

Source: Hipel, Kilgour & Kinsara (2014), "Strategic investigations of water conflicts in the Middle
East", Group Decision and Negotiation 23(3), 355-376, sec. 3 (model, tables of states and rankings,
stability results). The model is encoded in tests/oracles/gmcr_models.py.
"""

from __future__ import annotations

from hexatable.conflict import analyse
from tests.oracles.gmcr_models import syria_iraq


def test_equilibria() -> None:
    """Nash = SMR = SEQ = SIM {6}; GMR {1, 6}."""
    result = analyse(syria_iraq())
    for concept in ("nash", "smr", "seq", "sim"):
        assert result.equilibria(concept) == [6], concept
    assert result.equilibria("gmr") == [1, 6]


def test_sequential_stability_per_dm() -> None:
    """SEQ for Syria {1, 3, 6}, for Iraq {2, 4, 5, 6}."""
    result = analyse(syria_iraq())
    assert result.stable_for("seq", 0) == [1, 3, 6]
    assert result.stable_for("seq", 1) == [2, 4, 5, 6]
