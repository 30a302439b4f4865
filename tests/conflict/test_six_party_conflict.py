"""The built-in GMCR model of the 2007-2008 stalemate: what its notes claim is what the engine finds."""

from __future__ import annotations

from hexatable.case import open_case
from hexatable.conflict import analyse
from hexatable.conflict.coalitions import analyse_coalitions, coalition_improvement_edges
from hexatable.conflict.from_case import conflict_model


def test_status_quo_is_a_seq_but_not_a_nash_equilibrium_and_a_coalition_breaks_it() -> None:
    converted = conflict_model(open_case("six-party-talks").conflicts[0])
    result = analyse(converted.model)
    assert converted.status_quo is not None
    status_quo = result.graph.states.number_of(converted.status_quo)
    assert status_quo == 204
    assert status_quo not in result.equilibria("nash")
    assert status_quo not in result.stable_for("nash", 1)  # the United States can re-list
    for concept in ("gmr", "smr", "seq"):
        assert status_quo in result.equilibria(concept), concept
    assert result.equilibria("nash") == [7, 8]
    usa_prk = [0, 1]
    coalitions = analyse_coalitions(result.graph, [usa_prk], result.stable)
    assert status_quo not in coalitions.equilibria["seq"]
    ups = coalition_improvement_edges(result.graph, usa_prk)
    targets = {t + 1 for t in ups.targets_of(status_quo - 1).tolist()}
    assert {222, 254} <= targets
