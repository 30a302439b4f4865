"""The sequencing engine: "action for action" roadmaps that no party is tempted to break.

A roadmap splits each party's actions into tranches over phases; a schedule says how many tranches of
each action fall in each phase. :func:`evaluate` scores a given schedule (its temptation to defect per
party and phase, and the constraints it breaks); :func:`solve` finds a schedule minimising the worst
temptation above tolerance with OR-Tools CP-SAT, and explains an infeasible specification.
"""

from hexatable.sequence.evaluate import Evaluation, evaluate
from hexatable.sequence.feasibility import violations
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
from hexatable.sequence.temptation import temptation, temptation_coefficients

__all__ = [
    "Action",
    "Bundle",
    "Capacity",
    "Constraint",
    "Deadline",
    "Evaluation",
    "Gating",
    "Party",
    "Precedence",
    "Roadmap",
    "evaluate",
    "temptation",
    "temptation_coefficients",
    "violations",
]
