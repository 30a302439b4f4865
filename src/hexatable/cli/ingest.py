"""``hexatable ingest``: Chinese and English texts into a sourced draft case.

The command reads the files (:func:`hexatable.ingest.read.read_source`), builds the gazetteer (built-in,
plus the target case's actors and a user's file) and the verb dictionary, runs the extraction
(:mod:`hexatable.ingest.pipeline`) and either prints the events (a dry run: a table, or ``--json``) or
writes a draft case folder (``-o DIR``; added to DIR when it is a case folder already). Bad input
(a file it cannot read, a bad gazetteer or verb file) is named on stderr with exit code 2.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from hexatable.case import CaseError, open_case
from hexatable.case.loader import load_case
from hexatable.case.models import Case
from hexatable.ingest.draft import DraftError, draft_case, existing_paths, write_draft
from hexatable.ingest.extract import Extraction
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import DEFAULT_MAX_BYTES, ReadError, read_source
from hexatable.ingest.types import ActorMention, DraftEvent

if TYPE_CHECKING:
    from hexatable.ingest.gazetteer import Gazetteer
    from hexatable.ingest.verbs import VerbDictionary

stdout = Console(emoji=False)
stderr = Console(stderr=True, emoji=False)

BAD_INPUT = 2
"""Exit code for input ingest cannot read (a file, a gazetteer or verb file, an option)."""

PROGRESS_CHARS = 200_000
"""Show a progress bar when the batch has several files or this many characters."""


class IngestLang(StrEnum):
    zh = "zh"
    en = "en"
    auto = "auto"


def _fail(message: str) -> typer.Exit:
    stderr.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(BAD_INPUT)


def _fail_problems(error: CaseError) -> typer.Exit:
    for problem in error.problems:
        stderr.print(str(problem), style="red", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(BAD_INPUT)


def _is_case_folder(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.yaml"))


def _dictionaries(
    case: Case | None, target: Case | None, gazetteer_file: Path | None, verbs_file: Path | None
) -> tuple[Gazetteer, VerbDictionary]:
    from hexatable.ingest.gazetteer import Gazetteer
    from hexatable.ingest.verbs import VerbDictionary

    gazetteer = Gazetteer.builtin()
    for known in (case, target):
        if known is not None:
            gazetteer = gazetteer.with_case(known)
    verbs = VerbDictionary.builtin()
    try:
        if gazetteer_file is not None:
            gazetteer = gazetteer.with_file(gazetteer_file)
        if verbs_file is not None:
            verbs = verbs.with_file(verbs_file)
    except CaseError as error:
        raise _fail_problems(error) from None
    except OSError as error:
        raise _fail(f"{error.filename or 'input'}: {error.strerror or error}") from None
    return gazetteer, verbs


def mention_json(mention: ActorMention) -> dict[str, Any]:
    return {"id": mention.actor, "text": mention.text, "origin": mention.origin, "state": mention.state}


def event_json(event: DraftEvent) -> dict[str, Any]:
    """One event of ``--json`` (documented in docs/cli.md)."""
    return {
        "id": event.id,
        "source": event.source,
        "line": event.line,
        "end_line": event.end_line,
        "date": str(event.date.date),
        "date_text": event.date.text,
        "date_rule": event.date.rule,
        "date_inferred": event.date.inferred,
        "actors": [mention_json(m) for m in event.actors],
        "targets": [mention_json(m) for m in event.targets],
        "cameo": event.cameo,
        "cue": None
        if event.cue is None
        else {"text": event.cue.text, "entry": event.cue.entry, "cameo": event.cue.cameo},
        "confidence": event.confidence,
        "quote": event.quote,
        "text": event.text,
    }


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    document = extraction.document
    return {
        "id": extraction.source_id,
        "file": document.path or document.name,
        "kind": document.kind,
        "lang": extraction.lang,
        "lines": len(document.lines),
        "events": [event_json(e) for e in extraction.events],
        "proposed_actors": [
            {"id": p.id, "name": p.name, "lang": p.lang, "kind": p.kind, "line": p.first_line}
            for p in extraction.proposed
        ],
        "unresolved_dates": list(extraction.unresolved),
        "warnings": list(extraction.warnings),
    }


def _names(mentions: tuple[ActorMention, ...]) -> str:
    return ", ".join(m.actor + ("?" if m.origin == "proposed" else "") for m in mentions)


def _table(extraction: Extraction) -> Table:
    document = extraction.document
    table = Table(
        title=f"{document.name} → source '{extraction.source_id}' ({extraction.lang}), "
        f"{len(extraction.events)} events",
        title_justify="left",
    )
    for column in ("line", "date", "actors", "targets", "cameo", "cue", "conf.", "quote"):
        table.add_column(column, overflow="fold", no_wrap=column in ("line", "date"))
    for event in extraction.events:
        date = str(event.date.date) + ("*" if event.date.inferred else "")
        table.add_row(
            str(event.line),
            date,
            _names(event.actors),
            _names(event.targets),
            f"{event.cameo:02d}",
            event.cue.text if event.cue else "—",
            f"{event.confidence:.2f}",
            event.quote if len(event.quote) <= 60 else event.quote[:59] + "…",
        )
    return table


def ingest_command(
    texts: Annotated[
        list[Path], typer.Argument(help="Text files: .txt, .md, .html/.htm, .docx, .pdf.", show_default=False)
    ],
    lang: Annotated[
        IngestLang,
        typer.Option("--lang", help="zh, en, or auto (per file, from its share of CJK characters)."),
    ] = IngestLang.auto,
    case: Annotated[
        str | None,
        typer.Option("--case", help="A built-in case id or case folder whose actors feed the gazetteer."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write a draft case folder here (added to it when it is a case folder already).",
        ),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print every event as JSON.")] = False,
    year: Annotated[
        int | None,
        typer.Option("--year", min=1, max=9999, help="The year dates without one start from."),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Encoding of text files (default UTF-8).")
    ] = None,
    gazetteer_file: Annotated[
        Path | None, typer.Option("--gazetteer", help="A YAML file of more actor names.")
    ] = None,
    verbs_file: Annotated[Path | None, typer.Option("--verbs", help="A YAML file of more verb cues.")] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop events below this confidence.")
    ] = 0.0,
    max_mb: Annotated[
        float,
        typer.Option("--max-mb", min=0.001, max=1024, help="Refuse files larger than this many MB."),
    ] = DEFAULT_MAX_BYTES / (1024 * 1024),
) -> None:
    """Extract dated events (actors, CAMEO root, verbatim quote and line) from texts into a draft case."""
    max_bytes = int(max_mb * 1024 * 1024)
    documents = []
    for path in texts:
        try:
            documents.append(read_source(path, encoding=encoding, max_bytes=max_bytes))
        except ReadError as error:
            raise _fail(str(error)) from None
    target_case = open_case(case) if case is not None else None
    existing: Case | None = None
    if output is not None and _is_case_folder(output):
        try:
            existing = load_case(output)
        except CaseError as error:
            stderr.print(
                f"{output}: is not a valid case folder, so the draft cannot be added to it:",
                style="red",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            raise _fail_problems(error) from None
    gazetteer, verbs = _dictionaries(target_case, existing, gazetteer_file, verbs_file)
    plans = plan(documents, lang=lang.value, case=target_case or existing, year=year)
    total = sum(len(p.document.text) for p in plans)
    show = not json_output and (len(plans) > 1 or total >= PROGRESS_CHARS)
    with Progress(
        TextColumn("reading"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeRemainingColumn(),
        console=stderr,
        disable=not show,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=max(total, 1))
        extractions = run(
            plans,
            gazetteer=gazetteer,
            verbs=verbs,
            progress=lambda done: progress.update(task, completed=done),
        )
    extractions = [e.above(min_confidence) for e in extractions]
    written: list[Path] = []
    if output is not None:
        draft = draft_case(
            extractions,
            gazetteer=gazetteer,
            existing=existing,
            existing_files=existing_paths(output),
            case_id="draft",
        )
        try:
            written = write_draft(draft, output)
        except DraftError as error:
            raise _fail(str(error)) from None
        except OSError as error:
            raise _fail(f"{error.filename or output}: cannot write ({error.strerror or error})") from None
    if json_output:
        import json

        data = {
            "sources": [extraction_json(e) for e in extractions],
            "written": [str(p) for p in written],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if output is None:
        for extraction in extractions:
            stdout.print(_table(extraction))
            for warning in extraction.warnings:
                stderr.print(f"{extraction.source_id}: {warning}", markup=False, highlight=False)
            if extraction.unresolved:
                shown = ", ".join(extraction.unresolved[:10])
                stderr.print(
                    f"{extraction.source_id}: {len(extraction.unresolved)} date(s) without a year "
                    f"(try --year): {shown}",
                    markup=False,
                    highlight=False,
                )
        stdout.print("dry run: nothing written (use -o DIR to write a draft case)", style="dim")
        return
    events = sum(len(e.events) for e in extractions)
    proposed = sum(len(e.proposed) for e in extractions)
    action = "added to" if existing is not None else "wrote a draft case in"
    stdout.print(
        f"{action} {output}: {events} events from {len(extractions)} source(s), "
        f"{proposed} proposed actor(s); {len(written)} new file(s). "
        f"Review it, then check it with: hexatable validate {output}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
