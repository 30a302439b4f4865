"""The ledger of a case as of a date, for one document or party or all: :func:`ledger_report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from hexatable.case.models import Case, Commitment, Implementation
from hexatable.ledger.pam import yearly_scores
from hexatable.ledger.reciprocity import linked_pairs, pair_lags, rewards_before_verification
from hexatable.ledger.result import CommitmentLedger, LedgerReport, PamRow, RewardBeforeVerification
from hexatable.ledger.status import commitment_ledger


class LedgerQueryError(ValueError):
    """A query names something the case does not have; ``option`` is the option at fault."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


def entries_by_commitment(case: Case) -> dict[str, list[Implementation]]:
    """The ledger's entries grouped by commitment, each group in ledger (date) order."""
    grouped: dict[str, list[Implementation]] = {}
    for entry in case.implementation:
        grouped.setdefault(entry.commitment, []).append(entry)
    return grouped


def ledger_report(
    case: Case,
    *,
    document: str | None = None,
    party: str | None = None,
    as_of: dt.date | None = None,
) -> LedgerReport:
    """What the ledger says about the case's commitments as of ``as_of`` (default: everything recorded).

    ``document`` keeps the commitments of one document, ``party`` those the party is an obligor of.
    The PAM rows run from the year of each commitment's document (else its first entry) to the year of
    ``as_of`` (else the last year of any entry of the ledger). Raises :class:`LedgerQueryError` for an
    unknown document or party.
    """
    if document is not None and document not in case.document_index:
        known = ", ".join(sorted(case.document_index)) or "none"
        message = f"no document '{document}' in case '{case.id}' (documents: {known})"
        raise LedgerQueryError("--document", message)
    if party is not None and party not in case.actor_index:
        raise LedgerQueryError("--party", f"no actor '{party}' in case '{case.id}'")
    ledger = entries_by_commitment(case)
    owner = {c.id: d.id for d in case.documents for c in d.commitments}
    selected = [
        c
        for d in case.documents
        if document is None or d.id == document
        for c in d.commitments
        if party is None or party in c.obligors
    ]
    rows: list[CommitmentLedger] = []
    untracked: list[str] = []
    for commitment in selected:
        row = commitment_ledger(commitment, owner[commitment.id], ledger.get(commitment.id, ()), as_of)
        if row is None:
            untracked.append(commitment.id)
        else:
            rows.append(row)
    years = [e.date.start.year for e in case.implementation]
    last_year = as_of.year if as_of is not None else max(years, default=0)
    pam = [row for ledger_row in rows for row in _pam_rows(case, ledger_row, last_year)]
    chosen = {c.id for c in selected}
    every = case.commitments()
    pairs = []
    findings: list[RewardBeforeVerification] = []
    for holder, counterpart, kind in linked_pairs(every):
        if holder.id not in chosen and counterpart.id not in chosen:
            continue
        pairs.append(pair_lags(holder, counterpart, kind, ledger, as_of))
        findings.extend(_findings(holder, counterpart, ledger, as_of))
    return LedgerReport(
        case=case.id,
        as_of=as_of,
        document=document,
        party=party,
        commitments=tuple(rows),
        untracked=tuple(untracked),
        pam=tuple(pam),
        pairs=tuple(pairs),
        findings=tuple(findings),
    )


def _pam_rows(case: Case, row: CommitmentLedger, last_year: int) -> list[PamRow]:
    document = case.document_index[row.document]
    first_year = document.date.start.year if document.date is not None else row.entries[0].date.start.year
    return [
        PamRow(row.commitment, row.document, year, score)
        for year, score in yearly_scores(row.entries, first_year, last_year)
    ]


def _findings(
    holder: Commitment,
    counterpart: Commitment,
    ledger: Mapping[str, Sequence[Implementation]],
    as_of: dt.date | None,
) -> list[RewardBeforeVerification]:
    """Both directions of a pair: each side may be the reward for the other's (verifiable) step."""
    found = list(rewards_before_verification(holder, counterpart, holder, ledger, as_of))
    found.extend(rewards_before_verification(counterpart, holder, holder, ledger, as_of))
    return found
