"""``hexatable roadmap``: the phased schedule of an "action for action" package, or the score of one.

Without ``--evaluate`` the command asks the sequencing engine for the schedule with the lowest worst
temptation above tolerance (then the fewest phases); with ``--evaluate`` it scores a schedule of the
package (``historical``) or one in a YAML file. The output is a table of phases × actions and each
party's temptation per phase; ``--json`` prints the shape documented in ``docs/cli.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text as RichText

from hexatable.case import Case, CaseError, Problem, open_case, pick
from hexatable.case.loader import Origin
from hexatable.case.located_yaml import YamlSyntaxError, read_located
from hexatable.case.roadmap_models import Roadmap as RoadmapRecord
from hexatable.case.roadmap_models import SchedulePhase
from hexatable.ledger import LedgerQueryError, RealisedSchedule, realised_schedule
from hexatable.sequence.evaluate import Evaluation, evaluate
from hexatable.sequence.from_case import engine_roadmap, schedule_of
from hexatable.sequence.model import Roadmap

if TYPE_CHECKING:  # the solver brings in OR-Tools: imported when a roadmap is solved, not at start-up
    from hexatable.sequence.solver import Solution

stdout = Console()


class ScheduleFile(BaseModel):
    """A schedule given in its own YAML file: ``phases: [{tranches: {action: n}}, ...]``."""

    model_config = {"extra": "forbid"}

    phases: list[SchedulePhase]


def package_of(case: Case, package: str | None) -> RoadmapRecord:
    """The roadmap named, or the case's only one; a usage error otherwise."""
    found = {r.id: r for r in case.roadmaps}
    known = ", ".join(found) or "none"
    if package is not None:
        if package not in found:
            raise typer.BadParameter(
                f"no roadmap '{package}' in case '{case.id}' (roadmaps: {known})", param_hint="--package"
            )
        return found[package]
    if len(found) == 1:
        return case.roadmaps[0]
    raise typer.BadParameter(f"name one of the case's roadmaps: {known}", param_hint="--package")


