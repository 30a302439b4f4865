"""Published GMCR models, encoded from their publications, shared by the conflict oracles."""

from __future__ import annotations

from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    DecisionMaker,
    Direction,
    Feasibility,
    Option,
    Ranking,
)


def ranking(*groups: int | tuple[int, ...]) -> Ranking:
    return Ranking(tuple(g if isinstance(g, tuple) else (g,) for g in groups))


def syria_iraq() -> ConflictModel:
    """The 1975 Euphrates crisis (Hipel, Kilgour & Kinsara 2014, GDN 23(3), sec. 3).

    Syria: release water, escalate; Iraq: attack. Releasing and escalating together is infeasible,
    leaving states 1 = NNN, 2 = YNN, 3 = NYN, 4 = NNY, 5 = YNY, 6 = NYY (options in that order).
    Rankings, most preferred first: Syria 1 3 6 2 4 5; Iraq 2 4 6 1 5 3.
    """
    return ConflictModel(
        name="Syria–Iraq 1975",
        options=(Option("Release water"), Option("Escalate"), Option("Attack")),
        decision_makers=(
            DecisionMaker("Syria", (0, 1), ranking(1, 3, 6, 2, 4, 5)),
            DecisionMaker("Iraq", (2,), ranking(2, 4, 6, 1, 5, 3)),
        ),
        feasibility=Feasibility(infeasible=((Condition(0, True), Condition(1, True)),)),
    )


ELMIRA_ABANDONED = (9, 10, 11, 12)
"""The option-form states in which Uniroyal has abandoned Elmira; the 9-state model merges them."""


def elmira() -> ConflictModel:
    """The Elmira groundwater conflict (Fang, Hipel & Kilgour 1993, ch. 2 and 3; Hipel et al. 1993).

    Ministry of the Environment (MoE): modify the control order. Uniroyal: delay (appeal), accept the
    order, abandon its Elmira operation — exactly one of the three. Local government: insist on the
    original order. Modifying and abandoning cannot be undone. The published model merges every
    state with *abandon* into state 9; in option form those are four states (9-12 here), which every
    DM ranks last and equally, so they behave as the published state 9. With the options in the
    order modify, delay, accept, insist, abandon, states 1-8 are numbered as in the publication.
    Rankings, most preferred first: MoE 7 3 4 8 5 1 2 6 9; Uniroyal 4 8 5 1 2 6 3 7 9;
    Local government 7 3 5 1 8 6 4 2 9.
    """
    abandoned = ELMIRA_ABANDONED
    return ConflictModel(
        name="Elmira",
        options=(
            Option("Modify", Direction.FWD),
            Option("Delay"),
            Option("Accept"),
            Option("Insist"),
            Option("Abandon", Direction.FWD),
        ),
        decision_makers=(
            DecisionMaker("Ministry of the Environment", (0,), ranking(7, 3, 4, 8, 5, 1, 2, 6, abandoned)),
            DecisionMaker("Uniroyal", (1, 2, 4), ranking(4, 8, 5, 1, 2, 6, 3, 7, abandoned)),
            DecisionMaker("Local government", (3,), ranking(7, 3, 5, 1, 8, 6, 4, 2, abandoned)),
        ),
        feasibility=Feasibility(mutually_exclusive=((1, 2, 4),), at_least_one=((1, 2, 4),)),
    )


def as_published_elmira(numbers: list[int]) -> list[int]:
    """Option-form Elmira state numbers as the 9-state model numbers them (abandonment = 9)."""
    return sorted({min(n, 9) for n in numbers})
