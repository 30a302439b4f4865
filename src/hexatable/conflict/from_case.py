"""Turn a case-format ``conflicts`` record into the engine's :class:`ConflictModel`.

Options are numbered in the order the decision makers list them, so option ``k`` contributes ``2**k``
to a state's code, as in GMCR+. Decision makers are named by their actor id.

The model is sized before anything is built (:func:`hexatable.conflict.size.check_size`, as for ``.gmcr``
files): a record whose analysis would pass :data:`~hexatable.conflict.size.MAX_MEMORY_BYTES` is refused
with a :class:`~hexatable.conflict.model.ModelError` naming the limit, instead of running out of memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from hexatable.case.conflict_models import Conflict, FeasibilityKind, clause_terms
from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    Conjunction,
    DecisionMaker,
    Direction,
    Disjunction,
    Feasibility,
    OptionPrioritisation,
    Preference,
    Ranking,
    Statement,
    StatementKind,
)
from hexatable.conflict.model import Option as EngineOption
from hexatable.conflict.size import SizeEstimate, check_size


@dataclass(frozen=True)
class CaseConflict:
    """The engine model of a case conflict, its coalitions (DM names) and status-quo code."""

    model: ConflictModel
    coalitions: tuple[tuple[str, ...], ...]
    status_quo: int | None
    option_ids: tuple[str, ...]
    size: SizeEstimate


def conflict_model(conflict: Conflict) -> CaseConflict:
    """The engine model of ``conflict`` (already validated: every option id resolves).

    Raises :class:`~hexatable.conflict.model.ModelError` for a model the engine refuses, or one whose
    estimated size (its coalitions included) passes the documented limit.
    """
    option_ids = [option.id for dm in conflict.decision_makers for option in dm.options]
    index = {option_id: k for k, option_id in enumerate(option_ids)}

    def conjunction(term: list[str]) -> Conjunction:
        return tuple(
            Condition(index[literal.removeprefix("not ")], not literal.startswith("not ")) for literal in term
        )

    def disjunction(clause: list[str] | list[list[str]]) -> Disjunction:
        return tuple(conjunction(term) for term in clause_terms(clause))

    options = tuple(
        EngineOption(option.names["en"], Direction(option.direction.value))
        for dm in conflict.decision_makers
        for option in dm.options
    )
    dms = []
    for d, dm in enumerate(conflict.decision_makers):
        preference: Preference
        if dm.ranking is not None:
            preference = Ranking(tuple(tuple(group) for group in dm.ranking))
        else:
            statements = []
            for statement in dm.statements:
                kind, premise = StatementKind.PLAIN, None
                if statement.if_ is not None:
                    kind, premise = StatementKind.IF, statement.if_
                elif statement.iff is not None:
                    kind, premise = StatementKind.IFF, statement.iff
                statements.append(
                    Statement(
                        condition=disjunction(statement.when),
                        kind=kind,
                        premise=disjunction(premise) if premise is not None else (),
                        label=(statement.text or {}).get("en", ""),
                    )
                )
            preference = OptionPrioritisation(tuple(statements))
        dms.append(DecisionMaker(conflict.dm_name(d), tuple(index[o.id] for o in dm.options), preference))
    rules = conflict.feasibility
    feasibility = Feasibility(
        infeasible=tuple(conjunction(r.options) for r in rules if r.kind is FeasibilityKind.INFEASIBLE),
        mutually_exclusive=tuple(
            tuple(index[o] for o in r.options) for r in rules if r.kind is FeasibilityKind.MUTUALLY_EXCLUSIVE
        ),
        at_least_one=tuple(
            tuple(index[o] for o in r.options) for r in rules if r.kind is FeasibilityKind.AT_LEAST_ONE
        ),
    )
    model = ConflictModel(
        options=options, decision_makers=tuple(dms), feasibility=feasibility, name=conflict.id
    )
    coalitions = tuple(
        tuple(dict.fromkeys(conflict.dm_of_actor(a) for a in c.members)) for c in conflict.coalitions
    )
    size = check_size(model, coalitions)
    status_quo = None
    if conflict.status_quo is not None:
        status_quo = sum(1 << index[o] for o in conflict.status_quo.options)
    return CaseConflict(
        model=model,
        coalitions=tuple(tuple(conflict.dm_name(d) for d in members) for members in coalitions),
        status_quo=status_quo,
        option_ids=tuple(option_ids),
        size=size,
    )
