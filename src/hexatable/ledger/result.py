"""The ledger's result: one object that the CLI, the web page and the JSON output share.

Everything here is plain data taken from the case (texts keep all their languages: the interfaces pick
one); :meth:`LedgerReport.to_json` is the stable JSON shape documented in ``docs/ledger.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from hexatable.case.models import Citation, Implementation, ImplementationStatus, Quantity

VerificationState = Literal["verified", "claimed", "unverified"]
"""Of a commitment's latest entry: confirmed by someone, only claimed, or neither."""

JSON_VERSION = 1
"""Bumped when the JSON shape changes incompatibly."""


@dataclass(frozen=True)
class Cited:
    """A citation with the ledger entry or commitment it backs."""

    record: str
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        return {"record": self.record, **self.citation.model_dump(mode="json", exclude_none=True)}


@dataclass(frozen=True)
class DeliveryPoint:
    """One delivery of a commitment and the running total after it, in the order they count.

    ``date`` is the entry's date as recorded; ``counted`` the day from which the delivery counts (the
    last day the date may mean: the end of a range, of a month).
    """

    entry: str
    date: str
    counted: str
    amount: float
    cumulative: float
    by: str


@dataclass(frozen=True)
class CommitmentLedger:
    """A commitment's ledger as of the report's date: its entries, status, claims, checks, deliveries."""

    commitment: str
    document: str
    obligors: tuple[str, ...]
    action: dict[str, str]
    entries: tuple[Implementation, ...]
    status: ImplementationStatus
    score: int
    status_date: str
    verification: VerificationState
    last_claim: Implementation | None
    last_verification: Implementation | None
    promised: Quantity | None
    deliveries: tuple[DeliveryPoint, ...]

    @property
    def delivered(self) -> float | None:
        """The total delivered, for a commitment with a quantity."""
        if self.promised is None:
            return None
        return self.deliveries[-1].cumulative if self.deliveries else 0.0

    def delivered_by(self) -> dict[str, float]:
        """The total delivered by each supplier, in order of first delivery."""
        totals: dict[str, float] = {}
        for point in self.deliveries:
            totals[point.by] = totals.get(point.by, 0.0) + point.amount
        return totals

    def to_json(self) -> dict[str, Any]:
        claim = self.last_claim.claim if self.last_claim is not None else None
        check = self.last_verification.verification if self.last_verification is not None else None
        return {
            "commitment": self.commitment,
            "document": self.document,
            "obligors": list(self.obligors),
            "action": self.action,
            "status": self.status.value,
            "score": self.score,
            "status_date": self.status_date,
            "verification": self.verification,
            "last_claim": None
            if claim is None or self.last_claim is None
            else {
                "entry": self.last_claim.id,
                "by": list(claim.by),
                "date": str(claim.date or self.last_claim.date),
            },
            "last_verification": None
            if check is None or self.last_verification is None
            else {
                "entry": self.last_verification.id,
                "by": list(check.by),
                "date": str(check.date),
                "method": check.method,
            },
            "promised": None
            if self.promised is None
            else {"amount": self.promised.amount, "unit": self.promised.unit, "of": self.promised.of},
            "delivered": self.delivered,
            "delivered_by": self.delivered_by(),
            "deliveries": [
                {
                    "entry": p.entry,
                    "date": p.date,
                    "counted": p.counted,
                    "amount": p.amount,
                    "cumulative": p.cumulative,
                    "by": p.by,
                }
                for p in self.deliveries
            ],
            "entries": [e.model_dump(mode="json", exclude_none=True) for e in self.entries],
        }


@dataclass(frozen=True)
class PamRow:
    """A commitment's PAM score in one year: the score after that year's last entry."""

    commitment: str
    document: str
    year: int
    score: int

    def to_json(self) -> dict[str, Any]:
        return {
            "commitment": self.commitment,
            "document": self.document,
            "year": self.year,
            "score": self.score,
        }


@dataclass(frozen=True)
class Milestone:
    """The first entry of a commitment that records a step (or a delivery), or its completion."""

    entry: str
    date: str

    def to_json(self) -> dict[str, str]:
        return {"entry": self.entry, "date": self.date}


@dataclass(frozen=True)
class ReciprocityPair:
    """Two commitments linked by ``in_exchange_for`` or ``in_parallel_with``, and how far apart they moved.

    ``commitment`` holds the condition, ``counterpart`` is the commitment it names. A lag is
    ``commitment``'s date minus ``counterpart``'s, in days (first days of partial dates): positive when the
    commitment moved after its counterpart; ``None`` when either has not moved (or not completed).
    """

    commitment: str
    counterpart: str
    kind: str
    first_step: tuple[Milestone | None, Milestone | None]
    completion: tuple[Milestone | None, Milestone | None]
    step_lag_days: int | None
    completion_lag_days: int | None

    def to_json(self) -> dict[str, Any]:
        def pair(values: tuple[Milestone | None, Milestone | None]) -> dict[str, Any]:
            return {
                "commitment": None if values[0] is None else values[0].to_json(),
                "counterpart": None if values[1] is None else values[1].to_json(),
            }

        return {
            "commitment": self.commitment,
            "counterpart": self.counterpart,
            "kind": self.kind,
            "first_step": pair(self.first_step),
            "completion": pair(self.completion),
            "step_lag_days": self.step_lag_days,
            "completion_lag_days": self.completion_lag_days,
        }


@dataclass(frozen=True)
class RewardBeforeVerification:
    """A reward delivered (or a step taken) before the step it paid for was verified.

    ``verified`` is the date the step's completion was verified, ``None`` if it never was (as of the
    report's date). ``days_before`` counts from the reward to that verification (first days of partial
    dates); ``certain`` is false when partial dates leave the order open (a reward in ``2007-07`` and a
    verification on 2007-07-18).
    """

    reward: str
    step: str
    reward_entry: str
    reward_date: str
    amount: float | None
    verified: str | None
    verifying_entry: str | None
    days_before: int | None
    certain: bool
    citations: tuple[Cited, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "reward": self.reward,
            "step": self.step,
            "reward_entry": self.reward_entry,
            "reward_date": self.reward_date,
            "amount": self.amount,
            "verified": self.verified,
            "verifying_entry": self.verifying_entry,
            "days_before": self.days_before,
            "certain": self.certain,
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True)
class LedgerReport:
    """What the ledger says about a case's commitments as of a date.

    ``commitments`` are the commitments with at least one entry known by ``as_of``, in document and
    commitment order; ``untracked`` the selected commitments without one (no status is given without a
    source). ``pam`` has a row per tracked commitment and year; ``pairs`` and ``findings`` are the
    reciprocity analysis.
    """

    case: str
    as_of: dt.date | None
    document: str | None
    party: str | None
    commitments: tuple[CommitmentLedger, ...]
    untracked: tuple[str, ...]
    pam: tuple[PamRow, ...]
    pairs: tuple[ReciprocityPair, ...]
    findings: tuple[RewardBeforeVerification, ...]

    @property
    def empty(self) -> bool:
        """Whether no selected commitment has an entry."""
        return not self.commitments

    def to_json(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "case": self.case,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "filters": {"document": self.document, "party": self.party},
            "commitments": [c.to_json() for c in self.commitments],
            "untracked": list(self.untracked),
            "pam": [row.to_json() for row in self.pam],
            "reciprocity": {
                "pairs": [p.to_json() for p in self.pairs],
                "rewards_before_verification": [f.to_json() for f in self.findings],
            },
        }
