"""``hexatable ingest``: Chinese and English texts into a sourced draft case.

The command reads the files (:func:`hexatable.ingest.read.read_source`), builds the gazetteer (built-in,
plus the target case's actors and a user's file) and the verb dictionary, runs the extraction
(:mod:`hexatable.ingest.pipeline`) and either prints the events (a dry run: a table, or ``--json``) or
writes a draft case folder (``-o DIR``; added to DIR when it is a case folder already). Bad input
(a file it cannot read, a bad gazetteer or verb file) is named on stderr with exit code 2.
"""

from __future__ import annotations

import codecs
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console, Group
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from hexatable.case import CaseError, open_case
from hexatable.case.loader import load_case
from hexatable.case.models import Case
from hexatable.ingest.draft import (
    LOW_CONFIDENCE,
    DraftError,
    draft_case,
    existing_paths,
    low_confidence,
    write_draft,
)
from hexatable.ingest.extract import Extraction
from hexatable.ingest.pipeline import language_situation, plan, run
from hexatable.ingest.read import DEFAULT_MAX_BYTES, ReadError, read_source
from hexatable.ingest.types import ActorMention, DraftEvent

if TYPE_CHECKING:
    from hexatable.ingest.gazetteer import Gazetteer
    from hexatable.ingest.verbs import VerbDictionary

stdout = Console(emoji=False)
stderr = Console(stderr=True, emoji=False)

BAD_INPUT = 2
"""Exit code for input ingest cannot read (a file, a gazetteer or verb file, an option)."""

NO_EVENTS = 1
"""Exit code for ``-o`` when no file gave an event: nothing is written (an empty draft is no use)."""

PROGRESS_CHARS = 200_000
"""Show a progress bar when the batch has several files or this many characters."""


MAX_WARNINGS = 20
"""The most warnings printed per file (a long text can give hundreds; ``--json`` has them all)."""


CONVERT_FIRST = {
    suffix: f" (save the {suffix} file as .docx, .pdf or UTF-8 .txt first, then give that file)"
    for suffix in (".doc", ".rtf", ".odt", ".wps", ".pages", ".xls", ".xlsx", ".ppt", ".pptx", ".epub")
}
"""What to do with a document format ingest does not read: say it after the reader's refusal."""


class IngestLang(StrEnum):
    zh = "zh"
    en = "en"
    auto = "auto"


class Periods(StrEnum):
    """How a vague part of a period (年初, 月底, "early July") is dated (docs/case-format.md)."""

    contain = "contain"
    range = "range"


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


def event_json(event: DraftEvent) -> dict[str, Any]:
    """An event as ``--json`` gives it: its record, with the low-confidence mark the table shows and the
    reasons it is ``basis: inferred`` (empty when its clause says everything)."""
    return {
        **event.to_json(),
        "low": low_confidence(event),
        "inferred": [str(reason) for reason in event.inferred],
    }


def file_notes(extraction: Extraction, dropped: int = 0, min_confidence: float = 0.0) -> list[str]:
    """The notes on a whole file that the dry run prints (without the file's name): its language, why
    it gave no events, how many events are marked low, what ``--min-confidence`` left out. Proposed
    actors, warnings and unresolved dates have their own keys in ``--json``."""
    notes = _language_notes(extraction)
    if not extraction.events:
        notes.append("no events found. " + _why_no_events(extraction, dropped, min_confidence))
    low = sum(1 for event in extraction.events if low_confidence(event))
    if low:
        notes.append(_low_note(low))
    if dropped and extraction.events:
        notes.append(f"{_count(dropped, 'event')} under --min-confidence {min_confidence:g} left out")
    return notes


def extraction_json(extraction: Extraction, dropped: int = 0, min_confidence: float = 0.0) -> dict[str, Any]:
    """One source as ``--json`` gives it (keys documented in docs/cli.md)."""
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
        "warnings": [str(warning) for warning in extraction.warnings],
        "left_out": dropped,
        "notes": file_notes(extraction, dropped, min_confidence),
    }


def _names(mentions: tuple[ActorMention, ...]) -> str:
    return ", ".join(m.actor + ("?" if m.origin == "proposed" else "") for m in mentions)


WHO = "actors → targets"
WIDE = 120
"""From this console width on, the dry-run table has a column per field and shows quotes whole; below
it, each event is two lines: its fields, then its actors and quote in one column (the quote cut to
the width with an ellipsis), so a quote keeps room at 80 columns."""


def _who(event: DraftEvent) -> str:
    """``actors → targets`` as ids; a proposed actor's id ends with ``?``."""
    return _names(event.actors) + (" → " + _names(event.targets) if event.targets else "")


