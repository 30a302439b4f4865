"""``hexatable brief``: one delegation's confidential brief and its own score sheet, nothing else."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich import box
from rich.console import Console, Group
from rich.markdown import Markdown
from rich.table import Table

from hexatable.case import Case, Scenario, open_case, pick
from hexatable.case.models import ScoreSheet
from hexatable.cli.languages import language
from hexatable.cli.simulate import scenario_id_of

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji


def sheet_table(case: Case, scenario: Scenario, sheet: ScoreSheet, lang: str) -> Table:
    """The seat's points per option, its interactions and its reservation value."""
    table = Table(title=f"{sheet.seat}: score sheet", box=box.SIMPLE_HEAD)
    table.add_column("issue", overflow="fold")
    table.add_column("option", overflow="fold")
    table.add_column("points", justify="right")
    for issue_id in scenario.issues:
        issue = case.issue_index[issue_id]
        for number, option in enumerate(issue.options):
            title = pick(issue.title, lang) if number == 0 else ""
            table.add_row(title, pick(option.label, lang), f"{sheet.points[issue_id][option.id]:g}")
        table.add_section()
    for interaction in sheet.interactions:
        together = " + ".join(
            f"{pick(case.issue_index[i].title, lang)}: {_label(case, i, o, lang)}"
            for i, o in interaction.options.items()
        )
        table.add_row("together" if lang == "en" else "组合", together, f"{interaction.points:+g}")
    table.add_section()
    label = "reservation value (BATNA)" if lang == "en" else "保留值（谈判协议的最佳替代方案）"
    table.add_row(label, "", f"{sheet.reservation:g}", style="bold")
    return table


def _label(case: Case, issue: str, option: str, lang: str) -> str:
    labels = {o.id: o.label for o in case.issue_index[issue].options}
    return pick(labels.get(option), lang) or option


def brief_command(
    case: Annotated[str, typer.Argument(help="A built-in case id or a case folder.")],
    seat: Annotated[str, typer.Option(help="The delegation whose brief to print (an actor id).")],
    scenario: Annotated[str | None, typer.Option(help="Scenario id (default: the case's first).")] = None,
    lang: Annotated[str, typer.Option(callback=language, help="en or zh.")] = "en",
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print one delegation's confidential brief and score sheet (only its own)."""
    loaded = open_case(case)
    found = loaded.scenario_index[scenario_id_of(loaded, scenario)]
    sheets = {s.seat: s for s in found.sheets}
    if seat not in sheets:
        raise typer.BadParameter(
            f"'{seat}' holds no seat in '{found.id}' (seats: {', '.join(found.seats)})", param_hint="--seat"
        )
    sheet = sheets[seat]
    if json_output:
        data = {
            "scenario": found.id,
            "seat": seat,
            "brief": pick(sheet.brief, lang),
            "reservation": sheet.reservation,
            "points": sheet.points,
            "interactions": [i.model_dump(mode="json") for i in sheet.interactions],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    stdout.print(
        Group(Markdown(pick(sheet.brief, lang) or "(no brief)"), sheet_table(loaded, found, sheet, lang))
    )
