"""``hexatable simulate``: many AI negotiations of a scenario, compared side by side.

Each ``--chair`` and ``--strategies`` value adds configurations; every combination runs ``--runs``
negotiations and becomes one row of the comparison table. ``--transcript`` prints one negotiation
as a readable record of drafts, objections and the outcome instead.
"""

from __future__ import annotations

import json
import math
import sys
from enum import StrEnum
from functools import partial
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hexatable.case import Case, open_case, pick
from hexatable.cli.cluster import SchedulerOption, executor_for
from hexatable.cli.languages import language
from hexatable.negotiate.alternating import Accept, EndTalks, Propose
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.batch import (
    check_runs,
    check_seed,
    default_workers,
    simulate,
    simulate_runs,
    summarise,
)
from hexatable.negotiate.chair import CHAIRS
from hexatable.negotiate.mechanisms import MECHANISMS, run_negotiation
from hexatable.negotiate.protocol import (
    Object,
    Recess,
    Resume,
    Support,
    TableDraft,
    WalkOut,
)
from hexatable.negotiate.runner import RunConfig, RunResult, parse_strategies
from hexatable.negotiate.space import OutcomeSpace, build_space
from hexatable.negotiate.statements import Labels, statement
from hexatable.negotiate.tally import Summary

MAX_WORKERS = 256
"""``--workers`` at most: a pool forks all its processes at once, so a mistyped count must not fork
thousands (and no batch uses more processes than it has runs)."""

MAX_DRAFTS = 10_000
"""``--drafts`` at most: delegates concede over the time to the deadline, so a deadline of 10**20 drafts
is one negotiation that never ends."""

MAX_PER_RUN = 100_000
"""``--per-run`` holds every run's result and prints it (about 1 kB of JSON a run): at most this many."""

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji
stderr = Console(stderr=True, emoji=False)


class WalkOutRuleOption(StrEnum):
    vote = "vote"
    continue_ = "continue"
    fail = "fail"


BELIEF_MODES = ("declared", "accurate")


def scenario_id_of(case: Case, scenario: str | None) -> str:
    """The scenario named, or the case's first scenario (in file order); a usage error otherwise."""
    if scenario is not None:
        if scenario not in case.scenario_index:
            known = ", ".join(case.scenario_index) or "none"
            raise typer.BadParameter(
                f"no scenario '{scenario}' in case '{case.id}' (scenarios: {known})", param_hint="--scenario"
            )
        return scenario
    if case.scenarios:
        return case.scenarios[0].id
    raise typer.BadParameter(f"case '{case.id}' has no scenarios", param_hint="--scenario")


def _ids(text: str | None, known: tuple[str, ...], option: str) -> tuple[str, ...] | None:
    if text is None:
        return None
    found = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [f for f in found if f not in known]
    if unknown:
        raise typer.BadParameter(
            f"{', '.join(unknown)} not in this scenario ({', '.join(known)})", param_hint=option
        )
    return found


def configurations(
    mechanisms: list[str],
    chairs: list[str],
    strategies: list[str],
    space: OutcomeSpace,
    *,
    drafts: int,
    walk_out: str,
    patience: int | None,
    drafts_per_round: int | None = None,
    side_room: str | None = None,
    side_issues: str | None = None,
    headline: str | None = None,
    beliefs: list[str] | None = None,
    resolve: float = 0.5,
) -> list[RunConfig]:
    """Every mechanism × chair × strategy × beliefs mix asked for (the chair is moot for alternating
    offers)."""
    for mode in beliefs or ["declared"]:
        if mode not in BELIEF_MODES:
            raise typer.BadParameter(f"use {' or '.join(BELIEF_MODES)}, not '{mode}'", param_hint="--beliefs")
    if not 0.0 <= resolve <= 1.0 or resolve != resolve:
        raise typer.BadParameter(f"a share from 0 to 1, not {resolve}", param_hint="--resolve")
    pair = _ids(side_room, space.seats, "--side-room")
    if pair is not None and (len(pair) != 2 or pair[0] == pair[1]):
        raise typer.BadParameter("name two different seats, e.g. USA,PRK", param_hint="--side-room")
    extras = {
        "side_room": pair,
        "side_issues": _ids(side_issues, space.issues, "--side-issues"),
        "headline": _ids(headline, space.issues, "--headline"),
    }
    found: list[RunConfig] = []
    for mechanism in mechanisms:
        if mechanism not in MECHANISMS:
            raise typer.BadParameter(
                f"unknown mechanism '{mechanism}'; use {', '.join(MECHANISMS)}", param_hint="--mechanism"
            )
        for chair in chairs:
            if chair not in CHAIRS:
                raise typer.BadParameter(
                    f"unknown chair '{chair}'; use {', '.join(CHAIRS)}", param_hint="--chair"
                )
            for text in strategies:
                try:
                    default, named = parse_strategies(text, space.seats)
                except ValueError as error:
                    raise typer.BadParameter(str(error), param_hint="--strategies") from None
                for mode in beliefs or ["declared"]:
                    config = RunConfig(
                        chair=chair,
                        default=default,
                        strategies=named,
                        max_drafts=drafts,
                        drafts_per_round=drafts_per_round,
                        walk_out=walk_out,  # type: ignore[arg-type]
                        patience=patience,
                        mechanism=mechanism,
                        beliefs=mode,  # type: ignore[arg-type]
                        resolve=resolve,
                        **extras,  # type: ignore[arg-type]
                    )
                    if config.label() not in {c.label() for c in found}:
                        found.append(config)
    return found