def short_date(value: str) -> str:
    """A date range written as ISO 8601 allows, the end without what it shares with the start
    (``2018-05-30/2018-05-31`` → ``2018-05-30/31``, ``2018-01/2018-03`` → ``2018-01/03``), so the
    table's date column stays narrow. Single dates and ranges across years are unchanged."""
    start, slash, end = value.partition("/")
    first, last = start.split("-"), end.split("-")
    if not slash or len(first) != len(last) or first[0] != last[0]:
        return value
    same = 0
    while same < len(first) - 1 and first[same] == last[same]:
        same += 1
    return f"{start}/{'-'.join(last[same:])}"


def _table(extraction: Extraction, width: int) -> Table:
    """The dry run's table of one source, fitted to ``width`` columns as the other commands' tables are
    (``cli/render.py``): line, date, code and confidence never wrap, actor ids wrap only between ids,
    and the quote takes the rest (see :data:`WIDE`)."""
    document = extraction.document
    wide = width >= WIDE
    table = Table(
        title=f"{document.name} → source '{extraction.source_id}' ({extraction.lang}), "
        f"{_count(len(extraction.events), 'event')}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    table.add_column("line", no_wrap=True, justify="right")
    table.add_column("date", no_wrap=True, style="cyan")
    table.add_column("cameo/cue", no_wrap=True, style="magenta")
    table.add_column("conf.", no_wrap=True, justify="right")
    rows = [(event, _who(event)) for event in extraction.events]
    if wide:
        longest = max((len(who) for _, who in rows), default=0)
        table.add_column(WHO, width=max(len(WHO), min(longest, 30)), overflow="fold")
        table.add_column("quote", ratio=1, overflow="fold")
    else:
        table.add_column(f"{WHO} / quote", ratio=1)
    for event, who in rows:
        date = short_date(str(event.date.date)) + ("*" if event.date.inferred else "")
        fields = [str(event.line), date, f"{event.cameo:02d} {event.cue.text if event.cue else '—'}"]
        fields.append(f"{event.confidence:.2f}" + (" low" if low_confidence(event) else ""))
        if wide:
            table.add_row(*fields, who, event.quote)
        else:
            stacked = Group(
                Text(who, overflow="fold"), Text(event.quote, style="dim", no_wrap=True, overflow="ellipsis")
            )
            table.add_row(*fields, stacked)
    return table


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _note(text: str) -> None:
    stderr.print(text, markup=False, highlight=False, soft_wrap=True)


LANG_NAMES = {"zh": "Chinese", "en": "English"}


def _why_no_events(extraction: Extraction, dropped: int = 0, min_confidence: float = 0.0) -> str:
    """The likeliest reason a file gave no events, and what to try: ``--min-confidence`` dropped them
    all, a language other than the text's, no date the reader understands, dates without a year, or
    (the general rule) no known actor."""
    document = extraction.document
    if dropped:
        return (
            f"Its {_count(dropped, 'event')} {'is' if dropped == 1 else 'are all'} under --min-confidence "
            f"{min_confidence:g}; lower it to see {'it' if dropped == 1 else 'them'}."
        )
    if extraction.lang != document.lang and not document.mix.mixed:
        return (
            f"It was read as {LANG_NAMES[extraction.lang]}, but {document.cjk_share:.0%} of its letters are "
            f"CJK: is it the right --lang? (--lang auto would read it as {LANG_NAMES[document.lang]}.)"
        )
    if extraction.unresolved:
        return "Its dates do not say their year: give it with --year (see the notes below)."
    if any(warning.id == "no-date" for warning in extraction.warnings):
        return (
            "It names actors acting but no date they can take (7月14日, 14 July 2007): an event needs a "
            "date, its own or its entry's (see the notes below)."
        )
    if any(warning.id == "no-actor" for warning in extraction.warnings):
        return (
            "It has dated acts, but none by an actor the gazetteer or the case knows (see the notes "
            "below): give the case with --case, or add the names with --gazetteer."
        )
    return (
        "An event is a clause with a known actor and a date (its own or its entry's); see the notes "
        "below, or try --case, --gazetteer, --year or --lang."
    )


def _print_dry_run(extraction: Extraction, dropped: int = 0, min_confidence: float = 0.0) -> None:
    """One source of a dry run: its table (or why it has no events), then :func:`_print_notes`."""
    name = extraction.document.name
    if extraction.events:
        stdout.print(_table(extraction, stdout.width))
    else:
        stdout.print(
            f"{name} → source '{extraction.source_id}' ({extraction.lang}): no events found. "
            + _why_no_events(extraction, dropped, min_confidence),
            markup=False,
            highlight=False,
        )
    low = sum(1 for event in extraction.events if low_confidence(event))
    if low:
        _note(f"{name}: {_low_note(low)}")
    _print_notes(extraction)


def _low_note(low: int) -> str:
    """What to say of ``low`` events marked low-confidence."""
    it = "it" if low == 1 else "them"
    return (
        f"{_count(low, 'event')} under confidence {LOW_CONFIDENCE:.2f}, marked low: check {it} first "
        f"(--min-confidence {LOW_CONFIDENCE:g} leaves {it} out)"
    )


def _language_notes(extraction: Extraction) -> list[str]:
    """A file in two languages (read block by block, or in one language that --lang forced), or read
    in a language other than it looks (:func:`hexatable.ingest.pipeline.language_situation`)."""
    document = extraction.document
    mix = document.mix
    situation = language_situation(extraction)
    if situation == "per-block":
        return [
            f"{mix.zh_lines} of its lines read as Chinese and {mix.en_lines} as English: each paragraph "
            "was read in its own language (--lang auto); check the events where the language changes"
        ]
    if situation == "forced-mixed":
        other = "en" if extraction.lang == "zh" else "zh"
        return [
            f"{mix.zh_lines} of its lines read as Chinese and {mix.en_lines} as English, but --lang "
            f"{extraction.lang} reads the whole file in {LANG_NAMES[extraction.lang]}: its "
            f"{LANG_NAMES[other]} lines give no events or wrong ones; --lang auto reads each paragraph "
            "in its own language"
        ]
    if situation == "other-language" and extraction.events:  # without events, the table says why
        return [
            f"read as {LANG_NAMES[extraction.lang]} (--lang), though {document.cjk_share:.0%} of its letters "
            f"are CJK (--lang auto would read it as {LANG_NAMES[document.lang]})"
        ]
    return []


def _print_notes(extraction: Extraction) -> None:
    """The notes for the reviewer on stderr, each starting with the file's name: proposed actors,
    warnings, dates whose year is unknown."""
    name = extraction.document.name
    for note in _language_notes(extraction):
        _note(f"{name}: {note}")
    if extraction.proposed:
        shown = ", ".join(f"{p.id} ({p.name}, line {p.first_line})" for p in extraction.proposed[:10])
        more = f" and {len(extraction.proposed) - 10} more" if len(extraction.proposed) > 10 else ""
        _note(
            f"{name}: {len(extraction.proposed)} name(s) the gazetteer does not know, proposed as new "
            f"actors (marked ? after their id; add them with --gazetteer if they are right): {shown}{more}"
        )
    for warning in extraction.warnings[:MAX_WARNINGS]:
        _note(f"{name}: {warning!s}")
    if len(extraction.warnings) > MAX_WARNINGS:
        _note(f"{name}: {len(extraction.warnings) - MAX_WARNINGS} more warnings (--json lists them all)")
    if extraction.unresolved:
        shown = ", ".join(list(dict.fromkeys(extraction.unresolved))[:10])  # each expression once
        _note(
            f"{name}: {len(extraction.unresolved)} date(s) whose year the text does not give "
            f"(give it with --year): {shown}"
        )


def ingest_command(
    texts: Annotated[
        list[Path],
        typer.Argument(
            help="Text files: .txt, .md, .html/.htm, .docx, .pdf (one source each).", show_default=False
        ),
    ],
    lang: Annotated[
        IngestLang,
        typer.Option(
            "--lang",
            help="zh, en, or auto: Chinese when at least 30% of the letters are CJK, decided per file "
            "and, in a file in both languages, per paragraph.",
        ),
    ] = IngestLang.auto,
    case: Annotated[
        str | None,
        typer.Option(
            "--case",
            help="A built-in case id (see: hexatable cases) or a case folder: its actors and their "
            "aliases are recognised.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write a draft case folder here; when DIR is a case folder already, add to it. "
            "Without -o nothing is written (a dry run).",
        ),
    ] = None,
    json_output: Annotated[
        bool,
        typer.Option("--json", help="Print every event as JSON (shape in docs/cli.md) instead of the table."),
    ] = False,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            min=1,
            max=9999,
            help="The year of dates that do not say one (7月14日, 14 July), until the text names a year.",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", help="Encoding of .txt and .md files that are not UTF-8, e.g. gb18030, big5."
        ),
    ] = None,
    gazetteer_file: Annotated[
        Path | None,
        typer.Option("--gazetteer", help="A YAML file of more actor names (docs/ingest-dictionaries.md)."),
    ] = None,
    verbs_file: Annotated[
        Path | None,
        typer.Option("--verbs", help="A YAML file of more verb cues (docs/ingest-dictionaries.md)."),
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence", min=0.0, max=1.0, help="Leave out events below this confidence (0 to 1)."
        ),
    ] = 0.0,
    max_mb: Annotated[
        float,
        typer.Option(
            "--max-mb",
            min=0.001,
            max=1024,
            help="Refuse files larger than this many MB (checked before reading).",
        ),
    ] = DEFAULT_MAX_BYTES / (1024 * 1024),
    periods: Annotated[
        Periods,
        typer.Option(
            "--periods",
            help="How a vague part of a period (年初, 月底, 'early July') is dated: contain, as the year "
            "or month that contains it (the dating convention, docs/case-format.md); range, as sharp "
            "bounds the text does not give (年初 months 1-3, 月初 days 1-10). 上旬, 上半年, quarters and "
            "seasons are ranges either way.",
        ),
    ] = Periods.contain,
) -> None:
    """Extract dated events (actors, CAMEO root, verbatim quote and line) from texts into a draft case.

    Without -o it is a dry run: a table per file (* marks a date partly taken from context, ? a proposed
    actor), and notes for the reviewer on stderr. Examples:

      hexatable ingest chronology.txt --case six-party-talks

      hexatable ingest notes-gbk.txt --encoding gb18030 --year 2007 -o draft

      hexatable ingest report.pdf statement.docx --json > events.json
    """
    max_bytes = int(max_mb * 1024 * 1024)
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise _fail(
                f"--encoding: unknown encoding '{encoding}'; give a codec name such as gb18030, big5, "
                "utf-16 or latin-1"
            ) from None
    # pypdf logs the damage it repairs ("EOF marker not found"); the reader reports what matters.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    documents = []
    for path in texts:
        if path.is_dir():
            raise _fail(f"{path}: is a folder; give the files in it, e.g. {path / '*.txt'}")
        try:
            documents.append(read_source(path, encoding=encoding, max_bytes=max_bytes))
        except ReadError as error:
            raise _fail(str(error) + CONVERT_FIRST.get(path.suffix.lower(), "")) from None
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
    plans = plan(documents, lang=lang.value, case=target_case or existing, year=year, periods=periods.value)
    total = sum(len(p.document.text) for p in plans)
    show = stderr.is_terminal and not json_output and (len(plans) > 1 or total >= PROGRESS_CHARS)
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
    found = [len(e.events) for e in extractions]
    extractions = [e.above(min_confidence) for e in extractions]
    dropped = [n - len(e.events) for n, e in zip(found, extractions, strict=True)]
    written: list[Path] = []
    events = sum(len(e.events) for e in extractions)
    if output is not None and events == 0:
        # an empty draft is no use and would need deleting before the next try: write nothing
        if json_output:
            import json

            nothing: dict[str, Any] = {
                "sources": [
                    extraction_json(e, gone, min_confidence)
                    for e, gone in zip(extractions, dropped, strict=True)
                ],
                "written": [],
                "periods": periods.value,
            }
            sys.stdout.write(json.dumps(nothing, ensure_ascii=False, indent=2) + "\n")
        else:
            for extraction, gone in zip(extractions, dropped, strict=True):
                why = _why_no_events(extraction, gone, min_confidence)
                _note(f"{extraction.document.name}: no events found. {why}")
                _print_notes(extraction)
            _fail(f"no events found in {_count(len(extractions), 'file')}: nothing written to {output}")
        raise typer.Exit(NO_EVENTS)
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
            "sources": [
                extraction_json(e, gone, min_confidence) for e, gone in zip(extractions, dropped, strict=True)
            ],
            "written": [str(p) for p in written],
            "periods": periods.value,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if output is None:
        for extraction, gone in zip(extractions, dropped, strict=True):
            _print_dry_run(extraction, gone, min_confidence)
        stdout.print(
            f"dry run: {_count(events, 'event')} from {_count(len(extractions), 'source')}"
            + (
                f" ({sum(dropped)} under --min-confidence {min_confidence:g} left out)"
                if sum(dropped)
                else ""
            )
            + ", nothing written (-o DIR writes a draft case)",
            style="dim",
            highlight=False,
        )
        return
    proposed = sum(len(e.proposed) for e in extractions)
    for extraction, gone in zip(extractions, dropped, strict=True):
        if not extraction.events:
            why = _why_no_events(extraction, gone, min_confidence)
            _note(f"{extraction.document.name}: no events found. {why}")
        _print_notes(extraction)
    action = "added to" if existing is not None else "wrote a draft case in"
    stdout.print(
        f"{action} {output}: {_count(events, 'event')} from {_count(len(extractions), 'source')}, "
        f"{_count(proposed, 'proposed actor')}, {_count(len(written), 'new file')}.\n"
        f"Review it (the YAML, or the explorer's Ingest page), then check it: hexatable validate {output}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
