"""``hexatable tournament``: researchers' NegMAS agents in every seat of a scenario, ANAC-style.

``--agent`` names an agent as ``package.module:Class``, ``path/to/file.py:Class`` (a NegMAS negotiator
class: ``SAONegotiator`` or any ``GBNegotiator`` subclass, made with no arguments) or one of hexatable's
own delegates, ``hexatable:<strategy>``. The engine is :mod:`hexatable.negotiate.tournament`; it and
NegMAS's negotiators are imported only when the command runs (they take a second or two to load).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import re
import sys
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hexatable.case import open_case
from hexatable.cli.cluster import SchedulerOption, executor_for
from hexatable.cli.simulate import scenario_id_of
from hexatable.execution.cluster import by_value
from hexatable.negotiate.delegates import STRATEGIES
from hexatable.negotiate.space import build_space

if TYPE_CHECKING:
    from hexatable.negotiate.tournament import Entrant, Estimate, TournamentResult

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji
stderr = Console(stderr=True, emoji=False)

HEXATABLE_PREFIX = "hexatable:"
MAX_RUNS = 10_000
MAX_STEPS = 10_000


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _bad(message: str) -> typer.BadParameter:
    return typer.BadParameter(message, param_hint="--agent")


def _import_module(module: str) -> ModuleType:
    """The module named (dotted, or a ``.py`` file); a one-line usage error if it cannot be loaded."""
    try:
        if module.endswith(".py"):
            path = Path(module)
            if not path.is_file():
                raise _bad(f"no file '{module}'")
            name = "hexatable_agent_" + re.sub(r"\W", "_", path.stem)
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise _bad(f"cannot load '{module}' as a Python module")
            loaded = importlib.util.module_from_spec(spec)
            sys.modules[name] = loaded
            spec.loader.exec_module(loaded)
            return loaded
        return importlib.import_module(module)
    except typer.BadParameter:
        raise
    except ModuleNotFoundError as error:
        if error.name is not None and (module == error.name or module.startswith(error.name + ".")):
            raise _bad(f"cannot find module '{module}'") from None
        raise _bad(f"importing module '{module}' failed: {_one_line(error)}") from None
    except (Exception, SystemExit) as error:
        raise _bad(f"importing module '{module}' failed: {_one_line(error)}") from None


def _abstract_methods(cls: type) -> list[str]:
    """Methods still marked abstract (NegMAS's bases are not ``ABCMeta``, so Python does not stop
    ``SAONegotiator()`` itself from being made, with a ``propose`` that does nothing)."""
    return sorted(
        name for name in dir(cls) if getattr(getattr(cls, name, None), "__isabstractmethod__", False)
    )


def load_agent(spec: str) -> tuple[str, Any]:
    """``(name, factory)`` for an ``--agent`` value; :class:`typer.BadParameter` naming the problem."""
    if spec.startswith(HEXATABLE_PREFIX):
        strategy = spec.removeprefix(HEXATABLE_PREFIX)
        if strategy not in STRATEGIES:
            raise _bad(f"unknown hexatable agent '{spec}'; use hexatable:{', hexatable:'.join(STRATEGIES)}")
        from hexatable.negotiate.negmas_bridge import HexatableNegotiator

        return spec, partial(HexatableNegotiator, strategy)  # type: ignore[arg-type]
    module, colon, attribute = spec.rpartition(":")
    if not colon or not module or not attribute:
        raise _bad(f"'{spec}': use package.module:Class, path/to/file.py:Class or hexatable:<strategy>")
    loaded = _import_module(module)
    found = getattr(loaded, attribute, None)
    if found is None:
        raise _bad(f"module '{module}' has no '{attribute}'")
    from negmas.gb.negotiators.base import GBNegotiator

    if not (inspect.isclass(found) and issubclass(found, GBNegotiator)):
        raise _bad(f"'{spec}' is not a NegMAS negotiator class (a subclass of negmas.sao.SAONegotiator)")
    missing = _abstract_methods(found)
    if missing:
        raise _bad(f"'{spec}' is abstract: it does not implement {', '.join(missing)}")
    try:
        found()
    except Exception as error:
        raise _bad(f"'{spec}' cannot be made without arguments: {_one_line(error)}") from None
    if module.endswith(".py"):  # a module by path: worker processes on other machines cannot import it
        return attribute, by_value(loaded, found)
    return attribute, found


def entrants(specs: list[str]) -> tuple[list[Entrant], dict[str, str]]:
    """The agents named by ``--agent``, with unique names (the class name, or the whole spec if two
    classes share a name), and each name's spec."""
    from hexatable.negotiate.tournament import Entrant

    repeated = sorted({s for s in specs if specs.count(s) > 1})
    if repeated:
        raise _bad(f"'{repeated[0]}' is given twice")
    loaded = [(spec, *load_agent(spec)) for spec in specs]
    names = [name for _, name, _ in loaded]
    found: list[Entrant] = []
    for spec, name, factory in loaded:
        found.append(Entrant(name if names.count(name) == 1 else spec, factory))
    return found, {entrant.name: spec for entrant, spec in zip(found, specs, strict=True)}


