"""Sensitivity of the equilibria to each modelling choice.

Each variant changes one thing and re-analyses: a preference statement removed, two adjacent groups
of a ranking swapped, an irreversible option made reversible. The result lists, per variant, the
equilibria per concept, so a reader sees which conclusions hang on which single assumption.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from hexatable.conflict.analysis import analyse
from hexatable.conflict.model import ConflictModel, DecisionMaker, Direction, OptionPrioritisation, Ranking
from hexatable.conflict.stability import Concept
from hexatable.execution import Executor
from hexatable.execution.local import ProcessExecutor


@dataclass(frozen=True)
class Variant:
    """One change to the model and the equilibria it gives (state numbers per concept)."""

    change: str
    equilibria: dict[str, list[int]]


def variants(model: ConflictModel) -> Iterator[tuple[str, ConflictModel]]:
    """Every one-change variant of ``model``."""
    for i, dm in enumerate(model.decision_makers):
        preference = dm.preference
        if isinstance(preference, OptionPrioritisation):
            for k, statement in enumerate(preference.statements):
                kept = preference.statements[:k] + preference.statements[k + 1 :]
                label = f" ({statement.label})" if statement.label else ""
                yield (
                    f"{dm.name}: without statement {k + 1}{label}",
                    _with_dm(model, i, replace(dm, preference=OptionPrioritisation(kept))),
                )
        elif isinstance(preference, Ranking):
            groups = preference.groups
            for k in range(len(groups) - 1):
                swapped = (*groups[:k], groups[k + 1], groups[k], *groups[k + 2 :])
                yield (
                    f"{dm.name}: ranking groups {k + 1} and {k + 2} swapped",
                    _with_dm(model, i, replace(dm, preference=Ranking(swapped))),
                )
    for k, option in enumerate(model.options):
        if option.direction is not Direction.BOTH:
            options = (*model.options[:k], replace(option, direction=Direction.BOTH), *model.options[k + 1 :])
            yield f"option {option.name!r} made reversible", replace(model, options=options)


def _with_dm(model: ConflictModel, index: int, dm: DecisionMaker) -> ConflictModel:
    dms = list(model.decision_makers)
    dms[index] = dm
    return replace(model, decision_makers=tuple(dms))


def _analysed(concepts: tuple[Concept, ...], part: tuple[str, ConflictModel]) -> Variant:
    """One variant analysed (a part of the sweep, run wherever the executor puts it)."""
    change, model = part
    result = analyse(model, concepts)
    return Variant(change, {c: result.equilibria(c) for c in result.concepts})


def _one(part: object) -> int:
    return 1


def sensitivity(
    model: ConflictModel, concepts: tuple[Concept, ...] = tuple(Concept), executor: Executor | None = None
) -> list[Variant]:
    """The equilibria of every one-change variant of ``model``, in :func:`variants` order: one variant
    a part on ``executor`` (:mod:`hexatable.execution`: local processes or a Dask cluster), else here."""
    runner = executor if executor is not None else ProcessExecutor(1)
    return list(runner.map_ordered(_analysed, concepts, variants(model), weight=_one))