def read_schedule_file(path: Path, record: RoadmapRecord) -> tuple[Roadmap, Any]:
    """A schedule from a YAML file, checked against the package; located problems otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CaseError([Problem(str(path), None, None, "", f"cannot read ({error.strerror})")]) from None
    try:
        document = read_located(text)
    except YamlSyntaxError as error:
        raise CaseError([Problem(str(path), error.line, error.column, "", str(error))]) from None
    origin = Origin(str(path), document, ())
    try:
        parsed = ScheduleFile.model_validate(document.data)
    except ValidationError as error:
        raise CaseError(
            [origin.problem(tuple(e["loc"]), e["msg"]) for e in error.errors(include_url=False)]
        ) from None
    known = {a.id for a in record.actions}
    problems = [
        origin.problem(("phases", t, "tranches", action_id), f"unknown action '{action_id}' in this roadmap")
        for t, phase in enumerate(parsed.phases)
        for action_id in phase.tranches
        if action_id not in known
    ]
    if problems:
        raise CaseError(problems)
    roadmap = engine_roadmap(record, phases=len(parsed.phases))
    schedule = roadmap.empty_schedule()
    for t, phase in enumerate(parsed.phases):
        for action_id, tranches in phase.tranches.items():
            schedule[roadmap.action_index(action_id), t] = tranches
    return roadmap, schedule


def roadmap_command(
    case: Annotated[str, typer.Argument(help="A built-in case id or a case folder.")],
    package: Annotated[
        str | None, typer.Option(help="Roadmap id (default: the case's only roadmap).")
    ] = None,
    phases: Annotated[
        int | None, typer.Option(min=1, help="Phases the solver may use (default: the roadmap's).")
    ] = None,
    evaluate_schedule: Annotated[
        str | None,
        typer.Option(
            "--evaluate",
            help="Score this schedule instead of solving: a schedule id of the roadmap "
            "(historical), 'ledger' (what the implementation ledger records) "
            "or a YAML file with phases: [{tranches: {action: n}}].",
        ),
    ] = None,
    alternatives: Annotated[
        int, typer.Option(min=0, help="Also list up to this many other optimal schedules.")
    ] = 0,
    self_enforcing: Annotated[
        bool,
        typer.Option(
            "--self-enforcing",
            help="Require every temptation within tolerance; if impossible, name the conflict.",
        ),
    ] = False,
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds per solver stage.")] = 30.0,
    seed: Annotated[int, typer.Option(help="The solver's random seed.")] = 0,
    workers: Annotated[int, typer.Option(min=1, help="Solver workers; 1 is deterministic.")] = 1,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON (a stable shape).")] = False,
) -> None:
    """Phase an action-for-action roadmap so that no party is tempted to defect, or score a schedule."""
    loaded = open_case(case)
    record = package_of(loaded, package)
    head = {"case": loaded.id, "package": record.id, "title": pick(record.title, "en")}
    if evaluate_schedule is not None:
        realised = None
        if evaluate_schedule in {s.id for s in record.schedules}:
            roadmap, schedule = schedule_of(record, evaluate_schedule)
        elif evaluate_schedule == LEDGER:
            roadmap, schedule, realised = ledger_schedule(loaded, record)
        elif Path(evaluate_schedule).suffix in (".yaml", ".yml"):
            roadmap, schedule = read_schedule_file(Path(evaluate_schedule), record)
        else:
            known = ", ".join(s.id for s in record.schedules) or "none"
            raise typer.BadParameter(
                f"'{evaluate_schedule}' is neither a schedule of roadmap '{record.id}' ({known}), "
                f"'{LEDGER}' nor a .yaml file",
                param_hint="--evaluate",
            )
        result = evaluate(roadmap, schedule)
        view = {**head, "mode": "evaluate", "schedule_id": evaluate_schedule, **evaluation_view(result)}
        view["status"] = "evaluated"
        view["objective"] = view["worst_excess"]
        if realised is not None:
            view["realised"] = realised.to_json()
        if json_output:
            _print_json(view)
        else:
            stdout.print(
                render_evaluation(
                    record,
                    roadmap,
                    result,
                    f"schedule '{evaluate_schedule}'",
                    _labels(record, realised.grid if realised is not None else evaluate_schedule),
                )
            )
            if realised is not None and realised.unrecorded:
                unrecorded = ", ".join(realised.unrecorded)
                stdout.print(f"not in the ledger (no tranche counted): {unrecorded}", markup=False)
        return
    from hexatable.sequence.solver import SolverOptions, solve

    roadmap = engine_roadmap(record, phases=phases)
    options = SolverOptions(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        require_self_enforcing=self_enforcing,
        alternatives=alternatives,
    )
    solution = solve(roadmap, options)
    view = {**head, "mode": "solve", **solution_view(solution)}
    if json_output:
        _print_json(view)
        return
    stdout.print(render_solution(record, roadmap, solution))


LEDGER = "ledger"
"""``--evaluate ledger``: score the schedule the case's implementation ledger records."""


def ledger_schedule(case: Case, record: RoadmapRecord) -> tuple[Roadmap, Any, RealisedSchedule]:
    """The schedule the ledger realised, on the phases of the roadmap's dated schedule."""
    try:
        realised = realised_schedule(case, record)
    except LedgerQueryError as error:
        raise typer.BadParameter(str(error), param_hint=error.option) from None
    roadmap = engine_roadmap(record, phases=len(realised.phases))
    schedule = roadmap.empty_schedule()
    for t, phase in enumerate(realised.phases):
        for action_id, tranches in phase.tranches.items():
            schedule[roadmap.action_index(action_id), t] = tranches
    return roadmap, schedule, realised


def _labels(record: RoadmapRecord, schedule_id: str) -> list[str] | None:
    """Phase headers of a schedule of the roadmap: its labels when every phase has one."""
    for schedule in record.schedules:
        if schedule.id == schedule_id and all(p.label for p in schedule.phases):
            return [pick(p.label, "en") for p in schedule.phases if p.label]
    return None


