"""``hexatable ledger``: which commitments were carried out, when, how far, and verified by whom.

The command parses its options, asks the ledger engine (:func:`hexatable.ledger.ledger_report`) and
renders its one result: a table of commitments (status as of a date, claimed against verified,
delivered against promised), the PAM-style CSV (``--format pam``), the JSON (``--json``), and with
``--reciprocity`` the lags between linked commitments and the rewards delivered before verification,
each with the citations it rests on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hexatable.case import Case, PartialDate, open_case
from hexatable.ledger import CommitmentLedger, LedgerQueryError, LedgerReport, ledger_report

stdout = Console(emoji=False)  # ":a:" in a name or a path is text, not an emoji
stderr = Console(stderr=True, emoji=False)

PAM_COLUMNS = ("case", "document", "commitment", "year", "score")
"""The header of ``--format pam``: one row per commitment and year, the score on the 0–3 PAM scale."""


class LedgerFormat(StrEnum):
    table = "table"
    pam = "pam"
    json = "json"


def as_of_date(value: str | None) -> dt.date | None:
    """``--as-of`` as the last day it may mean (``2008`` is 2008-12-31); a usage error otherwise."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value).latest()
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--as-of") from None


def ledger_command(
    case: Annotated[str, typer.Argument(help="A built-in case id or a case folder.")],
    document: Annotated[str | None, typer.Option(help="Only the commitments of this document id.")] = None,
    party: Annotated[
        str | None, typer.Option(help="Only the commitments this actor id is an obligor of.")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The ledger as known on this date: 2008, 2008-06 or 2008-06-26."),
    ] = None,
    reciprocity: Annotated[
        bool,
        typer.Option(
            "--reciprocity",
            help="Also list the lags between linked commitments and the rewards before verification.",
        ),
    ] = False,
    output_format: Annotated[
        LedgerFormat, typer.Option("--format", help="table, pam (CSV: commitment × year, 0-3) or json.")
    ] = LedgerFormat.table,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")] = False,
) -> None:
    """The implementation ledger: status, claims, verification and deliveries of each commitment."""
    if json_output and output_format is LedgerFormat.pam:
        raise typer.BadParameter("--json and --format pam exclude each other", param_hint="--json")
    date = as_of_date(as_of)
    loaded = open_case(case)
    try:
        report = ledger_report(loaded, document=document, party=party, as_of=date)
    except LedgerQueryError as error:
        raise typer.BadParameter(str(error), param_hint=error.option) from None
    if json_output or output_format is LedgerFormat.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    if output_format is LedgerFormat.pam:
        sys.stdout.write(pam_csv(report))
        if report.empty:
            stderr.print(empty_message(report))
        return
    if report.empty:
        stdout.print(empty_message(report))
        return
    stdout.print(ledger_table(loaded, report))
    if report.untracked:
        untracked = ", ".join(report.untracked)
        stdout.print(
            f"{len(report.untracked)} selected commitments have no ledger entry: {untracked}",
            highlight=False,
            markup=False,
        )
    if reciprocity:
        print_reciprocity(report)
    elif report.findings:
        stdout.print(f"{len(report.findings)} rewards before verification: see --reciprocity")


def empty_message(report: LedgerReport) -> str:
    scope = f" (as of {report.as_of})" if report.as_of is not None else ""
    return (
        f"the ledger of case '{report.case}' has no entry for the selected commitments{scope}; "
        f"{len(report.untracked)} commitments untracked"
    )


def pam_csv(report: LedgerReport) -> str:
    """The PAM-style CSV: a header, then one row per commitment and year."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PAM_COLUMNS)
    for row in report.pam:
        writer.writerow((report.case, row.document, row.commitment, row.year, row.score))
    return buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _delivered(row: CommitmentLedger) -> str:
    if row.promised is None or row.delivered is None:
        return ""
    share = f" ({row.delivered / row.promised.amount:.0%})" if row.promised.amount else ""
    return f"{_number(row.delivered)} / {_number(row.promised.amount)} {row.promised.unit}{share}"


def ledger_table(case: Case, report: LedgerReport) -> Table:
    """One line per tracked commitment: status and PAM score, claim, verification, deliveries."""
    scope = f" as of {report.as_of}" if report.as_of is not None else ""
    table = Table(title=f"Implementation ledger of {case.id}{scope}", show_lines=False)
    for header in ("commitment", "obligors", "status", "PAM", "since", "claimed", "verified", "delivered"):
        table.add_column(header, overflow="fold")
    for row in report.commitments:
        claim = row.last_claim.claim if row.last_claim is not None else None
        check = row.last_verification.verification if row.last_verification is not None else None
        claimed = ""
        if claim is not None and row.last_claim is not None:
            claimed = f"{', '.join(claim.by)} {claim.date or row.last_claim.date}"
        verified = f"{', '.join(check.by)} {check.date}" if check is not None else "unverified"
        table.add_row(
            row.commitment,
            ", ".join(row.obligors),
            f"{row.status.value}, {row.verification}",
            str(row.score),
            row.status_date,
            claimed,
            verified,
            _delivered(row),
        )
    return table


def print_reciprocity(report: LedgerReport) -> None:
    """The pairs' lags, then each reward before verification with its citations."""
    pairs = Table(title="Linked commitments: lag of the first, then the second, in days")
    for header in ("commitment", "link", "counterpart", "first step lag", "completion lag"):
        pairs.add_column(header)
    for pair in report.pairs:
        pairs.add_row(
            pair.commitment,
            pair.kind,
            pair.counterpart,
            "" if pair.step_lag_days is None else str(pair.step_lag_days),
            "" if pair.completion_lag_days is None else str(pair.completion_lag_days),
        )
    stdout.print(pairs)
    if not report.findings:
        stdout.print("No reward was delivered before the step it paid for was verified.")
        return
    stdout.print(f"Rewards before verification ({len(report.findings)}):")
    for finding in report.findings:
        when = (
            f"{finding.days_before} days before its completion was verified on {finding.verified}"
            if finding.verified is not None
            else "whose completion was never verified"
        )
        unsure = "" if finding.certain else " (partial dates: order uncertain)"
        stdout.print(
            f"- {finding.reward_date} {finding.reward} ({finding.reward_entry}) for {finding.step}, "
            f"{when}{unsure}",
            highlight=False,
            markup=False,
        )
        for cited in finding.citations:
            quote = cited.citation.quote
            stdout.print(
                f"    [{cited.record}] {cited.citation.source}, {cited.citation.locator}: “{quote}”",
                highlight=False,
                markup=False,
            )
