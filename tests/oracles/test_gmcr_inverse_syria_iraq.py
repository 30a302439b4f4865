"""Oracle: inverse analysis of the Syria–Iraq 1975 conflict, Syria's ranking free, Iraq's fixed.

Source of the model: Hipel, Kilgour & Kinsara (2014), GDN 23(3), sec. 3; the inverse question as in
Kinsara, Petersons, Hipel & Kilgour (2015), J. Decision Systems 24(2), which GMCR+'s
inverse solver implements. Counted by hand:

- Nash: Syria's moves from state 2 are to 1 and 3; state 2 is Nash-stable iff both rank below it,
  one ranking in three of the 720: 240 (as the issue's table says).
- SEQ: Iraq's only improvements from 1 and 3 are its attacks, to 4 and 6. State 2 is SEQ-stable iff
  (1 or 4 below 2) and (3 or 6 below 2): 1 − 1/3 − 1/3 + 1/5 = 8/15 of 720 = 384.

The issue's table says 420. That is GMCR+'s figure, and it comes from how GMCR+'s inverse solver
checks a ranking: it walks the DM's moves from the state in state order and, at each improvement,
*overwrites* the verdict with "this improvement is sanctioned", so the last improvement decides and an
earlier unsanctioned one is forgotten. Under that rule state 2 is stable iff 1 and 3 are both below 2,
or 3 is above 2 and 6 below it, or 3 is below, 1 above and 4 below: 1/3 + 1/6 + 1/12 = 7/12 of 720 =
420. The 36 rankings between the two counts are exactly those where Syria's move to 1 is an
unsanctioned improvement (1 and 4 above 2) while its move to 3 is a sanctioned one (3 above 2, 6 below
it): by the textbook Syria escapes to 1, so 2 is not stable (docs/conflict.md, "Inverse analysis").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace

from hexatable.conflict import Ranking, analyse, build_graph
from hexatable.conflict.inverse import inverse_stability
from hexatable.conflict.model import ConflictModel
from tests.conflict.reference import Reference
from tests.oracles.gmcr_models import syria_iraq


def with_syria_ranking(model: ConflictModel, order: tuple[int, ...]) -> ConflictModel:
    syria = replace(model.decision_makers[0], preference=Ranking(tuple((n,) for n in order)))
    return replace(model, decision_makers=(syria, model.decision_makers[1]))


def test_nash_count_as_published() -> None:
    result = inverse_stability(build_graph(syria_iraq()), 0, 2, "nash")
    assert (result.count, result.total) == (240, 720)
    assert result.below_sets == ((1, 3),)


def test_seq_count_by_hand() -> None:
    result = inverse_stability(build_graph(syria_iraq()), 0, 2, "seq")
    assert result.count == 384


def test_counts_agree_with_analysing_all_720_rankings() -> None:
    model = syria_iraq()
    graph = build_graph(model)
    expected = {c: inverse_stability(graph, 0, 2, c).count for c in ("nash", "gmr", "seq")}
    counted = dict.fromkeys(expected, 0)
    for order in itertools.permutations(range(1, 7)):
        result = analyse(with_syria_ranking(model, order))
        for concept in counted:
            counted[concept] += 2 in result.stable_for(concept, 0)
    assert counted == expected


def last_improvement_decides(
    ref: Reference, dm: int, s: int, sanctions: Callable[[int, int], set[int]]
) -> bool:
    """GMCR+'s inverse verdict, as its rule reads: each improvement, in state order, overwrites it."""
    verdict = True
    for t in sorted(ref.moves(dm, s)):
        if ref.prefers(dm, t, s):
            verdict = any(not ref.prefers(dm, u, s) for j in ref.opponents(dm) for u in sanctions(j, t))
    return verdict


def test_the_issues_420_is_gmcr_plus_rule_where_the_last_improvement_decides() -> None:
    model = syria_iraq()
    state_2 = 0b001  # Release water taken, nothing else: YNN
    textbook: set[tuple[int, ...]] = set()
    gmcr_plus: set[tuple[int, ...]] = set()
    for order in itertools.permutations(range(1, 7)):
        ref = Reference(with_syria_ranking(model, order))
        if ref.seq(0, state_2):
            textbook.add(order)
        if last_improvement_decides(ref, 0, state_2, ref.improvements):
            gmcr_plus.add(order)
    assert (len(textbook), len(gmcr_plus)) == (384, 420)
    assert textbook <= gmcr_plus

    def above_2(order: tuple[int, ...], state: int) -> bool:
        return order.index(state) < order.index(2)

    # The difference: the move to 1 improves unsanctioned (4 above 2), the move to 3 improves
    # sanctioned (6 below 2), and the later move's verdict hides the earlier one's.
    assert gmcr_plus - textbook == {
        order
        for order in itertools.permutations(range(1, 7))
        if above_2(order, 1) and above_2(order, 4) and above_2(order, 3) and not above_2(order, 6)
    }
