"""Explorer pages for what the engines say about a case: the roadmaps (sequence) as charts.

Each page computes with the engine on the built-in case once per process (cases do not change while
the server runs) and renders Plotly charts served from the installed package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from hexatable.case import pick
from hexatable.case.roadmap_models import Roadmap as RoadmapRecord
from hexatable.cli.views import actor_name
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
    """A package's schedules as scored, and the least tempting schedule the solver found."""

    record: RoadmapRecord
    scored: tuple[tuple[str, Evaluation], ...]
    solution: Solution


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
    return RoadmapResults(record, tuple(scored), solution)


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
        "excess": [
            {"name": names.get(q, q), "y": [round(v, 1) for v in evaluation.excess[i].tolist()]}
            for i, q in enumerate(evaluation.parties)
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