def tournament_command(
    case: Annotated[str, typer.Argument(help="A built-in case id or a case folder.")],
    agent: Annotated[
        list[str],
        typer.Option(
            help="An agent: package.module:Class, path/to/file.py:Class (a NegMAS negotiator class) or "
            f"hexatable:<strategy> ({', '.join(STRATEGIES)}); repeat for several."
        ),
    ],
    scenario: Annotated[str | None, typer.Option(help="Scenario id (default: the case's first).")] = None,
    runs: Annotated[int, typer.Option(min=1, max=MAX_RUNS, help="Negotiations per agent and seat.")] = 10,
    seed: Annotated[
        int, typer.Option(help="Seed of the tournament; the same seed gives the same results.")
    ] = 0,
    steps: Annotated[
        int, typer.Option(min=1, max=MAX_STEPS, help="The deadline, in rounds of offers (NegMAS n_steps).")
    ] = 30,
    opponents: Annotated[
        str,
        typer.Option(
            help=f"Strategy of the hexatable delegates in the other seats: {', '.join(STRATEGIES)}."
        ),
    ] = "boulware",
    workers: Annotated[
        int, typer.Option(min=1, help="Processes (or LocalCluster workers); 1: in this process.")
    ] = 1,
    scheduler: SchedulerOption = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print JSON (a stable shape, docs/tournament.md).")
    ] = False,
) -> None:
    """Seat NegMAS agents in every seat of a scenario against hexatable's delegates and rank them."""
    if seed < 0:
        raise typer.BadParameter("the seed must be 0 or more", param_hint="--seed")
    if opponents not in STRATEGIES:
        raise typer.BadParameter(
            f"unknown strategy '{opponents}'; use {', '.join(STRATEGIES)}", param_hint="--opponents"
        )
    players, specs = entrants(agent)
    loaded = open_case(case)
    scenario_id = scenario_id_of(loaded, scenario)
    space = build_space(loaded, scenario_id)
    from hexatable.negotiate.tournament import AgentError, run_tournament

    total = len(players) * len(space.seats) * runs
    with (
        executor_for(scheduler, workers) as executor,
        Progress(
            TextColumn("tournament"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=not stderr.is_terminal,
        ) as bar,
    ):
        task = bar.add_task("tournament", total=total)
        try:
            result = run_tournament(
                space,
                players,
                runs=runs,
                seed=seed,
                n_steps=steps,
                opponents=opponents,  # type: ignore[arg-type]
                progress=lambda n: bar.advance(task, n),
                executor=executor,
            )
        except AgentError as error:
            stderr.print(f"[red]error[/]: {' '.join(str(error).split())}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
    if json_output:
        data = {"case": loaded.id, "scenario": scenario_id, **result.to_dict(), "specs": specs}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    stdout.print(seat_table(result, scenario_id))
    stdout.print(ranking_table(result))


def _estimate(estimate: Estimate, digits: int) -> str:
    if estimate.low is None or estimate.high is None:
        return f"{estimate.mean:.{digits}f}"
    return f"{estimate.mean:.{digits}f} ± {(estimate.high - estimate.low) / 2:.{digits}f}"


def seat_table(result: TournamentResult, scenario_id: str) -> Table:
    """One row per agent and seat: mean score ± 95 % CI half-width, gain over BATNA, agreements."""
    table = Table(
        title=f"{scenario_id}: {result.runs} negotiations per agent and seat, against {result.opponents} "
        f"delegates, {result.n_steps} rounds",
        caption="score: the agent's points (± half the 95 % t interval) · gain: over its BATNA · "
        "agreed: share of runs with an agreement [Wilson 95 %]",
        box=box.SIMPLE_HEAD,
    )
    for column in ("agent", "seat"):
        table.add_column(column, no_wrap=True)
    for column in ("score", "gain", "normalised", "agreed"):
        table.add_column(column, justify="right", no_wrap=True)
    for record in result.records:
        rate = record.agreement
        table.add_row(
            record.agent,
            record.seat,
            _estimate(record.score, 1),
            f"{record.gain.mean:+.1f}",
            f"{record.normalised.mean:.3f}",
            f"{rate.rate:.0%} [{rate.low:.0%}–{rate.high:.0%}]",
        )
    return table


def ranking_table(result: TournamentResult) -> Table:
    """Agents by mean normalised score over all seats."""
    table = Table(
        title="Ranking: mean normalised score over all seats (0: the seat's worst, 1: its best)",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("rank", justify="right")
    table.add_column("agent", no_wrap=True)
    table.add_column("normalised", justify="right")
    table.add_column("gain", justify="right")
    table.add_column("agreed", justify="right")
    for rank, standing in enumerate(result.ranking, start=1):
        table.add_row(
            str(rank),
            standing.agent,
            _estimate(standing.normalised, 3),
            f"{standing.gain.mean:+.1f}",
            f"{standing.agreement.rate:.0%}",
        )
    return table
