"""Explorer pages for what the engines say about a case, as charts: the forecasts (where positions
converge, every model), the stability analysis of its conflict models (GMCR) and the roadmaps
(sequence).

Each page computes with the engine on the built-in case once per process (cases do not change while
the server runs) and renders Plotly charts served from the installed package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from hexatable.case import Case, pick
from hexatable.case.roadmap_models import Roadmap as RoadmapRecord
from hexatable.cli.views import actor_name
from hexatable.conflict.analysis import ConflictAnalysis, analyse, listed_states
from hexatable.conflict.coalitions import analyse_coalitions
from hexatable.conflict.explain import ImprovementExplanation, explain
from hexatable.conflict.from_case import CaseConflict, conflict_model
from hexatable.conflict.status_quo import status_quo_paths
from hexatable.forecast.case_input import input_from_case
from hexatable.forecast.models import MODELS, run_model
from hexatable.forecast.result import ForecastResult
from hexatable.ledger import LedgerQueryError, RealisedSchedule, realised_schedule
from hexatable.sequence.evaluate import Evaluation, evaluate
from hexatable.sequence.from_case import engine_roadmap, schedule_of
from hexatable.sequence.solver import Solution, SolverOptions, solve
from hexatable.services.room.service import RoomError
from hexatable.web.i18n import N_, translations
from hexatable.web.pages import builtin_case, language, render

router = APIRouter(include_in_schema=False)
SOLVER_STATUSES = (N_("optimal"), N_("feasible"), N_("infeasible"), N_("unknown"))
"""The solver's statuses, shown translated."""


@dataclass(frozen=True)
class RoadmapResults:
    """A package's schedules as scored, the least tempting schedule the solver found, and the schedule
    the implementation ledger records (when the case has a ledger and the package a dated schedule)."""

    record: RoadmapRecord
    scored: tuple[tuple[str, Evaluation], ...]
    solution: Solution
    realised: tuple[RealisedSchedule, Evaluation] | None = None


def _realised(case: Case, record: RoadmapRecord) -> tuple[RealisedSchedule, Evaluation] | None:
    """The ledger's schedule of a package, scored; ``None`` without a ledger or a dated schedule."""
    if not case.implementation:
        return None
    try:
        realised = realised_schedule(case, record)
    except LedgerQueryError:
        return None
    roadmap = engine_roadmap(record, phases=len(realised.phases))
    array = roadmap.empty_schedule()
    for t, phase in enumerate(realised.phases):
        for action_id, tranches in phase.tranches.items():
            array[roadmap.action_index(action_id), t] = tranches
    return realised, evaluate(roadmap, array)


@cache
def roadmap_results(case_id: str, package: str) -> RoadmapResults:
    """Score every schedule of a built-in case's package and solve it (once per process)."""
    case = builtin_case(case_id)
    record = next((r for r in case.roadmaps if r.id == package), None)
    if record is None:
        raise RoomError(404, f"no roadmap '{package}' in case '{case_id}'")
    scored = []
    for schedule in record.schedules:
        roadmap, array = schedule_of(record, schedule.id)
        scored.append((schedule.id, evaluate(roadmap, array)))
    solution = solve(engine_roadmap(record), SolverOptions(time_limit=10.0, workers=1, seed=0))
    return RoadmapResults(record, tuple(scored), solution, _realised(case, record))


def _chart(
    record: RoadmapRecord, evaluation: Evaluation, labels: list[str], lang: str, names: dict[str, str]
) -> dict[str, Any]:
    """The data of a schedule's two charts: tranches per action and phase, temptation per party."""
    titles = {a.id: pick(a.title, lang) for a in record.actions}
    _ = translations(lang).gettext
    points = [*labels, _("after")]
    return {
        "phases": labels,
        "ids": list(evaluation.actions),
        "actions": [titles[a] for a in evaluation.actions],
        "tranches": evaluation.schedule.tolist(),
        "points": points,
        "excess": [  # a party with no actions in the package has nothing to defect from: not charted
            {"name": names.get(q, q), "y": [round(v, 1) for v in evaluation.excess[i].tolist()]}
            for i, q in enumerate(evaluation.parties)
            if q not in evaluation.without_actions
        ],
        "labels": {"tranches": _("Tranches delivered"), "excess": _("Temptation above tolerance")},
    }


def _verdict(evaluation: Evaluation, labels: list[str], names: dict[str, str], lang: str) -> str:
    _ = translations(lang).gettext
    if evaluation.self_enforcing:
        return _("Self-enforcing: no party is ever tempted beyond its tolerance.")
    points = [*labels, _("after")]
    return _("Not self-enforcing: %(party)s is tempted %(excess).1f above its tolerance at %(phase)s.") % {
        "party": names.get(evaluation.worst_party, evaluation.worst_party),
        "excess": evaluation.worst_excess,
        "phase": points[evaluation.worst_phase],
    }


