"""Hypothesis strategies for random conflict models (small enough for the brute-force reference)."""

from __future__ import annotations

from hypothesis import strategies as st

from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    Conjunction,
    DecisionMaker,
    Direction,
    Feasibility,
    ModelError,
    Option,
    OptionPrioritisation,
    Payoffs,
    Statement,
    StatementKind,
)
from hexatable.conflict.states import feasible_states


@st.composite
def conjunctions(draw: st.DrawFn, option_count: int, max_size: int = 2) -> Conjunction:
    options = draw(st.lists(st.integers(0, option_count - 1), min_size=1, max_size=max_size, unique=True))
    return tuple(Condition(k, draw(st.booleans())) for k in options)


@st.composite
def statements(draw: st.DrawFn, option_count: int) -> Statement:
    condition = tuple(draw(st.lists(conjunctions(option_count), min_size=1, max_size=2)))
    kind = draw(st.sampled_from(StatementKind))
    premise = () if kind is StatementKind.PLAIN else (draw(conjunctions(option_count)),)
    return Statement(condition=condition, kind=kind, premise=premise)


@st.composite
def conflict_models(
    draw: st.DrawFn,
    min_dms: int = 2,
    max_dms: int = 4,
    max_options: int = 8,
    infeasibility: bool = True,
    payoffs: bool = True,
) -> ConflictModel:
    """A random model: 2-4 DMs with 1-3 options each (at most ``max_options``), random feasibility,
    irreversibility and preferences (option prioritisation, or payoffs with ties)."""
    dm_count = draw(st.integers(min_dms, max_dms))
    sizes = [draw(st.integers(1, 3)) for _ in range(dm_count)]
    while sum(sizes) > max_options:
        sizes[sizes.index(max(sizes))] -= 1
    option_count = sum(sizes)
    options = tuple(
        Option(f"o{k}", draw(st.sampled_from(Direction)) if draw(st.integers(0, 3)) == 0 else Direction.BOTH)
        for k in range(option_count)
    )
    owners = []
    first = 0
    for size in sizes:
        owners.append(tuple(range(first, first + size)))
        first += size
    feasibility = Feasibility()
    if infeasibility:
        feasibility = Feasibility(
            infeasible=tuple(draw(st.lists(conjunctions(option_count, 3), max_size=2))),
            mutually_exclusive=tuple(
                draw(
                    st.lists(
                        st.lists(st.integers(0, option_count - 1), min_size=2, max_size=3, unique=True).map(
                            tuple
                        ),
                        max_size=1,
                    )
                )
            ),
        )
    placeholder = tuple(DecisionMaker(f"DM{i}", owners[i], OptionPrioritisation(())) for i in range(dm_count))
    try:
        count = feasible_states(ConflictModel(options, placeholder, feasibility)).count
    except ModelError:
        feasibility = Feasibility()
        count = 2**option_count
    dms = []
    for i in range(dm_count):
        if payoffs and draw(st.booleans()):
            values = draw(st.lists(st.integers(0, 4), min_size=count, max_size=count))
            preference: OptionPrioritisation | Payoffs = Payoffs(
                tuple((n, float(v)) for n, v in enumerate(values, 1))
            )
        else:
            preference = OptionPrioritisation(
                tuple(draw(st.lists(statements(option_count), min_size=1, max_size=4)))
            )
        dms.append(DecisionMaker(f"DM{i}", owners[i], preference))
    return ConflictModel(options, tuple(dms), feasibility)
