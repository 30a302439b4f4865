"""``hexatable forecast``: where will the positions converge?

INPUT is a built-in case id, a case folder (its ``forecasts`` inputs), a KTAB actor CSV file or a
decide (exchange model) input file. The
command parses options, builds the engine's input, runs the model (and the Monte Carlo batch) and
renders the result; the domain logic is in :mod:`hexatable.forecast`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hexatable.case import CaseError, Problem, open_case
from hexatable.case.problems import display_path
from hexatable.cli.cluster import SchedulerOption, executor_for
from hexatable.cli.simulate import MAX_WORKERS
from hexatable.forecast.bdm import BdmConfig
from hexatable.forecast.case_input import UnknownForecastError, input_from_case
from hexatable.forecast.decide_csv import looks_like_decide, parse_decide_csv
from hexatable.forecast.inputs import ForecastInput, ForecastInputError
from hexatable.forecast.ktab_csv import parse_ktab_csv
from hexatable.forecast.mc_summary import EXACT_RUNS
from hexatable.forecast.models import ModelSpec, run_model
from hexatable.forecast.montecarlo import MonteCarloError, MonteCarloResult, Perturbation, run_monte_carlo
from hexatable.forecast.result import ForecastResult
from hexatable.forecast.smp import SmpConfig
from hexatable.negotiate.batch import default_workers

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji
stderr = Console(stderr=True, emoji=False)

MAX_ROUNDS = 1_000
"""``--rounds`` at most: a perturbed BDM run may oscillate without repeating exactly, so it runs to the
limit, and the result keeps every round's positions."""

VARIANTS = {
    "pair": "win_probability",
    "triples": "win_probability",
    "smallest-move": "offer_choice",
    "ranking": "offer_choice",
}


class ModelOption(StrEnum):
    mean = "mean"
    median = "median"
    condorcet = "condorcet"
    bdm = "bdm"
    smp = "smp"


FORECAST_RULES = {
    "mean": "the capability×salience-weighted mean",
    "median": "the weighted median",
    "condorcet": "the weighted pairwise Condorcet winner",
    "bdm": "the Condorcet winner among the last round's positions",
    "smp": "the position most likely to prevail in the last round, as KTAB reports it",
}
"""How each model's answer is read off its result, said under the table (the columns show the mean and
the Condorcet winner of every round, which for the spatial model are not its answer)."""


def load_input(source: str, forecast_id: str | None, issue: str | None) -> ForecastInput:
    """A decide input file, a KTAB actor CSV, or a case (id or folder) and one of its forecast sets."""
    path = Path(source)
    if path.is_file():
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if looks_like_decide(text):
            return parse_decide_csv(text, display_path(path), issue)
        data = parse_ktab_csv(text, display_path(path))
        if issue is not None:
            if issue not in data.dimensions:
                known = ", ".join(data.dimensions)
                raise UnknownForecastError(f"no dimension '{issue}' in {source} (dimensions: {known})")
            data = data.dimension(data.dimensions.index(issue))
        return data
    if path.suffix.lower() in {".csv", ".txt", ".tsv"}:
        raise CaseError([Problem(source, None, None, "", "no such file")])
    return input_from_case(open_case(source), forecast_id, issue)


def model_spec(model: ModelOption, variants: list[str], rounds: int | None, tolerance: float) -> ModelSpec:
    """The engine settings from the options; a usage error for a variant of another model."""
    chosen: dict[str, str] = {}
    for value in (v.strip() for item in variants for v in item.split(",") if v.strip()):
        if value not in VARIANTS:
            raise typer.BadParameter(
                f"unknown variant '{value}' (known: {', '.join(VARIANTS)})", param_hint="--variant"
            )
        if model is not ModelOption.bdm:
            raise typer.BadParameter("variants apply to --model bdm only", param_hint="--variant")
        chosen[VARIANTS[value]] = value
    bdm = BdmConfig(
        win_probability=chosen.get("win_probability", "triples"),  # type: ignore[arg-type]
        offer_choice=chosen.get("offer_choice", "ranking"),  # type: ignore[arg-type]
        rounds=rounds if rounds is not None else 10,
        tolerance=tolerance,
    )
    smp = SmpConfig(rounds=rounds if rounds is not None else 100)
    return ModelSpec(model=model.value, bdm=bdm, smp=smp)


