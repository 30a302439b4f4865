"""``hexatable roadmap``: the phased schedule of an "action for action" package, or the score of one.

Without ``--evaluate`` the command asks the sequencing engine for the schedule with the lowest worst
temptation above tolerance (then the fewest phases); with ``--evaluate`` it scores a schedule of the
package (``historical``) or one in a YAML file. The output is a table of phases × actions and each
party's temptation per phase; ``--json`` prints the shape documented in ``docs/cli.md``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
import typer
from numpy.typing import NDArray
from pydantic import BaseModel, Field, StrictInt, ValidationError
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text as RichText

from hexatable.case import Case, CaseError, Problem, open_case, pick
from hexatable.case.loader import Origin
from hexatable.case.located_yaml import YamlSyntaxError, read_located
from hexatable.case.models import Id
from hexatable.case.roadmap_models import Roadmap as RoadmapRecord
from hexatable.case.roadmap_models import SchedulePhase
from hexatable.ledger import LedgerQueryError, RealisedSchedule, realised_schedule
from hexatable.sequence.evaluate import Evaluation, evaluate
from hexatable.sequence.from_case import engine_roadmap, schedule_of
from hexatable.sequence.model import MAX_PHASES, MAX_TRANCHES, Roadmap

if TYPE_CHECKING:  # the solver brings in OR-Tools: imported when a roadmap is solved, not at start-up
    from hexatable.sequence.solver import Solution

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji

SCHEDULE_SUFFIXES = (".yaml", ".yml", ".json")
"""Suffixes of a schedule file; JSON is read as YAML (a JSON document is YAML) to keep line numbers."""

MAX_ALTERNATIVES = 100
MAX_TIME_LIMIT = 86_400.0
MAX_WORKERS = 64
MAX_SEED = 2**31 - 1
"""CP-SAT's random seed is a 32-bit signed integer."""

SOLVER_ONLY = {
    "alternatives": "--alternatives",
    "self_enforcing": "--self-enforcing",
    "time_limit": "--time-limit",
    "seed": "--seed",
    "workers": "--workers",
}
"""Options that steer the solver, so have no meaning with ``--evaluate`` (refused there)."""


TrancheCount = Annotated[StrictInt, Field(ge=0, le=MAX_TRANCHES)]
"""Tranches of an action in one phase: an integer (``true`` is not a count), at most ``MAX_TRANCHES``."""


class FilePhase(SchedulePhase):
    """One phase of a schedule file; unlike a case record, ``tranches`` are strict integers."""

    tranches: dict[Id, TrancheCount] = Field(default_factory=dict)


class ScheduleFile(BaseModel):
    """A schedule given in its own YAML or JSON file: ``phases: [{tranches: {action: n}}, ...]``."""

    model_config = {"extra": "forbid"}

    phases: Annotated[list[FilePhase], Field(min_length=1, max_length=MAX_PHASES)]


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


