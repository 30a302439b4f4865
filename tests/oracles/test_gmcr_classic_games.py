"""Oracles: the 2×2 games every GMCR text starts with.

Each DM has one option, *cooperate* (C); D is not taking it. Option 0 belongs to DM A, option 1 to B,
so state 1 = DD, 2 = CD (A cooperates alone), 3 = DC (B cooperates alone), 4 = CC, as GMCR+ numbers
them. Preferences are written "own move first" (DC for A = A defects while B cooperates).
Stability results as published in Fang, Hipel & Kilgour (1993), *Interactive Decision Making*, ch. 3
(Prisoner's Dilemma and Chicken in graph form) and Hipel, Kilgour & Kinsara (2014), "Strategic
investigations of water conflicts in the Middle East", GDN 23(3), table 1 (the generic 2×2 games).
"""

from __future__ import annotations

from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, analyse

# A's own-move-first labels to state numbers; B's are the mirror image.
A_STATE = {"DD": 1, "CD": 2, "DC": 3, "CC": 4}
B_STATE = {"DD": 1, "CD": 3, "DC": 2, "CC": 4}


def symmetric_game(order: list[str]) -> ConflictModel:
    """A symmetric 2×2 game from one DM's ranking, most preferred first."""
    return ConflictModel(
        options=(Option("A cooperates"), Option("B cooperates")),
        decision_makers=(
            DecisionMaker("A", (0,), Ranking(tuple((A_STATE[o],) for o in order))),
            DecisionMaker("B", (1,), Ranking(tuple((B_STATE[o],) for o in order))),
        ),
    )


def test_prisoners_dilemma() -> None:
    """DC > CC > DD > CD: Nash {DD}; GMR = SMR = SEQ = SIM {DD, CC} (Fang et al. 1993, ch. 3)."""
    result = analyse(symmetric_game(["DC", "CC", "DD", "CD"]))
    assert result.equilibria("nash") == [1]
    for concept in ("gmr", "smr", "seq", "sim"):
        assert result.equilibria(concept) == [1, 4], concept


def test_chicken() -> None:
    """DC > CC > CD > DD: Nash {CD, DC}; GMR = SMR {CC, CD, DC}; SEQ {CD, DC}."""
    result = analyse(symmetric_game(["DC", "CC", "CD", "DD"]))
    assert result.equilibria("nash") == [2, 3]
    assert result.equilibria("gmr") == [2, 3, 4]
    assert result.equilibria("smr") == [2, 3, 4]
    assert result.equilibria("seq") == [2, 3]


def test_stag_hunt() -> None:
    """CC > DC > DD > CD: every concept gives {DD, CC}."""
    result = analyse(symmetric_game(["CC", "DC", "DD", "CD"]))
    for concept in ("nash", "gmr", "smr", "seq", "sim"):
        assert result.equilibria(concept) == [1, 4], concept