# --- views (the stable --json shapes) -------------------------------------------------------------


def evaluation_view(result: Evaluation) -> dict[str, Any]:
    data = result.to_json()
    data["phases"] = int(result.schedule.shape[1])
    return data


def solution_view(solution: Solution) -> dict[str, Any]:
    view: dict[str, Any] = {
        "status": solution.status,
        "objective": solution.to_json()["objective"],
        "bound": solution.to_json()["bound"],
        "gap": solution.to_json()["gap"],
        "conflict": list(solution.conflict),
        "alternatives": [evaluation_view(a) for a in solution.alternatives],
    }
    if solution.evaluation is not None:
        view.update(evaluation_view(solution.evaluation))
    return view


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --- rendering --------------------------------------------------------------------------------------


def render_solution(record: RoadmapRecord, roadmap: Roadmap, solution: Solution) -> Group | RichText:
    if solution.evaluation is None:
        if solution.status == "infeasible":
            lines = "\n".join(f"  - {name}" for name in solution.conflict) or (
                "  (the solver could not isolate them within the time limit)"
            )
            return RichText(
                f"No schedule of roadmap '{record.id}' meets all its constraints; these conflict:\n{lines}",
                style="red",
            )
        return RichText(f"No schedule found within the time limit (status: {solution.status}).", style="red")
    status = solution.status
    if status == "feasible":
        status += f", gap {solution.gap:.3f}"
    return render_evaluation(record, roadmap, solution.evaluation, f"solver: {status}")


def render_evaluation(
    record: RoadmapRecord,
    roadmap: Roadmap,
    result: Evaluation,
    what: str,
    labels: list[str] | None = None,
) -> Group:
    titles = {a.id: pick(a.title, "en") for a in record.actions}
    n_phases = result.schedule.shape[1]
    labels = labels or [str(t + 1) for t in range(n_phases)]
    plan = Table(title=f"{pick(record.title, 'en')}: {what}")
    # Ids keep the grid narrow; the titles follow as a legend.
    plan.add_column("action", style="bold", no_wrap=True)
    plan.add_column("by", no_wrap=True)
    for label in labels:
        plan.add_column(label, justify="right", no_wrap=True)
    for a, action in enumerate(roadmap.actions):
        cells = [str(n) if n else "" for n in result.schedule[a].tolist()]
        plan.add_row(action.id, action.actor, *cells)
    legend = Table.grid(padding=(0, 2))
    for action in roadmap.actions:
        legend.add_row(f"[bold]{action.id}[/]", f"[dim]{titles[action.id]}[/]")

    profile = Table(title="Temptation to defect at the start of each phase (red: above tolerance)")
    profile.add_column("party", style="bold")
    profile.add_column("tolerance", justify="right")
    for label in labels:
        profile.add_column(label, justify="right")
    profile.add_column("after", justify="right")
    for q, party in enumerate(roadmap.parties):
        cells = [
            f"[red]{value:.1f}[/]" if excess > 1e-9 else f"{value:.1f}"
            for value, excess in zip(result.temptation[q], result.excess[q], strict=True)
        ]
        profile.add_row(party.id, f"{party.tolerance:.1f}", *cells)

    worst_phase = result.worst_phase
    when = "after the last phase" if worst_phase == n_phases else f"at phase {labels[worst_phase]}"
    verdict = (
        "[green]self-enforcing[/]: no party is ever tempted beyond its tolerance"
        if result.self_enforcing
        else f"[red]not self-enforcing[/]: {result.worst_party} is tempted {result.worst_excess:.2f} "
        f"above its tolerance {when}"
    )
    parts: list[Any] = [plan, legend, profile, verdict]
    if result.violations:
        parts.append("[yellow]breaks:[/] " + "; ".join(result.violations))
    return Group(*parts)
