"""The ``hexatable`` command line (Typer + Rich).

Commands parse their arguments, call the case layer, and render; user errors print located messages
to standard error and exit non-zero, never a traceback. ``--json`` prints the stable shapes of
:mod:`hexatable.cli.views` (documented in ``docs/cli.md``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from hexatable import __version__
from hexatable.case import (
    CaseError,
    PartialDate,
    UnknownActorError,
    builtin_case_ids,
    open_case,
    pick,
    timeline,
)
from hexatable.case.loader import QuoteCoverage, check_case
from hexatable.case.schema import case_file_schema
from hexatable.cli import render
from hexatable.cli.brief import brief_command
from hexatable.cli.forecast import forecast_command
from hexatable.cli.ingest import ingest_command
from hexatable.cli.ledger import ledger_command
from hexatable.cli.roadmap import roadmap_command
from hexatable.cli.serve import serve_command
from hexatable.cli.simulate import simulate_command
from hexatable.cli.stability import stability_command
from hexatable.cli.tournament import tournament_command
from hexatable.cli.views import counts, overview_view, timeline_view

app = typer.Typer(
    name="hexatable",
    help="Run, simulate and analyse multilateral negotiations. The Six-Party Talks are built in.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji
stderr = Console(stderr=True, emoji=False)

P = ParamSpec("P")
R = TypeVar("R")


class Lang(StrEnum):
    en = "en"
    zh = "zh"


CaseArg = Annotated[str, typer.Argument(help="A built-in case id (see `hexatable cases`) or a case folder.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of names, dates and texts.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (a stable shape) instead of tables.")]
SourcesOpt = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="Folder of the source files: check every quote against its source text and line.",
        file_okay=False,
        exists=True,
    ),
]


def report_problems(error: CaseError) -> None:
    """Every located problem on stderr, one per line, then their count."""
    render.print_problems(stderr, [str(p) for p in error.problems])
    stderr.print(f"{len(error.problems)} problem(s) found.", style="red", highlight=False)


def report_os_error(error: OSError) -> None:
    """A path the system refuses (a name too long, a folder it may not read), named on stderr."""
    where = error.filename if error.filename is not None else "input"
    stderr.print(f"{where}: {error.strerror or error}", style="red", markup=False, highlight=False)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Report a :class:`CaseError` as its located problems on stderr and exit 1 (an :class:`OSError` on
    a path the user gave, too)."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CaseError as error:
            report_problems(error)
            raise typer.Exit(1) from None
        except OSError as error:
            report_os_error(error)
            raise typer.Exit(1) from None

    return run


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_date_option(value: str | None, option: str) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


def version_callback(value: bool) -> None:
    if value:
        stdout.print(f"hexatable {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """hexatable: run, simulate and analyse multilateral negotiations."""


@app.command()
@user_errors
def cases(json_output: JsonOpt = False) -> None:
    """List the built-in cases with a one-line summary."""
    rows: list[dict[str, Any]] = []
    for case_id in builtin_case_ids():
        case = open_case(case_id)
        rows.append(
            {
                "id": case_id,
                "title": pick(case.info.title, "en"),
                "title_zh": pick(case.info.title, "zh"),
                "parties": list(case.info.parties),
                "counts": counts(case),
            }
        )
    if json_output:
        print_json({"cases": rows})
        return
    table = Table(title="Built-in cases")
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title")
    table.add_column("parties")
    table.add_column("sessions", justify="right")
    table.add_column("documents", justify="right")
    table.add_column("events", justify="right")
    for row in rows:
        table.add_row(
            row["id"],
            f"{row['title']}\n{row['title_zh']}",
            " ".join(row["parties"]),
            str(row["counts"]["sessions"]),
            str(row["counts"]["documents"]),
            str(row["counts"]["events"]),
        )
    stdout.print(table)


@app.command()
@user_errors
def show(case: CaseArg, lang: LangOpt = Lang.en, json_output: JsonOpt = False) -> None:
    """Overview of a case: parties, sessions, documents, counts."""
    loaded = open_case(case)
    view = overview_view(loaded, lang.value)
    if json_output:
        print_json(view)
    else:
        stdout.print(render.overview(loaded, view))


@app.command("timeline")
@user_errors
def timeline_command(
    case: CaseArg,
    since: Annotated[
        str | None, typer.Option("--from", help="First date: 2003, 2003-08 or 2003-08-27.")
    ] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last date, same forms.")] = None,
    actor: Annotated[
        str | None,
        typer.Option(help="Actor id or any of its names or aliases (PRK, DPRK, 朝鲜, 朝方)."),
    ] = None,
    cameo: Annotated[
        list[int] | None,
        typer.Option("--type", help="CAMEO root code 1-20; repeat for several.", min=1, max=20),
    ] = None,
    lang: LangOpt = Lang.en,
    json_output: JsonOpt = False,
) -> None:
    """The dated timeline of a case, filtered by date, actor and CAMEO event type."""
    start = parse_date_option(since, "--from")
    end = parse_date_option(until, "--to")
    if start and end and end.latest() < start.earliest():
        raise typer.BadParameter(f"--to {end} is before --from {start}", param_hint="--to")
    loaded = open_case(case)
    try:
        events = timeline(loaded, since=start, until=end, actor=actor, cameo=cameo or ())
    except UnknownActorError as error:
        raise typer.BadParameter(str(error), param_hint="--actor") from None
    filters = {
        "from": str(start) if start else None,
        "to": str(end) if end else None,
        "actor": actor,
        "type": sorted(set(cameo or [])),
    }
    view = timeline_view(loaded, events, lang.value, filters)
    if json_output:
        print_json(view)
    else:
        stdout.print(render.timeline_table(loaded, view))


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="A case folder.")],
    sources: SourcesOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) when any citation could not be checked.")
    ] = False,
    json_output: JsonOpt = False,
) -> None:
    """Check a case folder; print every problem as path:line:column: field: message."""
    try:
        checked = check_case(path, sources_dir=sources)
    except CaseError as error:
        if json_output:
            print_json({"valid": False, "problems": [p.to_dict() for p in error.problems]})
        else:
            report_problems(error)
        raise typer.Exit(1) from None
    except OSError as error:
        report_os_error(error)
        raise typer.Exit(1) from None
    case, quotes = checked.case, checked.quotes
    unchecked = [u.problem for u in quotes.unchecked_sources] if strict else []
    if json_output:
        print_json(
            {
                "valid": not unchecked,
                "case": case.id,
                "counts": counts(case),
                "quotes": quotes_json(quotes),
                "problems": [p.to_dict() for p in unchecked],
            }
        )
    elif unchecked:
        report_problems(CaseError(unchecked))
    else:
        summary = ", ".join(f"{n} {name}" for name, n in counts(case).items())
        stdout.print(f"[green]ok[/]: case '{case.id}' is valid: {summary}; {quotes_summary(quotes)}")
    if unchecked:
        raise typer.Exit(1)


def quotes_json(quotes: QuoteCoverage) -> dict[str, Any]:
    """The quote check's counts in ``validate --json``."""
    return {
        "checked": quotes.checked,
        "unchecked": quotes.unchecked,
        "unchecked_sources": [u.to_dict() for u in quotes.unchecked_sources],
    }


def quotes_summary(quotes: QuoteCoverage) -> str:
    """E.g. ``1,484 quotes checked; 13 not checked (source xinhua-... has no local file)``."""
    text = f"{quotes.checked:,} quotes checked"
    if quotes.unchecked:
        why = "; ".join(f"source {u.source} {u.reason}" for u in quotes.unchecked_sources)
        text += f"; {quotes.unchecked:,} not checked ({why})"
    return text


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of a case file (for editors that validate YAML as you type)."""
    text = json.dumps(case_file_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            stderr.print(f"{output}: cannot write ({error.strerror})", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        stderr.print(f"wrote {output}")


app.command("simulate")(user_errors(simulate_command))
app.command("brief")(user_errors(brief_command))
app.command("roadmap")(user_errors(roadmap_command))
app.command("forecast")(user_errors(forecast_command))
app.command("serve")(serve_command)
app.command("stability")(user_errors(stability_command))
app.command("tournament")(user_errors(tournament_command))
app.command("ledger")(user_errors(ledger_command))
app.command("ingest")(user_errors(ingest_command))


def main() -> None:
    """Entry point of the ``hexatable`` console script."""
    app()
