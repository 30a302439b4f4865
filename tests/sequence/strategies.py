"""Hypothesis strategies for tiny roadmaps whose every schedule can be enumerated.

Values are integers, discounts 1 or 1/2 and reversibility 0, 1/2 or 1, so every temptation
coefficient is exact at the solver's scale of 10,000 and the solver's optimum can be compared with the
brute force exactly.
"""

from __future__ import annotations

from hypothesis import strategies as st

from hexatable.sequence.model import (
    Action,
    Bundle,
    Capacity,
    Constraint,
    Deadline,
    Gating,
    Party,
    Precedence,
    Roadmap,
)

EXACT_SCALE = 10_000


@st.composite
def tiny_roadmaps(draw: st.DrawFn, max_actions: int = 3) -> Roadmap:
    n_parties = draw(st.integers(2, 3))
    party_ids = [f"P{i}" for i in range(n_parties)]
    parties = tuple(
        Party(
            pid,
            discount=draw(st.sampled_from([1.0, 0.5])),
            detection_lag=draw(st.integers(0, 1)),
            tolerance=float(draw(st.integers(0, 2))),
        )
        for pid in party_ids
    )
    phases = draw(st.integers(1, 3))
    n_actions = draw(st.integers(1, max_actions))
    actions = []
    for a in range(n_actions):
        actor = draw(st.sampled_from(party_ids))
        values = {pid: float(draw(st.integers(-1, 4))) for pid in party_ids if pid != actor}
        values[actor] = -float(draw(st.integers(0, 3)))
        actions.append(
            Action(
                f"a{a}",
                actor=actor,
                tranches=draw(st.integers(1, 2)),
                values=values,
                reversibility=draw(st.sampled_from([0.0, 0.5, 1.0])),
                verification_delay=draw(st.integers(0, 1)),
                optional=draw(st.booleans()) and a > 0,
            )
        )
    constraints: list[Constraint] = []
    if n_actions >= 2:
        pairs = [(f"a{i}", f"a{j}") for i in range(n_actions) for j in range(n_actions) if i != j]
        for first, second in draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True)):
            kind = draw(st.sampled_from(["gating", "precedence", "bundle", "capacity"]))
            if kind == "gating":
                constraints.append(Gating(first, second))
            elif kind == "precedence":
                constraints.append(Precedence(first, second))
            elif kind == "bundle":
                constraints.append(Bundle((first, second)))
            else:
                constraints.append(Capacity((first, second), draw(st.integers(0, 2))))
    if draw(st.booleans()):
        constraints.append(Deadline(f"a{draw(st.integers(0, n_actions - 1))}", draw(st.integers(1, phases))))
    return Roadmap(parties=parties, actions=tuple(actions), phases=phases, constraints=tuple(constraints))
