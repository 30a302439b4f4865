"""Find the schedule that keeps the worst temptation lowest, with OR-Tools CP-SAT.

The decision variables are the integer tranches ``x[a, t]`` of every action in every phase. Every
constraint of the roadmap is linear in them (gating: :math:`n_a X_{b,t} \\le n_b X_{a,t-d_a}`;
precedence through a Boolean "complete by phase t"), and so is the temptation
(:mod:`hexatable.sequence.temptation`), scaled to integers. The objective is lexicographic:

1. minimise :math:`z = \\max_{q,t} (\\tau_{q,t} - \\text{tolerance}_q)`, the worst temptation above
   tolerance (a schedule is self-enforcing when :math:`z \\le 0`);
2. with :math:`z` fixed at its optimum, minimise the number of phases used.

Each named constraint is enforced by its own literal, passed to CP-SAT as an assumption; when the
specification is infeasible, CP-SAT's sufficient assumptions (then shrunk one at a time) name the
constraints that conflict.

>>> from hexatable.sequence.model import Action, Party, Roadmap
>>> roadmap = Roadmap(
...     parties=(Party("A"), Party("B")),
...     actions=(Action("pay", "A", 2, {"A": -1.0, "B": 2.0}),
...              Action("ship", "B", 2, {"A": 2.0, "B": -1.0})),
...     phases=3,
... )
>>> solution = solve(roadmap)
>>> solution.status, solution.evaluation.worst_excess, solution.evaluation.phases_used
('optimal', 0.0, 1)
>>> solution.evaluation.schedule.tolist()  # exchange everything at once: nobody can cheat
[[2, 0, 0], [2, 0, 0]]
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from ortools.sat.python import cp_model

from hexatable.sequence.evaluate import Evaluation, evaluate
from hexatable.sequence.feasibility import completion_name, max_per_phase_name
from hexatable.sequence.model import Bundle, Capacity, Deadline, Gating, Precedence, Roadmap
from hexatable.sequence.temptation import temptation_coefficients


@dataclass(frozen=True)
class SolverOptions:
    """How to run CP-SAT.

    Parameters
    ----------
    time_limit
        Seconds per solve (each stage of the lexicographic objective gets this much).
    workers
        CP-SAT search workers; 1 is deterministic given ``seed``.
    seed
        CP-SAT's random seed.
    scale
        Values are multiplied by this and rounded, since CP-SAT works on integers.
    minimise_phases
        Second stage: fewest phases among the schedules with the optimal worst temptation.
    require_self_enforcing
        Add "temptation within tolerance" for every party as named constraints; an infeasible result
        then says which parties and constraints make every schedule tempting.
    stop_at_self_enforcing
        Stop at the first self-enforcing schedule found (no proof of optimality; for benchmarks).
    alternatives
        Also enumerate up to this many other optimal schedules.
    """

    time_limit: float = 30.0
    workers: int = 1
    seed: int = 0
    scale: int = 1000
    minimise_phases: bool = True
    require_self_enforcing: bool = False
    stop_at_self_enforcing: bool = False
    alternatives: int = 0


@dataclass(frozen=True)
class Solution:
    """What the solver found.

    Attributes
    ----------
    status
        ``optimal`` (proven), ``feasible`` (a schedule, optimality not proven: see ``gap``),
        ``infeasible`` (no schedule meets the constraints: see ``conflict``) or ``unknown``
        (time ran out before any schedule was found).
    evaluation
        The best schedule, scored exactly (``None`` unless optimal or feasible).
    objective, bound, gap
        The worst temptation above tolerance as CP-SAT saw it (scaled back), its proven lower bound,
        and their difference.
    alternatives
        Other schedules with the same worst temptation and number of phases.
    conflict
        For an infeasible roadmap: names of constraints that cannot all hold together.
    seconds, first_self_enforcing_seconds
        Wall time of the whole solve, and until the first self-enforcing schedule (if one was found).
    """

    status: str
    evaluation: Evaluation | None
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    alternatives: tuple[Evaluation, ...] = ()
    conflict: tuple[str, ...] = ()
    seconds: float = 0.0
    first_self_enforcing_seconds: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "objective": _round(self.objective),
            "bound": _round(self.bound),
            "gap": _round(self.gap),
            "schedule": self.evaluation.to_json() if self.evaluation else None,
            "alternatives": [a.to_json() for a in self.alternatives],
            "conflict": list(self.conflict),
            "seconds": round(self.seconds, 3),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


@dataclass
class _Model:
    """The CP-SAT model of a roadmap, with the variables and named literals kept for later."""

    roadmap: Roadmap
    model: cp_model.CpModel
    x: list[list[cp_model.IntVar]]
    worst: cp_model.IntVar
    length: cp_model.IntVar
    named: dict[int, str]  # literal index -> constraint name


def solve(roadmap: Roadmap, options: SolverOptions | None = None) -> Solution:
    """Minimise the worst temptation above tolerance, then the number of phases.

    Parameters
    ----------
    roadmap
        The roadmap to schedule.
    options
        Solver settings; the defaults are deterministic (one worker, seed 0).

    Returns
    -------
    Solution
        The status, the best schedule with its temptation profile, and for an infeasible roadmap
        the conflicting constraints.

    References
    ----------
    Sandholm, T. & Lesser, V. (1995). Equilibrium analysis of the possibilities of unenforced exchange
    in multiagent systems. IJCAI-95. Telser, L. G. (1980). A theory of self-enforcing agreements.
    Journal of Business 53(1).
    """
    options = options or SolverOptions()
    started = time.perf_counter()
    built = _build(roadmap, options)
    solver = _solver(options)
    tracker = _FirstSelfEnforcing(built, started, options.stop_at_self_enforcing)
    status = solver.solve(built.model, tracker)
    scale = options.scale
    if status == cp_model.INFEASIBLE:
        conflict = _explain(built, solver, options)
        return Solution(
            status="infeasible",
            evaluation=None,
            conflict=conflict,
            seconds=time.perf_counter() - started,
        )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution(status="unknown", evaluation=None, seconds=time.perf_counter() - started)
    proven = status == cp_model.OPTIMAL
    best_worst = int(solver.value(built.worst))
    bound = solver.best_objective_bound
    schedule = _schedule(solver, built)
    if proven and options.minimise_phases and not options.stop_at_self_enforcing:
        schedule = _fewest_phases(built, options, best_worst, schedule)
    alternatives: tuple[Evaluation, ...] = ()
    if options.alternatives > 0 and proven:
        alternatives = _alternatives(built, options, best_worst, schedule)
    objective = best_worst / scale
    lower = min(bound / scale, objective)
    return Solution(
        status="optimal" if proven else "feasible",
        evaluation=evaluate(roadmap, schedule),
        objective=objective,
        bound=lower,
        gap=objective - lower,
        alternatives=alternatives,
        seconds=time.perf_counter() - started,
        first_self_enforcing_seconds=tracker.first_seconds,
    )


# --- building the model ---------------------------------------------------------------------------


def _build(roadmap: Roadmap, options: SolverOptions) -> _Model:
    model = cp_model.CpModel()
    n_phases = roadmap.phases
    counts = [int(n) for n in roadmap.tranche_counts()]
    named: dict[int, str] = {}

    def literal(name: str) -> cp_model.IntVar:
        lit = model.new_bool_var(name)
        named[lit.index] = name
        return lit

    x = [
        [model.new_int_var(0, n, f"x[{a.id},{t}]") for t in range(n_phases)]
        for a, n in zip(roadmap.actions, counts, strict=True)
    ]
    totals = [
        [model.new_int_var(0, n, f"X[{a.id},{t}]") for t in range(n_phases)]
        for a, n in zip(roadmap.actions, counts, strict=True)
    ]
    for a, action in enumerate(roadmap.actions):
        model.add(totals[a][0] == x[a][0])
        for t in range(1, n_phases):
            model.add(totals[a][t] == totals[a][t - 1] + x[a][t])
        final = totals[a][-1]
        if action.optional:
            included = model.new_bool_var(f"include[{action.id}]")
            model.add(final == counts[a] * included)
        else:
            model.add(final == counts[a]).only_enforce_if(literal(completion_name(action.id)))
        if action.max_per_phase is not None and action.max_per_phase < counts[a]:
            cap = literal(max_per_phase_name(action.id, action.max_per_phase))
            for t in range(n_phases):
                model.add(x[a][t] <= action.max_per_phase).only_enforce_if(cap)

    index = roadmap.action_index
    for constraint in roadmap.constraints:
        lit = literal(constraint.name)
        if isinstance(constraint, Precedence):
            a, b = index(constraint.before), index(constraint.after)
            model.add(totals[b][0] == 0).only_enforce_if(lit)
            for t in range(n_phases - 1):
                complete = model.new_bool_var(f"complete[{constraint.before},{t}]")
                model.add(totals[a][t] >= counts[a]).only_enforce_if(complete)
                model.add(totals[b][t + 1] <= counts[b] * complete).only_enforce_if(lit)
        elif isinstance(constraint, Gating):
            a, b = index(constraint.trigger), index(constraint.reward)
            delay = roadmap.actions[a].verification_delay
            for t in range(n_phases):
                if t - delay >= 0:
                    verified = counts[b] * totals[a][t - delay]
                    model.add(counts[a] * totals[b][t] <= verified).only_enforce_if(lit)
                else:
                    model.add(totals[b][t] == 0).only_enforce_if(lit)
        elif isinstance(constraint, Bundle):
            members = [index(i) for i in constraint.actions]
            first = members[0]
            for other in members[1:]:
                for t in range(n_phases):
                    model.add(
                        counts[other] * totals[first][t] == counts[first] * totals[other][t]
                    ).only_enforce_if(lit)
        elif isinstance(constraint, Capacity):
            members = [index(i) for i in constraint.actions]
            for t in range(n_phases):
                model.add(sum(x[m][t] for m in members) <= constraint.limit).only_enforce_if(lit)
        elif isinstance(constraint, Deadline):
            a = index(constraint.action)
            phase = min(constraint.phases, n_phases) - 1
            model.add(totals[a][phase] == totals[a][-1]).only_enforce_if(lit)

    active = [model.new_bool_var(f"active[{t}]") for t in range(n_phases)]
    for t in range(n_phases):
        if t + 1 < n_phases:
            model.add_implication(active[t + 1], active[t])
        for a in range(len(roadmap.actions)):
            model.add(x[a][t] <= counts[a] * active[t])
    length = model.new_int_var(0, n_phases, "phases used")
    model.add(length == sum(active))

    worst = _add_temptation(model, roadmap, options, x, literal)
    model.minimize(worst)
    model.add_assumptions(list(_literals(model, named)))
    return _Model(roadmap=roadmap, model=model, x=x, worst=worst, length=length, named=named)


def _literals(model: cp_model.CpModel, named: dict[int, str]) -> list[cp_model.IntVar]:
    return [model.get_bool_var_from_proto_index(i) for i in named]


_INT_LIMIT = 2**60
"""The largest scaled temptation the CP-SAT model may reach: CP-SAT's integers are 64-bit, and its
linear constraints add a few such terms, so some headroom is kept."""


def _add_temptation(
    model: cp_model.CpModel,
    roadmap: Roadmap,
    options: SolverOptions,
    x: list[list[cp_model.IntVar]],
    literal: Any,
) -> cp_model.IntVar:
    """``worst >= C·x - tolerance`` for every party that can defect and every decision point, on integers.

    A party without actions cannot defect (:mod:`hexatable.sequence.temptation`): it adds no row, and no
    "tolerance of" literal, so it never appears in the worst temptation or in a conflict.
    """
    coefficients = temptation_coefficients(roadmap) * options.scale
    counts = roadmap.tranche_counts()
    largest = float((np.abs(coefficients) * counts[None, None, :, None]).sum(axis=(2, 3)).max())
    largest += max(abs(p.tolerance) for p in roadmap.parties) * options.scale
    if not largest < _INT_LIMIT:  # also catches inf and nan
        raise ValueError(
            f"the roadmap's values times tranches, and its tolerances, scaled by {options.scale}, reach "
            f"{largest:.3g}: beyond the solver's integers ({_INT_LIMIT:.3g}); use larger units or a "
            "smaller SolverOptions.scale"
        )
    scaled = np.rint(coefficients).astype(np.int64)
    tolerance = [round(p.tolerance * options.scale) for p in roadmap.parties]
    reach = np.abs(scaled) * counts[None, None, :, None]
    bound = int(reach.sum(axis=(2, 3)).max()) + max(abs(t) for t in tolerance) + 1
    worst = model.new_int_var(-bound, bound, "worst temptation above tolerance")
    flat_x = [v for row in x for v in row]
    n_parties, n_points = scaled.shape[:2]
    can_defect = roadmap.can_defect()
    for q in range(n_parties):
        if not can_defect[q]:
            continue
        within = literal(f"tolerance of {roadmap.parties[q].id}") if options.require_self_enforcing else None
        for t in range(n_points):
            row = scaled[q, t].ravel()
            nonzero = np.flatnonzero(row)
            expression = cp_model.LinearExpr.weighted_sum(
                [flat_x[i] for i in nonzero], [int(row[i]) for i in nonzero]
            )
            model.add(worst >= expression - tolerance[q])
            if within is not None:
                model.add(expression <= tolerance[q]).only_enforce_if(within)
    return worst


# --- solving ----------------------------------------------------------------------------------------


def _solver(options: SolverOptions) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    solver.parameters.max_time_in_seconds = options.time_limit
    return solver


def _schedule(solver: cp_model.CpSolver, built: _Model) -> NDArray[np.int64]:
    return np.array([[solver.value(v) for v in row] for row in built.x], dtype=np.int64)


class _FirstSelfEnforcing(cp_model.CpSolverSolutionCallback):
    """Notes the time of the first solution with worst temptation within tolerance."""

    def __init__(self, built: _Model, started: float, stop: bool) -> None:
        super().__init__()
        self._worst = built.worst
        self._started = started
        self._stop = stop
        self.first_seconds: float | None = None

    def on_solution_callback(self) -> None:
        if self.first_seconds is None and self.value(self._worst) <= 0:
            self.first_seconds = time.perf_counter() - self._started
            if self._stop:
                self.stop_search()


def _fix_worst(built: _Model, best_worst: int, hint: NDArray[np.int64]) -> cp_model.CpModel:
    model = built.model.clone()
    model.add(model.get_int_var_from_proto_index(built.worst.index) <= best_worst)
    model.clear_hints()  # type: ignore[no-untyped-call]
    for a, row in enumerate(built.x):
        for t, var in enumerate(row):
            model.add_hint(model.get_int_var_from_proto_index(var.index), int(hint[a, t]))
    return model


def _fewest_phases(
    built: _Model, options: SolverOptions, best_worst: int, schedule: NDArray[np.int64]
) -> NDArray[np.int64]:
    """Second stage: the fewest phases among schedules with the optimal worst temptation."""
    model = _fix_worst(built, best_worst, schedule)
    model.minimize(model.get_int_var_from_proto_index(built.length.index))
    solver = _solver(options)
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _schedule(solver, built)
    return schedule


class _Collector(cp_model.CpSolverSolutionCallback):
    def __init__(self, x: list[list[cp_model.IntVar]], limit: int) -> None:
        super().__init__()
        self._x = x
        self._limit = limit
        self.found: dict[bytes, NDArray[np.int64]] = {}

    def on_solution_callback(self) -> None:
        schedule = np.array([[self.value(v) for v in row] for row in self._x], dtype=np.int64)
        self.found.setdefault(schedule.tobytes(), schedule)
        if len(self.found) >= self._limit:
            self.stop_search()


def _alternatives(
    built: _Model, options: SolverOptions, best_worst: int, schedule: NDArray[np.int64]
) -> tuple[Evaluation, ...]:
    """Other schedules as good as ``schedule``: same worst temptation, no more phases."""
    model = _fix_worst(built, best_worst, schedule)
    used = int(np.flatnonzero(schedule.sum(axis=0) > 0).max(initial=-1)) + 1
    if options.minimise_phases:
        model.add(model.get_int_var_from_proto_index(built.length.index) <= used)
    model.clear_objective()  # type: ignore[no-untyped-call]
    solver = _solver(options)
    solver.parameters.num_workers = 1
    solver.parameters.enumerate_all_solutions = True
    collector = _Collector(built.x, options.alternatives + 1)
    solver.solve(model, collector)
    others = [s for key, s in sorted(collector.found.items()) if key != schedule.tobytes()]
    return tuple(evaluate(built.roadmap, s) for s in others[: options.alternatives])


def _explain(built: _Model, solver: cp_model.CpSolver, options: SolverOptions) -> tuple[str, ...]:
    """Names of constraints that cannot hold together: CP-SAT's sufficient assumptions, shrunk.

    Each constraint of the core is dropped in turn; if the rest is still infeasible it stays out.
    The result is a minimal conflict when every re-solve finishes within the time limit.
    """
    core = [i for i in solver.sufficient_assumptions_for_infeasibility() if i in built.named]
    kept = list(core)
    for candidate in core:
        trial = [i for i in kept if i != candidate]
        if _infeasible_with(built, trial, options):
            kept = trial
    return tuple(sorted(built.named[i] for i in kept))


def _infeasible_with(built: _Model, assumed: list[int], options: SolverOptions) -> bool:
    model = built.model.clone()
    model.clear_assumptions()
    model.clear_objective()  # type: ignore[no-untyped-call]
    model.add_assumptions([model.get_bool_var_from_proto_index(i) for i in assumed])
    return _solver(options).solve(model) == cp_model.INFEASIBLE
