"""A commitment's status as of a date: the entries known by then, claims, verifications, deliveries.

An entry is *known by* a date when the first day its ``date`` starts on is certainly not after it:
an entry of ``2007-08`` is known by 2007-08-31, not by 2007-08-15. A claim or verification counts from
the same rule applied to its own date. A delivery dated by a range (``2007-09/2008-12-14``: shipments
over fifteen months, given as one total) counts once the range is over, because the sources vouch for
the total only then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from hexatable.case.dates import DateSpan
from hexatable.case.models import Commitment, Implementation
from hexatable.ledger.pam import score_after
from hexatable.ledger.result import CommitmentLedger, DeliveryPoint, VerificationState


def known_by(date: DateSpan, as_of: dt.date | None) -> bool:
    """Whether something dated ``date`` had certainly started by ``as_of`` (always, without a date)."""
    return as_of is None or date.start.latest() <= as_of


def known_entries(entries: Iterable[Implementation], as_of: dt.date | None) -> list[Implementation]:
    """The entries known by ``as_of``, in ledger order."""
    return [e for e in entries if known_by(e.date, as_of)]


def delivery_known_by(entry: Implementation, as_of: dt.date | None) -> bool:
    """Whether the entry's delivery is known by ``as_of`` in full (a range must be over)."""
    return entry.delivered is not None and (as_of is None or entry.date.latest() <= as_of)


def claim_date(entry: Implementation) -> DateSpan | None:
    """The date of the entry's claim (the entry's own date when the claim gives none)."""
    if entry.claim is None:
        return None
    return entry.claim.date or entry.date


def verified_by(entry: Implementation, as_of: dt.date | None) -> bool:
    """Whether the entry's verification is known by ``as_of``."""
    return entry.verification is not None and known_by(entry.verification.date, as_of)


def commitment_ledger(
    commitment: Commitment,
    document: str,
    entries: Sequence[Implementation],
    as_of: dt.date | None,
) -> CommitmentLedger | None:
    """The commitment's ledger from its entries (in ledger order); ``None`` when none is known by then."""
    known = known_entries(entries, as_of)
    if not known:
        return None
    latest = known[-1]
    state: VerificationState
    if verified_by(latest, as_of):
        state = "verified"
    elif latest.claim is not None:
        state = "claimed"
    else:
        state = "unverified"
    claims = [e for e in known if e.claim is not None and known_by(claim_date(e) or e.date, as_of)]
    checks = [e for e in known if verified_by(e, as_of)]
    deliveries: list[DeliveryPoint] = []
    total = 0.0
    counted = [e for e in known if e.delivered is not None and delivery_known_by(e, as_of)]
    for entry in sorted(counted, key=lambda e: e.date.latest()):  # stable: ledger order on equal days
        assert entry.delivered is not None
        total += entry.delivered.amount
        deliveries.append(
            DeliveryPoint(
                entry.id,
                str(entry.date),
                entry.date.latest().isoformat(),
                entry.delivered.amount,
                total,
                entry.delivered.by,
            )
        )
    return CommitmentLedger(
        commitment=commitment.id,
        document=document,
        obligors=tuple(commitment.obligors),
        action=dict(commitment.action),
        entries=tuple(known),
        status=latest.status,
        score=score_after(known),
        status_date=str(latest.date),
        verification=state,
        last_claim=claims[-1] if claims else None,
        last_verification=checks[-1] if checks else None,
        promised=commitment.quantity,
        deliveries=tuple(deliveries),
    )