def _parse_schedule_file(path: Path) -> tuple[ScheduleFile, Origin]:
    """The file's schedule and where each value stands; located problems otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CaseError([Problem(str(path), None, None, "", f"cannot read ({error.strerror})")]) from None
    except UnicodeDecodeError as error:
        raise CaseError(
            [Problem(str(path), None, None, "", f"not UTF-8 text (byte {error.start}: {error.reason})")]
        ) from None
    try:
        document = read_located(text)  # refuses nesting past located_yaml.MAX_DEPTH before composing
    except YamlSyntaxError as error:
        raise CaseError([Problem(str(path), error.line, error.column, "", str(error))]) from None
    except (RecursionError, ValueError) as error:  # ValueError: an integer of more than 4,300 digits
        raise CaseError([Problem(str(path), None, None, "", f"not a schedule ({error})")]) from None
    origin = Origin(str(path), document, ())
    try:
        parsed = ScheduleFile.model_validate(document.data)
    except ValidationError as error:
        raise CaseError(
            [
                origin.problem(tuple(e["loc"]), _message(e["loc"], e["msg"], e["input"]))
                for e in error.errors(include_url=False)
            ]
        ) from None
    return parsed, origin


def _message(loc: tuple[int | str, ...], message: str, value: object) -> str:
    """Pydantic's message, saying why a Boolean is refused where YAML's ``true`` looks like a count."""
    if isinstance(value, bool) and len(loc) == 4 and loc[2] == "tranches":
        return f"{message}: a tranche count is a whole number, not {str(value).lower()}"
    return message


def schedule_file_problems(
    parsed: ScheduleFile, origin: Origin, record: RoadmapRecord, horizon: int
) -> list[Problem]:
    """What makes a parsed schedule file no schedule of the package over ``horizon`` phases.

    Unknown actions; more tranches of an action than it has (located where the total first exceeds
    it); and phases beyond the horizon, naming the first action and tranches delivered there.
    """
    actions = {a.id: a for a in record.actions}
    problems: list[Problem] = []
    totals = dict.fromkeys(actions, 0)
    for t, phase in enumerate(parsed.phases):
        for action_id, tranches in phase.tranches.items():
            where = ("phases", t, "tranches", action_id)
            if action_id not in actions:
                problems.append(origin.problem(where, f"unknown action '{action_id}' in this roadmap"))
                continue
            before, totals[action_id] = totals[action_id], totals[action_id] + tranches
            has = actions[action_id].tranches
            if before <= has < totals[action_id]:
                problems.append(
                    origin.problem(
                        where,
                        f"{totals[action_id]} tranches of '{action_id}' delivered by phase {t + 1}, "
                        f"but the action has only {has}",
                    )
                )
            if t >= horizon and tranches and before < has:
                last = min(totals[action_id], has)
                which = f"tranche {last}" if last == before + 1 else f"tranches {before + 1}-{last}"
                problems.append(
                    origin.problem(
                        where,
                        f"{which} of '{action_id}' in phase {t + 1}, beyond the roadmap's {horizon} phases "
                        f"(score over more phases with --phases {len(parsed.phases)})",
                    )
                )
    if len(parsed.phases) > horizon and not any(t >= horizon for t in _delivering_phases(parsed)):
        problems.append(
            origin.problem(
                ("phases", horizon),
                f"phase {horizon + 1} is beyond the roadmap's {horizon} phases (drop the empty phases "
                f"or score over more phases with --phases {len(parsed.phases)})",
            )
        )
    return problems


def _delivering_phases(parsed: ScheduleFile) -> list[int]:
    return [t for t, phase in enumerate(parsed.phases) if any(phase.tranches.values())]


def read_schedule_file(path: Path, record: RoadmapRecord, horizon: int) -> tuple[Roadmap, NDArray[np.int64]]:
    """A schedule from a YAML or JSON file, checked against the package and the horizon.

    Raises
    ------
    CaseError
        With every problem located in the file (``file:line:column: field: message``).
    """
    parsed, origin = _parse_schedule_file(path)
    problems = schedule_file_problems(parsed, origin, record, horizon)
    if problems:
        raise CaseError(problems)
    roadmap = _engine(record, len(parsed.phases))
    schedule = roadmap.empty_schedule()
    for t, phase in enumerate(parsed.phases):
        for action_id, tranches in phase.tranches.items():
            schedule[roadmap.action_index(action_id), t] = tranches
    return roadmap, schedule


def _engine(record: RoadmapRecord, phases: int | None) -> Roadmap:
    """The engine's roadmap; a roadmap the engine refuses (e.g. beyond its limits) is a located problem."""
    try:
        return engine_roadmap(record, phases=phases)
    except ValueError as error:
        raise CaseError([Problem(f"roadmap '{record.id}'", None, None, "", str(error))]) from None


def scheduled(record: RoadmapRecord, what: str, horizon: int, pad: bool) -> tuple[Roadmap, NDArray[np.int64]]:
    """The schedule ``what`` (an id of the package or a file) as an array over its phases.

    A schedule longer than ``horizon`` is refused; with ``pad`` (``--phases`` given) a shorter one is
    scored over ``horizon`` phases, the added ones empty.
    """
    if what in {s.id for s in record.schedules}:
        length = len(next(s for s in record.schedules if s.id == what).phases)
        if length > horizon:
            raise typer.BadParameter(
                f"schedule '{what}' has {length} phases, more than the {horizon} to score it over "
                f"(use --phases {length} or more)",
                param_hint="--phases",
            )
        try:
            roadmap, schedule = schedule_of(record, what)
        except ValueError as error:  # the engine refuses the roadmap (beyond its limits)
            raise CaseError([Problem(f"roadmap '{record.id}'", None, None, "", str(error))]) from None
    elif Path(what).suffix.lower() in SCHEDULE_SUFFIXES:
        roadmap, schedule = read_schedule_file(Path(what), record, horizon)
    else:
        known = ", ".join(s.id for s in record.schedules) or "none"
        raise typer.BadParameter(
            f"'{what}' is neither a schedule of roadmap '{record.id}' ({known}), "
            f"'{LEDGER}' nor a .yaml, .yml or .json file",
            param_hint="--evaluate",
        )
    if pad and schedule.shape[1] < horizon:
        roadmap = _engine(record, horizon)
        schedule = np.pad(schedule, ((0, 0), (0, horizon - schedule.shape[1])))
    return roadmap, schedule


def _open_case(case: str) -> Case:
    """The case; a name the file system refuses (too long, say) is a problem naming it, not a traceback."""
    try:
        return open_case(case)
    except OSError as error:
        shown = case if len(case) <= 80 else case[:77] + "..."
        raise CaseError([Problem(shown, None, None, "", f"cannot open ({error.strerror})")]) from None


