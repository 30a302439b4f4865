"""Plain-sentence explanations: a state's unilateral improvements for a DM and what blocks each.

For each improvement ``s -> s1`` of DM ``i`` we look for a sanction as the definitions do
(:mod:`hexatable.conflict.stability`): a legal sequence of the opponents' moves from ``s1`` to a state
``i`` does not prefer to ``s`` (GMR), one made of the opponents' own improvements (SEQ), or none.
"""

from __future__ import annotations

from dataclasses import dataclass

from hexatable.conflict.graph import GraphModel
from hexatable.conflict.paths import Step, legal_sequences


@dataclass(frozen=True)
class Sanction:
    """Opponents' moves ending in a state the DM does not prefer to where it started."""

    steps: tuple[Step, ...]  # (mover index, state index)
    by_improvements: bool


@dataclass(frozen=True)
class ImprovementExplanation:
    """One improvement and what blocks it; ``sentence`` says it in English, and the other fields let an
    interface say it in another language (``end_worse``: whether the sanction ends strictly worse for
    the DM than where it started, rather than merely no better)."""

    target: int  # state number
    sanction: Sanction | None
    sentence: str
    end_worse: bool = False


def explain(graph: GraphModel, dm: int, state_number: int) -> list[ImprovementExplanation]:
    """Each unilateral improvement of ``dm`` from ``state_number`` and the sanction that blocks it."""
    names = [d.name for d in graph.model.decision_makers]
    me = names[dm]
    start = state_number - 1
    values = graph.values[dm]
    opponents = graph.opponents(dm)
    found = []
    for target in graph.improvements[dm].targets_of(start).tolist():
        sanction = _sanction(graph, dm, start, target, opponents, by_improvements=True)
        if sanction is None:
            sanction = _sanction(graph, dm, start, target, opponents, by_improvements=False)
        opening = f"From state {state_number}, {me} can move to state {target + 1}, which it prefers."
        if sanction is None:
            sentence = (
                f"{opening} No sequence of moves by the others brings it back to a state it likes "
                f"no more than {state_number}: the move is not deterred."
            )
        else:
            route = ", then ".join(f"{names[opponents[k]]} moves to state {s + 1}" for k, s in sanction.steps)
            kind = (
                "each of them improving its own position (a credible sanction: SEQ)"
                if sanction.by_improvements
                else "even at a cost to themselves (a sanction for GMR, not SEQ)"
            )
            end = sanction.steps[-1][1]
            worse = "worse" if values[end] < values[start] else "no better"
            sentence = (
                f"{opening} But then {route}, {kind}; "
                f"state {end + 1} is {worse} for {me} than state {state_number}."
            )
        worse_at_end = sanction is not None and bool(values[sanction.steps[-1][1]] < values[start])
        found.append(ImprovementExplanation(target + 1, sanction, sentence, worse_at_end))
    return found


def _sanction(
    graph: GraphModel, dm: int, start: int, target: int, opponents: list[int], *, by_improvements: bool
) -> Sanction | None:
    movers = [graph.improvements[j] if by_improvements else graph.moves[j] for j in opponents]
    values = graph.values[dm]
    candidates = [
        (len(path), values[end], path)
        for end, path in legal_sequences(target, movers).items()
        if values[end] <= values[start]
    ]
    if not candidates:
        return None
    _, _, path = min(candidates, key=lambda c: (c[0], c[1]))
    return Sanction(steps=tuple(path), by_improvements=by_improvements)