def forecast_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A built-in case id, a case folder, a KTAB actor CSV or a decide input file.",
        ),
    ],
    model: Annotated[ModelOption, typer.Option("--model", help="The model to run.")] = ModelOption.bdm,
    forecast_id: Annotated[
        str | None, typer.Option("--forecast", help="Which forecast inputs of the case (default: the first).")
    ] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Forecast one issue (dimension) only.")] = None,
    variant: Annotated[
        list[str] | None,
        typer.Option(
            "--variant",
            help="BDM variants: pair|triples (win probability), smallest-move|ranking (offer choice).",
        ),
    ] = None,
    rounds: Annotated[
        int | None,
        typer.Option(
            "--rounds",
            min=1,
            max=MAX_ROUNDS,
            help=f"Most rounds (BDM 10, SMP 100 by default; at most {MAX_ROUNDS:,}).",
        ),
    ] = None,
    tolerance: Annotated[
        float, typer.Option("--tolerance", min=0.0, help="BDM: stop when the mean moves less.")
    ] = 0.0,
    monte_carlo: Annotated[int, typer.Option("--monte-carlo", min=0, help="Also run N perturbed runs.")] = 0,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="Seed of the Monte Carlo batch (0 or more).")
    ] = 0,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=MAX_WORKERS,
            help=f"Processes (default: one per core; at most {MAX_WORKERS}).",
        ),
    ] = None,
    scheduler: SchedulerOption = None,
    position_sd: Annotated[
        float,
        typer.Option(
            "--position-sd",
            min=0.0,
            max=1000.0,
            help="Position noise, % of each dimension's range of positions (at most 1000).",
        ),
    ] = 5.0,
    salience_sd: Annotated[
        float, typer.Option("--salience-sd", min=0.0, max=100.0, help="Salience noise, 0–100 units.")
    ] = 10.0,
    capability_sd: Annotated[
        float,
        typer.Option(
            "--capability-sd",
            min=0.0,
            max=10.0,
            help="Capability noise, log scale (at most 10: a factor of e^10).",
        ),
    ] = 0.2,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print JSON (a stable shape) instead of tables.")
    ] = False,
) -> None:
    """Forecast where positions converge: baselines, the BDM expected-utility model, or the spatial model."""
    spec = model_spec(model, variant or [], rounds, tolerance)
    try:
        data = load_input(source, forecast_id, issue)
        most = spec.bdm.rounds if spec.model == "bdm" else spec.smp.rounds
        with progress_bar(f"{spec.model} rounds", json_output) as bar:
            task = bar.add_task("rounds", total=most if spec.model in ("bdm", "smp") else 1)
            result = run_model(data, spec, progress=lambda n: bar.advance(task, n))
    except (UnknownForecastError, ForecastInputError) as error:
        located = isinstance(error, ForecastInputError) and error.where
        message = str(error) if located else f"{source}: {error}"
        if isinstance(error, UnknownForecastError) and (forecast_id is not None or issue is not None):
            message += f" (from {' '.join(_given(('--forecast', forecast_id), ('--issue', issue)))})"
        stderr.print(message, style="red", markup=False, highlight=False)
        raise typer.Exit(1) from None
    carlo: MonteCarloResult | None = None
    if monte_carlo:
        shake = Perturbation(position=position_sd / 100, salience=salience_sd / 100, capability=capability_sd)
        with (
            executor_for(scheduler, min(workers or default_workers(), monte_carlo)) as executor,
            progress_bar("Monte Carlo", json_output) as bar,
        ):
            task = bar.add_task("runs", total=monte_carlo)
            try:
                carlo = run_monte_carlo(
                    data,
                    spec,
                    runs=monte_carlo,
                    seed=seed,
                    perturbation=shake,
                    progress=lambda n: bar.advance(task, n),
                    executor=executor,
                )
            except MonteCarloError as error:
                bar.stop()
                where = " ".join(getattr(error, "__notes__", ()))  # the chunk, from the execution layer
                message = f"error: {error}" + (f"; {where}" if where else "")
                stderr.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
                raise typer.Exit(1) from None
    if json_output:
        payload: dict[str, Any] = {
            "input": data.name or source,
            "result": result.to_json(),
            "monte_carlo": carlo.to_json() if carlo is not None else None,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    print_result(data, result)
    if carlo is not None:
        print_monte_carlo(carlo)


def _given(*options: tuple[str, str | None]) -> list[str]:
    """``--name 'value'`` for each option given, to say which one named the missing input."""
    return [f"{name} {value!r}" for name, value in options if value is not None]


def progress_bar(label: str, quiet: bool) -> Progress:
    """A transient bar on standard error, shown only on a terminal and not with ``--json``."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=quiet or not stderr.is_terminal,
    )


def print_result(data: ForecastInput, result: ForecastResult) -> None:
    """The rounds (weighted mean and Condorcet winner), the last positions, the forecast."""
    title = f"{result.model} forecast of {data.name or 'the input'}"
    if result.variant and result.model == "bdm":
        title += f" ({', '.join(result.variant.values())})"
    rounds = Table(title=title, box=box.SIMPLE_HEAVY)
    rounds.add_column("round", justify="right")
    for dim in result.dimensions:
        rounds.add_column(f"{dim}\nmean", justify="right")
        rounds.add_column(f"{dim}\nCondorcet", justify="right")
    shown = range(result.positions.shape[0])
    for t in shown:
        cells = [str(t)]
        for k in range(len(result.dimensions)):
            cells += [f"{result.mean[t, k]:.2f}", f"{result.condorcet[t, k]:.2f}"]
        rounds.add_row(*cells)
    stdout.print(rounds)
    actors = Table(title="positions (first → last round)", box=box.SIMPLE)
    actors.add_column("actor")
    for dim in result.dimensions:
        actors.add_column(dim, justify="right")
    for i, actor in enumerate(result.actors):
        actors.add_row(
            actor,
            *(
                f"{result.positions[0, i, k]:.1f} → {result.positions[-1, i, k]:.1f}"
                for k in range(len(result.dimensions))
            ),
        )
    stdout.print(actors)
    forecast = ", ".join(
        f"{d} {v:.2f}" for d, v in zip(result.dimensions, result.forecast.tolist(), strict=True)
    )
    rule = FORECAST_RULES.get(result.model)
    stdout.print(f"Forecast{f' ({rule})' if rule else ''}: {forecast}", highlight=False)
    if "forecast_probability" in result.details:
        print_contest(result)
    ended = {
        "static": "one-shot model",
        "rounds": "round limit",
        "converged": "converged",
        "cycle": "positions repeat",
    }
    line = f"Stopped after {result.n_rounds} round(s): {ended[result.stop_reason]}."
    if result.cycle is not None:
        kind = "exact" if result.cycle.exact else "the mean oscillates"
        cycle = result.cycle
        line += f" Cycle of period {cycle.period} (rounds {cycle.start}–{cycle.end}, {kind})."
    stdout.print(line, highlight=False)


def print_contest(result: ForecastResult) -> None:
    """The probability that the forecast position prevails, and the runner-up (a near tie shows)."""
    details = result.details
    holders = ", ".join(details["forecast_actors"])
    stdout.print(
        f"Probability it prevails: {details['forecast_probability']:.3f} (held by {holders})",
        highlight=False,
    )
    if details.get("runner_up") is None:
        stdout.print("Runner-up: none (every actor holds the same position)", highlight=False)
        return
    runner = [float(v) for v in details["runner_up"]]
    where = ", ".join(f"{d} {v:.2f}" for d, v in zip(result.dimensions, runner, strict=True))
    gap = sum((a - b) ** 2 for a, b in zip(runner, result.forecast.tolist(), strict=True)) ** 0.5
    stdout.print(
        f"Runner-up: {where}, probability {details['runner_up_probability']:.3f} "
        f"(held by {', '.join(details['runner_up_actors'])}; {gap:.2f} units from the forecast)",
        highlight=False,
    )


def print_monte_carlo(carlo: MonteCarloResult, top: int = 8) -> None:
    """The forecast's distribution and the inputs that move it most."""
    table = Table(title=f"Monte Carlo: {carlo.runs} runs (seed {carlo.seed})", box=box.SIMPLE_HEAVY)
    for column in ("dimension", "unperturbed", "mean", "sd", "5%", "50%", "95%"):
        table.add_column(column, justify="right" if column != "dimension" else "left")
    quantiles = carlo.quantiles((0.05, 0.5, 0.95))
    for k, dim in enumerate(carlo.dimensions):
        table.add_row(
            dim,
            f"{carlo.baseline[k]:.2f}",
            f"{carlo.mean[k]:.2f}",
            f"{carlo.sd[k]:.2f}",
            *(f"{quantiles[m, k]:.2f}" for m in range(3)),
        )
    if not carlo.sketch.exact:
        table.caption = (
            f"quantiles from a histogram, within {carlo.sketch.resolution().max():.2g} "
            f"(exact up to {EXACT_RUNS:,} runs)"
        )
    stdout.print(table)
    movers = Table(title="inputs that move the forecast most", box=box.SIMPLE)
    for column in ("actor", "input", "dimension", "correlation", "change per unit"):
        movers.add_column(column, justify="right" if column in ("correlation", "change per unit") else "left")
    for influence in carlo.influences[:top]:
        movers.add_row(
            influence.actor,
            influence.input,
            influence.dimension,
            f"{influence.correlation:+.2f}",
            f"{influence.slope:+.3g}",
        )
    stdout.print(movers)