def simulate_command(
    case: Annotated[str, typer.Argument(help="A built-in case id or a case folder.")],
    scenario: Annotated[str | None, typer.Option(help="Scenario id (default: the case's first).")] = None,
    mechanism: Annotated[
        list[str] | None,
        typer.Option(help=f"Protocol: {', '.join(MECHANISMS)}; repeat to compare."),
    ] = None,
    chair: Annotated[
        list[str] | None, typer.Option(help=f"Chair strategy: {', '.join(CHAIRS)}; repeat to compare.")
    ] = None,
    strategies: Annotated[
        list[str] | None,
        typer.Option(
            help="Delegate strategies: a name for all (boulware, linear, conceder, hardheaded, or an "
            "exponent) and/or SEAT=name pairs, comma-separated; repeat to compare."
        ),
    ] = None,
    runs: Annotated[int, typer.Option(help="Negotiations per configuration (1 to 10^9).")] = 1000,
    seed: Annotated[
        int, typer.Option(help="Seed of the batch (0 or more); the same seed gives the same results.")
    ] = 0,
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            max=MAX_WORKERS,
            help=f"Processes (or LocalCluster workers); 0: one per core (at most {MAX_WORKERS}).",
        ),
    ] = 0,
    scheduler: SchedulerOption = None,
    drafts: Annotated[
        int,
        typer.Option(
            min=1, max=MAX_DRAFTS, help=f"The deadline, in drafts of the single text (1-{MAX_DRAFTS})."
        ),
    ] = 30,
    drafts_per_round: Annotated[
        int | None, typer.Option(min=1, help="The chair calls a recess after this many drafts (rounds).")
    ] = None,
    walk_out: Annotated[
        WalkOutRuleOption,
        typer.Option(
            help="After a walk-out: the others vote on going on (each goes on unless its sheet needs the "
            "party that left), the talks continue, or they fail."
        ),
    ] = WalkOutRuleOption.vote,
    beliefs: Annotated[
        list[str] | None,
        typer.Option(
            help="The seats' priors: declared (the scenario's, misperceptions included) or accurate "
            "(centred on the truth); repeat to compare."
        ),
    ] = None,
    resolve: Annotated[
        float,
        typer.Option(
            help="How far above its reservation value a delegate holds out, as a share of the way to what "
            "it expects the others can give (0 to 1)."
        ),
    ] = 0.5,
    patience: Annotated[
        int | None, typer.Option(min=1, help="Delegates walk out after this many drafts below their BATNA.")
    ] = None,
    side_room: Annotated[
        str | None, typer.Option(help="bilateral-track: the two seats of the side room, e.g. USA,PRK.")
    ] = None,
    side_issues: Annotated[
        str | None, typer.Option(help="bilateral-track: the issues the side room tries to pre-agree.")
    ] = None,
    headline: Annotated[
        str | None, typer.Option(help="top-down/bottom-up: the headline issues the leaders settle.")
    ] = None,
    transcript: Annotated[
        bool, typer.Option(help="Print one negotiation (the first configuration, --seed).")
    ] = False,
    lang: Annotated[
        str, typer.Option(callback=language, help="Language of the transcript: en or zh.")
    ] = "en",
    per_run: Annotated[
        bool,
        typer.Option(
            help="With --json: every run's result too, not only the aggregates "
            f"(at most {MAX_PER_RUN:,} runs)."
        ),
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Simulate negotiations among AI delegates and compare mechanisms and strategy mixes."""
    _check_numbers(runs, seed, per_run)
    loaded = open_case(case)
    scenario_id = scenario_id_of(loaded, scenario)
    analysis = analyse(build_space(loaded, scenario_id))
    chair_seat = loaded.scenario_index[scenario_id].chair or analysis.space.seats[0]
    configs = configurations(
        mechanism or ["single-text"],
        chair or ["mediator"],
        strategies or ["boulware"],
        analysis.space,
        drafts=drafts,
        drafts_per_round=drafts_per_round,
        walk_out=walk_out.value,
        patience=patience,
        side_room=side_room,
        side_issues=side_issues,
        headline=headline,
        beliefs=beliefs,
        resolve=resolve,
    )
    if transcript:
        result = run_negotiation(analysis, configs[0], seed, chair_seat=chair_seat, keep_log=True)
        if json_output:
            _print_json(
                {"scenario": scenario_id, "config": configs[0].label(), "run": result.to_dict(analysis)}
            )
        else:
            print_transcript(loaded, analysis, configs[0], result, lang, scenario_id)
        return
    summaries: list[Summary] = []
    every_run: list[list[dict[str, Any]]] = []
    processes = min(workers or default_workers(), runs)
    with (
        executor_for(scheduler, processes) as executor,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=json_output or not stderr.is_terminal,
        ) as bar,
    ):
        for config in configs:
            task = bar.add_task(config.label(), total=runs)
            advance = partial(bar.advance, task)
            if per_run:
                results = simulate_runs(
                    analysis,
                    config,
                    runs=runs,
                    seed=seed,
                    chair_seat=chair_seat,
                    progress=advance,
                    executor=executor,
                )
                summaries.append(summarise(analysis, config, results))
                every_run.append([r.to_dict(analysis) for r in results])
            else:
                tally = simulate(
                    analysis,
                    config,
                    runs=runs,
                    seed=seed,
                    chair_seat=chair_seat,
                    progress=advance,
                    executor=executor,
                )
                summaries.append(summarise(analysis, config, tally))
    if json_output:
        _print_json(
            {
                "case": loaded.id,
                "scenario": scenario_id,
                "seed": seed,
                "runs": runs,
                "analysis": analysis_view(analysis),
                "configurations": [
                    {**s.to_dict(), **({"runs_detail": every_run[n]} if per_run else {})}
                    for n, s in enumerate(summaries)
                ],
            }
        )
        return
    stdout.print(comparison_table(analysis, summaries, scenario_id, runs))


def _check_numbers(runs: int, seed: int, per_run: bool) -> None:
    """Usage errors for a batch out of bounds, each naming its option and saying why."""
    try:
        check_runs(runs)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--runs") from None
    try:
        check_seed(seed)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--seed") from None
    if per_run and runs > MAX_PER_RUN:
        raise typer.BadParameter(
            f"at most {MAX_PER_RUN:,} runs with --per-run, which holds and prints every run's result "
            f"(not {runs:,}); without it the aggregates of any number of runs take bounded memory",
            param_hint="--per-run",
        )


def analysis_view(analysis: Analysis) -> dict[str, Any]:
    space = analysis.space
    return {
        "outcomes": space.size,
        "pareto_outcomes": len(analysis.frontier),
        "rational_share": analysis.rational_share,
        "dominated_rational_share": analysis.dominated_rational_share,
        "nash": space.describe(analysis.nash) if analysis.nash is not None else None,
        "kalai_smorodinsky": (
            space.describe(analysis.kalai_smorodinsky) if analysis.kalai_smorodinsky is not None else None
        ),
        "reservations": dict(zip(space.seats, space.reservations.tolist(), strict=True)),
    }


def comparison_table(analysis: Analysis, summaries: list[Summary], scenario_id: str, runs: int) -> Table:
    seats = analysis.space.seats
    table = Table(
        title=f"{scenario_id}: {runs} negotiations per row; mean gain over BATNA per seat",
        caption="agreed: runs with every party to the agreement (95% Wilson interval) · "
        "w/o: agreed without a party that walked out · outc.: distinct agreements · "
        "Pareto: runs ending on the Pareto frontier · dist.: mean normalised distance to it",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("chair · delegates", min_width=14, overflow="fold")
    table.add_column("agreed", justify="right")
    table.add_column("w/o", justify="right")
    table.add_column("outc.", justify="right")
    table.add_column("drafts", justify="right")
    table.add_column("Pareto", justify="right")
    table.add_column("dist.", justify="right")
    for seat in seats:
        table.add_column(seat, justify="right")
    if any(sum(s.walk_outs.values()) for s in summaries):
        table.add_column("walk-outs", justify="right")
    for s in summaries:
        distance = f"{s.mean_distance_to_frontier:.3f}" if s.mean_distance_to_frontier is not None else "–"
        cells = [
            s.label,
            _rate_with_interval(s.agreement_rate, s.agreement_ci95),
            f"{s.agreed_without_rate:.0%}",
            f"{s.distinct_outcomes:,}",
            f"{s.mean_drafts:.1f}",
            f"{s.on_frontier_rate:.0%}",
            distance,
            *(f"{s.mean_gains[seat]:.1f}" for seat in seats),
        ]
        if len(table.columns) > len(cells):
            cells.append(str(sum(s.walk_outs.values())))
        table.add_row(*cells)
    return table


def _rate_with_interval(rate: float, interval: tuple[float, float]) -> str:
    """``97% (95–99)``: the interval's bounds rounded outwards to whole percent, so it never looks
    narrower than it is (99.6 % is not shown as a certain 100)."""
    low, high = interval
    return f"{rate:.0%} ({math.floor(low * 100)}–{math.ceil(high * 100)})"


def transcript_labels(case: Case, space: OutcomeSpace, scenario_id: str, lang: str) -> Labels:
    """The case's words for a transcript in ``lang``: seat names, issue titles, option labels, red lines."""
    scenario = case.scenario_index[scenario_id]
    names = {
        seat: pick(case.actor_index[seat].short or case.actor_index[seat].names, lang) or seat
        for seat in space.seats
        if seat in case.actor_index
    }
    issues = {i: pick(case.issue_index[i].title, lang) or i for i in space.issues if i in case.issue_index}
    options = {
        i: {o.id: pick(o.label, lang) or o.id for o in case.issue_index[i].options}
        for i in space.issues
        if i in case.issue_index
    }
    red_lines = {
        sheet.seat: {issue: tuple(wanted) for issue, wanted in sheet.must_have.items()}
        for sheet in scenario.sheets
    }
    return Labels(names, issues, options, red_lines)


def print_transcript(
    case: Case,
    analysis: Analysis,
    config: RunConfig,
    result: RunResult,
    lang: str,
    scenario_id: str | None = None,
) -> None:
    """Drafts or offers (what changed), each delegation's statement, phase by phase, and the outcome."""
    space = analysis.space
    labels = transcript_labels(case, space, scenario_id or case.scenarios[0].id, lang)

    def show(events: tuple[object, ...], issues: tuple[str, ...]) -> None:
        previous: tuple[str, ...] | None = None
        text: dict[str, str] = {}
        left: str | None = None
        number = 0
        for event in events:
            if isinstance(event, TableDraft | Propose):
                number += 1
                changes = [
                    f"{labels.issue(issue)}: {labels.option(issue, option)}"
                    for i, (issue, option) in enumerate(zip(issues, event.options, strict=True))
                    if previous is None or previous[i] != option
                ]
                kind = "Draft" if isinstance(event, TableDraft) else "Offer"
                stdout.print(
                    f"\n[cyan]{kind} {number}[/] ({escape(labels.seat(event.seat))}) "
                    + escape("; ".join(changes) or "unchanged")
                )
                previous = event.options
                text = dict(zip(issues, event.options, strict=True))
                continue
            if isinstance(event, WalkOut):
                left = event.seat
            colour = (
                "green"
                if isinstance(event, Support | Accept)
                else "red"
                if isinstance(event, Object)
                else "yellow"
            )
            said = statement(event, text, labels, lang, left=left)
            if said is not None:
                stdout.print(f"  [{colour}]{escape(said)}[/]")
            elif isinstance(event, Accept):
                stdout.print(f"  [green]{escape(labels.seat(event.seat))}: accepts[/]")
            elif isinstance(event, Recess):
                stdout.print(f"\n[dim]— recess ({escape(event.seat)}) —[/]")
            elif isinstance(event, Resume):
                stdout.print(f"[dim]— next round ({escape(event.seat)}) —[/]")
            elif isinstance(event, EndTalks):
                stdout.print(f"  [yellow]{escape(labels.seat(event.seat))}: ends the talks[/]")

    stdout.print(f"[bold]{escape(config.label())}[/] — seed {result.seed}")
    if result.phases:
        for phase in result.phases:
            issues = ", ".join(labels.issue(i) for i in phase.issues)
            stdout.print(
                f"\n[bold magenta]{escape(phase.name)}[/] ({escape(', '.join(phase.seats))}; "
                f"chair {escape(phase.chair)}): {escape(issues)}"
            )
            show(phase.events or (), phase.issues)
            stdout.print(f"  → {escape(phase.status)}: {escape(phase.reason)}")
    else:
        show(result.events or (), space.issues)
    stdout.print(
        f"\n[bold]{escape(result.status)}[/]: {escape(result.reason)} "
        f"after {result.drafts} draft(s) or offer(s)"
    )
    for seat, score, gain, party in zip(
        space.seats, result.scores, result.gains, result.acceptance or (True,) * len(space.seats), strict=True
    ):
        note = "" if party or result.agreement is None else " — not party to the agreement"
        stdout.print(f"  {escape(seat)}: {score:.0f} points ({gain:+.0f} over BATNA){note}")
    if result.distance_to_frontier is not None:
        stdout.print(f"  distance to the Pareto frontier: {result.distance_to_frontier:.3f}")


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