@router.get("/cases/{case_id}/roadmaps", response_class=HTMLResponse)
async def roadmaps_page(case_id: str, request: Request, package: str | None = None) -> HTMLResponse:
    lang = language(request)
    _ = translations(lang).gettext
    case = builtin_case(case_id)
    packages = [{"id": r.id, "title": pick(r.title, lang)} for r in case.roadmaps]
    context: dict[str, Any] = {"case_id": case_id, "title": pick(case.info.title, lang), "packages": packages}
    chosen = package or (packages[0]["id"] if packages else None)
    if chosen is not None:
        results = await run_in_threadpool(roadmap_results, case_id, chosen)
        record = results.record
        names = {p.actor: actor_name(case, p.actor, lang) for p in record.parties}
        schedules = {s.id: s for s in record.schedules}

        def phase_labels(sid: str) -> list[str]:
            phases = schedules[sid].phases
            return [pick(p.label, lang) if p.label else str(t + 1) for t, p in enumerate(phases)]

        views = [
            {
                "title": pick(schedules[sid].title, lang),
                "summary": pick(schedules[sid].summary, lang) if schedules[sid].summary else "",
                "chart": _chart(record, evaluation, phase_labels(sid), lang, names),
                "verdict": _verdict(evaluation, phase_labels(sid), names, lang),
                "violations": list(evaluation.violations),
                "provenance": schedules[sid].provenance,
            }
            for sid, evaluation in results.scored
        ]
        if results.realised is not None:
            realised, evaluation = results.realised
            labels = phase_labels(realised.grid)
            unrecorded = ", ".join(realised.unrecorded)
            missing = _("Not in the ledger (no tranche counted): %(actions)s") % {"actions": unrecorded}
            views.append(
                {
                    "title": _("As the implementation ledger records it"),
                    "summary": missing if unrecorded else "",
                    "chart": _chart(record, evaluation, labels, lang, names),
                    "verdict": _verdict(evaluation, labels, names, lang),
                    "violations": list(evaluation.violations),
                    "provenance": [],
                    "ledger": f"/cases/{case_id}/ledger?lang={lang}",
                }
            )
        solution = results.solution
        best = None
        if solution.evaluation is not None:
            labels = [str(t + 1) for t in range(solution.evaluation.schedule.shape[1])]
            best = {
                "chart": _chart(record, solution.evaluation, labels, lang, names),
                "verdict": _verdict(solution.evaluation, labels, names, lang),
            }
        context |= {
            "chosen": chosen,
            "record": {
                "title": pick(record.title, lang),
                "summary": pick(record.summary, lang) if record.summary else "",
                "provenance": record.provenance,
                "actions": [
                    {
                        "id": a.id,
                        "actor": a.actor,
                        "title": pick(a.title, lang),
                        "tranches": a.tranches,
                        "provenance": a.provenance,
                    }
                    for a in record.actions
                ],
            },
            "schedules": views,
            "solution": {"status": solution.status, "conflict": list(solution.conflict), "best": best},
            "source_titles": {s.id: pick(s.title, lang) for s in case.sources},
        }
    return render(request, "roadmaps.html", context)


# --- forecasts ----------------------------------------------------------------------------------


@cache
def forecast_results(case_id: str, forecast_id: str) -> dict[str, ForecastResult]:
    """Every model's forecast of one input set of a built-in case (once per process)."""
    case = builtin_case(case_id)
    if forecast_id not in {f.id for f in case.forecasts}:
        raise RoomError(404, f"no forecast inputs '{forecast_id}' in case '{case_id}'")
    data = input_from_case(case, forecast_id)
    return {model: run_model(data, model) for model in MODELS}