def _finite(value: float) -> float:
    """Refuse ``nan`` (which passes Click's range checks, every comparison with it being false)."""
    if math.isnan(value):
        raise typer.BadParameter("is not a number")
    return value


def roadmap_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="A built-in case id or a case folder.")],
    package: Annotated[
        str | None, typer.Option(help="Roadmap id (default: the case's only roadmap).")
    ] = None,
    phases: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=MAX_PHASES,
            help="Phases the solver may use, or with --evaluate the phases to score the schedule over "
            "(a longer schedule is refused, a shorter one padded with empty phases). Default: the "
            "roadmap's.",
        ),
    ] = None,
    evaluate_schedule: Annotated[
        str | None,
        typer.Option(
            "--evaluate",
            help="Score this schedule instead of solving: a schedule id of the roadmap "
            "(historical), 'ledger' (what the implementation ledger records) "
            "or a YAML/JSON file with phases: [{tranches: {action: n}}].",
        ),
    ] = None,
    alternatives: Annotated[
        int,
        typer.Option(min=0, max=MAX_ALTERNATIVES, help="Also list up to this many other optimal schedules."),
    ] = 0,
    self_enforcing: Annotated[
        bool,
        typer.Option(
            "--self-enforcing",
            help="Require every temptation within tolerance; if impossible, name the conflict.",
        ),
    ] = False,
    time_limit: Annotated[
        float,
        typer.Option(min=0.1, max=MAX_TIME_LIMIT, callback=_finite, help="Seconds per solver stage."),
    ] = 30.0,
    seed: Annotated[int, typer.Option(min=-MAX_SEED - 1, max=MAX_SEED, help="The solver's random seed.")] = 0,
    workers: Annotated[
        int, typer.Option(min=1, max=MAX_WORKERS, help="Solver workers; 1 is deterministic.")
    ] = 1,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON (a stable shape).")] = False,
) -> None:
    """Phase an action-for-action roadmap so that no party is tempted to defect, or score a schedule."""
    if evaluate_schedule is not None:
        for name, option in SOLVER_ONLY.items():
            source = ctx.get_parameter_source(name)  # an enum of Typer's own Click: compared by name
            if source is not None and source.name != "DEFAULT":
                raise typer.BadParameter(
                    "steers the solver: it does not apply to --evaluate", param_hint=option
                )
    loaded = _open_case(case)
    record = package_of(loaded, package)
    head = {"case": loaded.id, "package": record.id, "title": pick(record.title, "en")}
    if evaluate_schedule is not None:
        horizon = phases or record.phases
        realised = None
        if evaluate_schedule == LEDGER:
            roadmap, schedule, realised = ledger_schedule(loaded, record)
        else:
            roadmap, schedule = scheduled(record, evaluate_schedule, horizon, pad=phases is not None)
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
                    _labels(
                        record, realised.grid if realised is not None else evaluate_schedule, roadmap.phases
                    ),
                )
            )
            if realised is not None and realised.unrecorded:
                unrecorded = ", ".join(realised.unrecorded)
                stdout.print(f"not in the ledger (no tranche counted): {unrecorded}", markup=False)
        return
    from hexatable.sequence.solver import SolverOptions, solve

    roadmap = _engine(record, phases)
    options = SolverOptions(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        require_self_enforcing=self_enforcing,
        alternatives=alternatives,
    )
    try:
        solution = solve(roadmap, options)
    except ValueError as error:  # values too large for the solver's integers
        raise CaseError([Problem(f"roadmap '{record.id}'", None, None, "", str(error))]) from None
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


def _labels(record: RoadmapRecord, schedule_id: str, phases: int) -> list[str] | None:
    """Phase headers of a schedule of the roadmap: its labels when every phase has one, then the
    numbers of the empty phases ``--phases`` added."""
    for schedule in record.schedules:
        if schedule.id == schedule_id and all(p.label for p in schedule.phases):
            labels = [pick(p.label, "en") for p in schedule.phases if p.label]
            return labels + [str(t + 1) for t in range(len(labels), phases)]
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
        if not result.can_defect[q]:
            profile.add_row(party.id, f"{party.tolerance:.1f}", *["[dim]n/a[/]"] * (n_phases + 1))
            continue
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
    parts: list[Any] = [plan, legend, profile]
    if result.without_actions:
        idle = result.without_actions
        parts.append(
            f"[dim]n/a: {', '.join(idle)} {'takes' if len(idle) == 1 else 'take'} no action in this package, "
            "so there is nothing to defect from (not counted in the verdict)[/]"
        )
    parts.append(verdict)
    if result.violations:
        parts.append("[yellow]breaks:[/] " + "; ".join(result.violations))
    return Group(*parts)
