"""``hexatable stability``: which states of a conflict are stable, for whom, and how to get there.

MODEL is a case id or folder (its conflict model), a YAML file with a ``conflicts`` list, or a GMCR+
``.gmcr`` file. The command parses, calls :mod:`hexatable.conflict` and renders; the ``--json`` shape
is documented in docs/cli.md.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from hexatable.case import open_case
from hexatable.case.conflict_file import load_conflict_file
from hexatable.case.conflict_models import Conflict
from hexatable.cli.cluster import SchedulerOption, executor_for
from hexatable.conflict.analysis import ConflictAnalysis, analyse, listed_states
from hexatable.conflict.coalitions import analyse_coalitions
from hexatable.conflict.explain import explain
from hexatable.conflict.from_case import conflict_model
from hexatable.conflict.gmcr_file import GmcrFileError, parse_gmcr
from hexatable.conflict.inverse import INVERSE_CONCEPTS
from hexatable.conflict.inverse_window import MAX_STATES, Window
from hexatable.conflict.model import ConflictModel, ModelError
from hexatable.conflict.sensitivity import sensitivity
from hexatable.conflict.stability import Concept
from hexatable.conflict.status_quo import status_quo_paths
from hexatable.conflict.sweeps import InverseQuery, inverse_sweep

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji
stderr = Console(stderr=True, emoji=False)


class ConceptOption(StrEnum):
    nash = "nash"
    gmr = "gmr"
    smr = "smr"
    seq = "seq"
    sim = "sim"
    all = "all"


def _fail(message: str) -> typer.Exit:
    stderr.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(1)


def load_model(
    model: str, conflict_id: str | None
) -> tuple[ConflictModel, list[tuple[str, ...]], int | None]:
    """The model, its coalitions (DM names) and status-quo code, from a case, a YAML or a .gmcr file."""
    path = Path(model)
    if path.suffix == ".gmcr":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise _fail(f"{model}: cannot read the file ({error})") from None
        try:
            imported = parse_gmcr(text, name=path.stem)
        except GmcrFileError as error:
            raise _fail(f"{model}: {error}") from None
        for warning in imported.warnings:
            stderr.print(
                f"{model}: warning: {warning}", style="yellow", markup=False, highlight=False, soft_wrap=True
            )
        return imported.model, list(imported.coalitions), None
    if path.suffix in (".yaml", ".yml") and path.is_file():
        conflicts = load_conflict_file(path)
    else:
        conflicts = open_case(model).conflicts
    chosen = _choose(conflicts, conflict_id, model)
    try:
        converted = conflict_model(chosen)
    except ModelError as error:
        raise _fail(f"{model}: conflict '{chosen.id}': {error}") from None
    return converted.model, list(converted.coalitions), converted.status_quo


def _choose(conflicts: list[Conflict], conflict_id: str | None, model: str) -> Conflict:
    known = ", ".join(c.id for c in conflicts) or "none"
    if conflict_id is not None:
        for conflict in conflicts:
            if conflict.id == conflict_id:
                return conflict
        raise _fail(f"{model}: --conflict: no conflict '{conflict_id}' (conflicts: {known})")
    if len(conflicts) == 1:
        return conflicts[0]
    if not conflicts:
        raise _fail(f"{model}: holds no conflict model")
    raise _fail(f"{model}: holds several conflicts; name one with --conflict ({known})")


def stability_command(
    model: Annotated[str, typer.Argument(help="A case id or folder, a conflict YAML file, or a .gmcr file.")],
    concept: Annotated[
        ConceptOption, typer.Option(help="The stability concept to report.")
    ] = ConceptOption.all,
    dm: Annotated[str | None, typer.Option("--dm", help="Also list the states stable for this DM.")] = None,
    coalition: Annotated[
        list[str] | None, typer.Option("--coalition", help="DMs moving together, as A+B; repeat for several.")
    ] = None,
    status_quo: Annotated[
        int | None, typer.Option("--status-quo", help="Paths of improvements from this state number.", min=1)
    ] = None,
    explain_state: Annotated[
        int | None, typer.Option("--explain", help="Explain this state: improvements and sanctions.", min=1)
    ] = None,
    inverse: Annotated[
        int | None,
        typer.Option("--inverse", help="With --dm: how many of its rankings make this state stable.", min=1),
    ] = None,
    window: Annotated[
        str | None,
        typer.Option(
            "--window", help="With --inverse: rank bounds, as STATE:BEST-WORST,... (1 = most preferred)."
        ),
    ] = None,
    prefer: Annotated[
        list[str] | None,
        typer.Option(
            "--prefer", help="With --inverse: a known order, as A>B (state numbers); repeat for several."
        ),
    ] = None,
    horizon: Annotated[
        list[int] | None,
        typer.Option(
            "--horizon",
            help="Two DMs: limited-move stability L_H, looking H moves ahead (L_1 is Nash); repeatable.",
            min=1,
        ),
    ] = None,
    ties: Annotated[
        bool,
        typer.Option(
            "--ties", help="With --inverse: count rankings with ties (weak orders), not strict ones."
        ),
    ] = False,
    sensitivity_flag: Annotated[
        bool, typer.Option("--sensitivity", help="Equilibria after each one-change variant of the model.")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes (or LocalCluster workers) for --inverse and --sensitivity.")
    ] = 1,
    scheduler: SchedulerOption = None,
    conflict_id: Annotated[str | None, typer.Option("--conflict", help="Which conflict of the case.")] = None,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="List every equilibrium state, however many (the table stops at 30)."),
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON (a stable shape).")] = False,
) -> None:
    """Stability analysis of a conflict (Graph Model for Conflict Resolution): equilibria per concept."""
    try:
        conflict, coalitions, case_status_quo = load_model(model, conflict_id)
        concepts = list(Concept) if concept is ConceptOption.all else [Concept(concept.value)]
        needed = sorted(
            set(concepts) | ({Concept.NASH, Concept.GMR, Concept.SEQ} if coalitions or coalition else set())
        )
        horizons = sorted(set(horizon or []))
        if horizons and len(conflict.decision_makers) != 2:
            raise ModelError("--horizon: limited-move stability is defined for two decision makers")
        result = analyse(conflict, concepts=needed, horizons=horizons)
        states = result.graph.states.count
        dm_index = _dm_index(conflict, dm) if dm is not None else None
        groups = [_coalition(conflict, text) for text in coalition or []] or [
            [conflict.dm_index(name) for name in names] for names in coalitions
        ]
        if inverse is not None and dm_index is None:
            raise ModelError("--inverse needs --dm: whose ranking is free")
        if inverse is None and (ties or window or prefer):
            raise ModelError("--window, --prefer and --ties go with --inverse STATE")
        for option, number in (
            ("--status-quo", status_quo),
            ("--explain", explain_state),
            ("--inverse", inverse),
        ):
            if number is not None and number > states:
                raise _fail(f"{option}: state {number} does not exist: the states are numbered 1-{states}")
    except ModelError as error:
        raise _fail(f"{model}: {error}") from None
    view: dict[str, Any] = result.to_json()
    chosen = [c.value for c in concepts]  # inverse analysis covers these, not L_h
    shown = chosen + [f"l{h}" for h in horizons]
    view["equilibria"] = {c: view["equilibria"][c] for c in shown}
    view["stable"] = {c: view["stable"][c] for c in shown}
    if groups:
        view["coalition_analysis"] = analyse_coalitions(result.graph, groups, result.stable).to_json()
    start = (
        status_quo
        if status_quo is not None
        else (result.graph.states.number_of(case_status_quo) if case_status_quo is not None else None)
    )
    if start is not None:
        targets = result.equilibria(shown[0])
        if groups:
            targets = view["coalition_analysis"]["equilibria"].get(shown[0], targets)
        view["status_quo"] = status_quo_paths(result.graph, start, targets, groups).to_json()
    if explain_state is not None:
        who = [dm_index] if dm_index is not None else list(range(result.graph.dm_count))
        view["explain"] = {
            conflict.decision_makers[i].name: [e.sentence for e in explain(result.graph, i, explain_state)]
            for i in who
        }
    if (inverse is not None and dm_index is not None) or sensitivity_flag:
        with executor_for(scheduler, workers) as executor:
            if inverse is not None and dm_index is not None:
                try:
                    bounds = parse_window(window, prefer)
                    if ties and bounds != Window():
                        raise ModelError(
                            "--ties counts every ranking with ties: it takes no --window or --prefer"
                        )
                    if ties:
                        query = InverseQuery(result.graph, dm_index, inverse, "ties")
                        counted = chosen
                    elif result.graph.states.count <= MAX_STATES:
                        query = InverseQuery(result.graph, dm_index, inverse, "window", bounds)
                        counted = chosen
                    elif bounds != Window():
                        raise ModelError(f"--window works on models of at most {MAX_STATES} states")
                    else:  # the closed forms need no window and no limit on states
                        query = InverseQuery(result.graph, dm_index, inverse, "closed")
                        counted = [c for c in INVERSE_CONCEPTS if c in chosen]
                    view["inverse"] = [r.to_json() for r in inverse_sweep(query, counted, executor)]
                except ModelError as error:
                    raise _fail(f"{model}: --inverse {inverse}: {error}") from None
            if sensitivity_flag:
                view["sensitivity"] = [
                    {"change": v.change, "equilibria": v.equilibria}
                    for v in sensitivity(conflict, tuple(concepts), executor)
                ]
    if json_output:
        sys.stdout.write(json.dumps(view, ensure_ascii=False, indent=2) + "\n")
        return
    _render(result, view, shown, dm_index, show_all)


def parse_window(window: str | None, prefer: list[str] | None) -> Window:
    """``--window 6:6-6,1:1-3`` and ``--prefer 3>5`` as a :class:`Window` (``ModelError`` if malformed)."""
    bounds: dict[int, tuple[int, int]] = {}
    for part in (window or "").split(","):
        if not part.strip():
            continue
        state, _, ranks = part.partition(":")
        best, _, worst = ranks.partition("-")
        try:
            bounds[int(state)] = (int(best), int(worst or best))
        except ValueError:
            raise ModelError(f"--window {part.strip()!r}: write STATE:BEST-WORST, e.g. 6:5-6") from None
    pairs = []
    for text in prefer or []:
        above, _, below = text.partition(">")
        try:
            pairs.append((int(above), int(below)))
        except ValueError:
            raise ModelError(f"--prefer {text!r}: write A>B with state numbers, e.g. 3>5") from None
    return Window(bounds, tuple(pairs))


def _dm_index(model: ConflictModel, name: str) -> int:
    try:
        return model.dm_index(name)
    except ModelError as error:
        raise ModelError(f"--dm: {error}") from None


def _coalition(model: ConflictModel, text: str) -> list[int]:
    try:
        members = [model.dm_index(name.strip()) for name in text.split("+") if name.strip()]
    except ModelError as error:
        raise ModelError(f"--coalition {text!r}: {error}") from None
    if len(set(members)) < 2:
        raise ModelError(f"--coalition {text!r}: name at least two different DMs joined by '+'")
    return members


ROWS = 30
"""Rows of the state table by default: past this, the equilibria of the concepts with the fewest are
listed (whole concepts, as many as fit) with the status quo, and ``--all`` lists the rest."""


def _render(
    result: ConflictAnalysis,
    view: dict[str, Any],
    concepts: list[str],
    dm: int | None,
    show_all: bool = False,
) -> None:
    """A summary per concept, the equilibria as a grid of options (GMCR's Y/N notation, one column per
    option, numbered as in the legend), then whatever else was asked for."""
    model = result.graph.model
    equilibria = {c: set(view["equilibria"][c]) for c in concepts}
    summary = Table(title=f"{model.name or 'The conflict'}: {result.graph.states.count} feasible states")
    summary.add_column("concept", style="bold")
    summary.add_column("equilibria", justify="right")
    summary.add_column("states")
    for c in concepts:
        summary.add_row(_concept_name(c), str(len(equilibria[c])), _numbers(view["equilibria"][c], 12))
    stdout.print(summary)

    status_quo = view.get("status_quo", {}).get("status_quo")
    rows, hidden = listed_states(
        {c: view["equilibria"][c] for c in concepts},
        limit=10**9 if show_all else ROWS,
        always=[status_quo] if status_quo else [],
    )
    grid = Table(title="Equilibria (Y: option taken)", title_justify="left")
    grid.add_column("state", justify="right", style="bold")
    owners = []
    for d in model.decision_makers:
        owners += [d.name] * len(d.options)
    order = [k for d in model.decision_makers for k in d.options]
    for k in order:
        grid.add_column(str(k), justify="center", no_wrap=True)
    for c in concepts:
        grid.add_column(_concept_name(c), justify="center")
    states = {s["number"]: s for s in view["states"]}
    for number in rows:
        marks = states[number]["options"]
        label = f"{number} (status quo)" if number == status_quo else str(number)
        grid.add_row(
            label,
            *("Y" if marks[k] == "Y" else "[dim]·[/]" for k in order),
            *("✓" if number in equilibria[c] else "" for c in concepts),
        )
    stdout.print(grid)
    if hidden:
        stdout.print(
            f"[dim]{hidden} more equilibria of the other concepts are not listed; --all lists them.[/]",
            highlight=False,
        )
    legend = Table.grid(padding=(0, 2))
    for k, owner in zip(order, owners, strict=True):
        legend.add_row(f"[bold]{k}[/]", owner, model.options[k].name)
    stdout.print(legend)
    if dm is not None:
        name = model.decision_makers[dm].name
        for c in concepts:
            stdout.print(f"{c}: stable for {name}: {_numbers(view['stable'][c][name])}", highlight=False)
    if "coalition_analysis" in view:
        analysis = view["coalition_analysis"]
        for c, numbers in analysis["equilibria"].items():
            stdout.print(f"coalition {c} equilibria: {_numbers(numbers)}", highlight=False)
    if "status_quo" in view:
        paths = view["status_quo"]
        stdout.print(f"From the status quo, state {paths['status_quo']}:", highlight=False)
        if not paths["paths"]:
            stdout.print("  no equilibrium is reached by improvements", highlight=False)
        for target, steps in paths["paths"].items():
            route = " → ".join([str(paths["status_quo"]), *(f"{s['state']} ({s['mover']})" for s in steps)])
            stdout.print(f"  to {target}: {route}", highlight=False)
    for item in view.get("inverse", []):
        sets = item["minimal_below_sets"]
        shown_sets = ", or all of ".join("{" + ", ".join(map(str, b)) + "}" for b in sets[:8])
        more = f", or … ({len(sets)} sets)" if len(sets) > 8 else ""
        kind = "rankings with ties" if item.get("ties") else "rankings"
        below = "below or level with it" if item.get("ties") else "below it"
        head = (
            f"{_concept_name(item['concept'])}: {item['count']} of {item['total']} {kind} of {item['dm']} "
            f"make state {item['state']} stable"
        )
        if item["count"] in (0, item["total"]):
            condition = ""
        else:
            condition = f", exactly those that rank {below} all of {shown_sets}{more}"
        stdout.print(head + condition, highlight=False)
    for variant in view.get("sensitivity", []):
        found = "; ".join(f"{c} {_numbers(n)}" for c, n in variant["equilibria"].items())
        stdout.print(f"{variant['change']}: {found}", highlight=False)
    for name, sentences in view.get("explain", {}).items():
        stdout.print(f"[bold]{name}[/]")
        for sentence in sentences or [
            "It has no unilateral improvement here: the state is Nash-stable for it."
        ]:
            stdout.print(f"  {sentence}", highlight=False)


def _numbers(numbers: list[int], most: int = 40) -> str:
    if len(numbers) > most:
        return f"{', '.join(map(str, numbers[:most]))}, … ({len(numbers)} states)"
    return ", ".join(map(str, numbers)) or "none"


def _concept_name(concept: str) -> str:
    return "Nash" if concept == "nash" else concept.upper()