@router.get("/cases/{case_id}/forecasts", response_class=HTMLResponse)
async def forecasts_page(
    case_id: str, request: Request, forecast: str | None = None, model: str = "bdm"
) -> HTMLResponse:
    lang = language(request)
    _ = translations(lang).gettext
    case = builtin_case(case_id)
    sets = [{"id": f.id, "title": pick(f.title, lang)} for f in case.forecasts]
    context: dict[str, Any] = {
        "case_id": case_id,
        "title": pick(case.info.title, lang),
        "sets": sets,
        "models": [m for m in MODELS if m in ("bdm", "smp")],
        "model": model,
    }
    chosen = forecast or (sets[0]["id"] if sets else None)
    if chosen is not None:
        if model not in ("bdm", "smp"):
            raise RoomError(422, "model: use bdm or smp (the baselines are shown for every issue)")
        results = await run_in_threadpool(forecast_results, case_id, chosen)
        record = next(f for f in case.forecasts if f.id == chosen)
        shown = results[model]
        names = {a: actor_name(case, a, lang) for a in shown.actors}
        issues = []
        for k, issue_id in enumerate(shown.dimensions):
            issue = case.issue_index[issue_id]
            rows = []
            for inputs in record.actors:
                stand = next(p for p in inputs.positions if p.issue == issue_id)
                rows.append(
                    {
                        "actor": names[inputs.actor],
                        "capability": inputs.capability,
                        "position": stand.position,
                        "salience": stand.salience,
                    }
                )
            issues.append(
                {
                    "id": issue_id,
                    "title": pick(issue.title, lang),
                    "scale": issue.scale,
                    "low": pick(issue.scale.low, lang) if issue.scale else "",
                    "high": pick(issue.scale.high, lang) if issue.scale else "",
                    "forecasts": {m: float(results[m].forecast[k]) for m in MODELS},
                    "rows": rows,
                    "chart": {
                        "rounds": list(range(shown.positions.shape[0])),
                        "actors": [
                            {"name": names[a], "y": [round(v, 2) for v in shown.positions[:, i, k].tolist()]}
                            for i, a in enumerate(shown.actors)
                        ],
                        "mean": [round(v, 2) for v in shown.mean[:, k].tolist()],
                        "forecast": float(shown.forecast[k]),
                        "labels": {
                            "mean": _("weighted mean"),
                            "forecast": _("forecast"),
                            "round": _("round"),
                        },
                    },
                }
            )
        cycle = shown.cycle
        context |= {
            "chosen": chosen,
            "record": {
                "title": pick(record.title, lang),
                "note": pick(record.note, lang) if record.note else "",
            },
            "issues": issues,
            "model_names": MODEL_NAMES,
            "stop": {"reason": STOP_REASONS[shown.stop_reason], "rounds": shown.n_rounds, "cycle": cycle},
            "source_titles": {s.id: pick(s.title, lang) for s in case.sources},
        }
    return render(request, "forecasts.html", context)


STOP_REASONS = {
    "static": N_("a one-shot model"),
    "rounds": N_("the round limit"),
    "converged": N_("converged"),
    "cycle": N_("the positions cycle"),
}
MODEL_NAMES = {
    "mean": N_("weighted mean"),
    "median": N_("weighted median"),
    "condorcet": N_("Condorcet winner"),
    "bdm": N_("expected utility (BDM)"),
    "smp": N_("spatial model (SMP)"),
}


# --- conflicts ----------------------------------------------------------------------------------

STATE_ROWS = 30
"""Rows of the equilibria grid: past this, the equilibria of the strictest concepts (see
:func:`~hexatable.conflict.analysis.listed_states`)."""


@dataclass(frozen=True)
class ConflictResults:
    """A conflict model, its full analysis and, when it has a status quo, what the page says of it:
    each DM's improvements with their sanctions, the paths to the Nash equilibria, the coalitions."""

    converted: CaseConflict
    result: ConflictAnalysis
    status_quo: int | None
    explanations: tuple[tuple[ImprovementExplanation, ...], ...] = ()
    paths: dict[str, Any] = field(default_factory=dict)
    coalitions: dict[str, Any] | None = None


@cache
def conflict_results(case_id: str, conflict_id: str) -> ConflictResults:
    """A built-in case's conflict model and everything its page shows (once per process)."""
    case = builtin_case(case_id)
    record = next((c for c in case.conflicts if c.id == conflict_id), None)
    if record is None:
        raise RoomError(404, f"no conflict '{conflict_id}' in case '{case_id}'")
    converted = conflict_model(record)
    result = analyse(converted.model)
    graph, model = result.graph, converted.model
    if converted.status_quo is None:
        return ConflictResults(converted, result, None)
    status_quo = graph.states.number_of(converted.status_quo)
    groups = [[model.dm_index(name) for name in names] for names in converted.coalitions]
    return ConflictResults(
        converted,
        result,
        status_quo,
        tuple(tuple(explain(graph, d, status_quo)) for d in range(graph.dm_count)),
        cast(
            dict[str, Any],
            status_quo_paths(graph, status_quo, result.equilibria("nash"), groups).to_json()["paths"],
        ),
        analyse_coalitions(graph, groups, result.stable).to_json() if groups else None,
    )


def _label(concept: str) -> str:
    return "Nash" if concept == "nash" else concept.upper()


