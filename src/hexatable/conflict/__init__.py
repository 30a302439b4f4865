"""Conflict engine: the Graph Model for Conflict Resolution (GMCR), exact and vectorised.

Build a :class:`ConflictModel` (options, decision makers, feasibility, preferences), then
:func:`analyse` it. See docs/conflict.md for the method and the choices made.

>>> from hexatable.conflict import ConflictModel, DecisionMaker, Option, Ranking, analyse
>>> stag = ConflictModel(
...     options=(Option("A hunts stag"), Option("B hunts stag")),
...     decision_makers=(
...         DecisionMaker("A", (0,), Ranking(((4,), (1,), (3,), (2,)))),
...         DecisionMaker("B", (1,), Ranking(((4,), (1,), (2,), (3,)))),
...     ),
... )
>>> analyse(stag).equilibria("nash")
[1, 4]
"""

from hexatable.conflict.analysis import ConflictAnalysis, analyse
from hexatable.conflict.graph import GraphModel, build_graph
from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    DecisionMaker,
    Direction,
    Feasibility,
    ModelError,
    Option,
    OptionPrioritisation,
    Payoffs,
    Ranking,
    Statement,
    StatementKind,
)
from hexatable.conflict.stability import Concept

__all__ = [
    "Concept",
    "Condition",
    "ConflictAnalysis",
    "ConflictModel",
    "DecisionMaker",
    "Direction",
    "Feasibility",
    "GraphModel",
    "ModelError",
    "Option",
    "OptionPrioritisation",
    "Payoffs",
    "Ranking",
    "Statement",
    "StatementKind",
    "analyse",
    "build_graph",
]