def explanation_text(
    found: ImprovementExplanation, dm: int, state: int, opponents: list[int], names: list[str], lang: str
) -> str:
    """The engine's explanation of one improvement, said in ``lang``."""
    _ = translations(lang).gettext
    parts = [
        _("From state %(state)s, %(dm)s can move to state %(target)s, which it prefers.")
        % {"state": state, "dm": names[dm], "target": found.target}
    ]
    sanction = found.sanction
    if sanction is None:
        parts.append(
            _(
                "No sequence of moves by the others brings it back to a state it likes no more than "
                "%(state)s: the move is not deterred."
            )
            % {"state": state}
        )
    else:
        route = _(", then ").join(
            _("%(mover)s moves to state %(state)s") % {"mover": names[opponents[k]], "state": s + 1}
            for k, s in sanction.steps
        )
        kind = (
            _("each of them improving its own position (a credible sanction: SEQ)")
            if sanction.by_improvements
            else _("even at a cost to themselves (a sanction for GMR, not SEQ)")
        )
        parts.append(
            _("But then %(route)s, %(kind)s; state %(end)s is %(worse)s for %(dm)s than state %(state)s.")
            % {
                "route": route,
                "kind": kind,
                "end": sanction.steps[-1][1] + 1,
                "worse": _("worse") if found.end_worse else _("no better"),
                "dm": names[dm],
                "state": state,
            }
        )
    return " ".join(parts) if lang != "zh" else "".join(parts)


@router.get("/cases/{case_id}/conflicts", response_class=HTMLResponse)
async def conflicts_page(case_id: str, request: Request, conflict: str | None = None) -> HTMLResponse:
    lang = language(request)
    _ = translations(lang).gettext
    case = builtin_case(case_id)
    models = [{"id": c.id, "title": pick(c.title, lang)} for c in case.conflicts]
    context: dict[str, Any] = {"case_id": case_id, "title": pick(case.info.title, lang), "models": models}
    chosen = conflict or (models[0]["id"] if models else None)
    if chosen is not None:
        found = await run_in_threadpool(conflict_results, case_id, chosen)
        record = next(c for c in case.conflicts if c.id == chosen)
        result, status_quo = found.result, found.status_quo
        graph, model = result.graph, found.converted.model
        concepts = result.concepts
        equilibria = {c: result.equilibria(c) for c in concepts}
        rows, hidden = listed_states(equilibria, STATE_ROWS, [status_quo] if status_quo else [])
        vectors = graph.states.vectors()
        order = [k for dm in model.decision_makers for k in dm.options]
        dms = [dm.name for dm in model.decision_makers]
        grid = [
            {
                "state": n,
                "status_quo": n == status_quo,
                "options": [bool(vectors[n - 1][k]) for k in order],
                "stable": [n in equilibria[c] for c in concepts],
            }
            for n in rows
        ]
        options = []
        for dm, record_dm in zip(model.decision_makers, record.decision_makers, strict=True):
            for option in record_dm.options:
                options.append(
                    {
                        "dm": dm.name,
                        "name": pick(option.names, lang),
                        "direction": option.direction.value,
                        "provenance": option.provenance,
                    }
                )
        extra: dict[str, Any] = {}
        if status_quo is not None:
            extra = {
                "chart": {
                    "dms": dms,
                    "concepts": [_label(c) for c in concepts],
                    "stable": [
                        [int(result.stable[c][d, status_quo - 1]) for c in concepts] for d in range(len(dms))
                    ],
                    "labels": {"yes": _("stable"), "no": _("not stable")},
                },
                "explanations": {
                    dm: [
                        explanation_text(e, d, status_quo, graph.opponents(d), dms, lang)
                        for e in found.explanations[d]
                    ]
                    for d, dm in enumerate(dms)
                },
                "paths": found.paths,
                "coalitions": found.coalitions,
            }
        context |= {
            "chosen": chosen,
            "record": {
                "title": pick(record.title, lang),
                "summary": pick(record.summary, lang) if record.summary else "",
                "notes": pick(record.notes, lang) if record.notes else "",
                "provenance": record.provenance,
            },
            "states": graph.states.count,
            "concepts": [_label(c) for c in concepts],
            "summary": [
                {
                    "concept": c.upper() if c != "nash" else "Nash",
                    "count": len(equilibria[c]),
                    "states": equilibria[c][:12],
                }
                for c in concepts
            ],
            "options": options,
            "order": order,
            "grid": grid,
            "hidden": hidden,
            "status_quo": status_quo,
            "source_titles": {s.id: pick(s.title, lang) for s in case.sources},
            **extra,
        }
    return render(request, "conflicts.html", context)
