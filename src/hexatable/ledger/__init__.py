"""The implementation ledger engine: who did what they promised, when, verified by whom.

Pure functions over the case model (:class:`~hexatable.case.models.Case` and its ``implementation``
collection): the status of each commitment as of a date with what was claimed and what was verified,
what was delivered against what was promised, the Peace Accords Matrix score per year, and the
reciprocity analysis (lags between linked commitments, rewards delivered before verification). One
result, :class:`LedgerReport`, serves the CLI (``hexatable ledger``), the web page and the JSON.

>>> from hexatable.case import open_case
>>> report = ledger_report(open_case("p5-process"))
>>> report.case
'p5-process'
"""

from hexatable.ledger.pam import PROGRESS, SCORES, pam_score, yearly_scores
from hexatable.ledger.report import LedgerQueryError, entries_by_commitment, ledger_report
from hexatable.ledger.result import (
    Cited,
    CommitmentLedger,
    DeliveryPoint,
    LedgerReport,
    Milestone,
    PamRow,
    ReciprocityPair,
    RewardBeforeVerification,
    VerificationState,
)
from hexatable.ledger.schedule import RealisedSchedule, dated_grid, realised_schedule

__all__ = [
    "PROGRESS",
    "SCORES",
    "Cited",
    "CommitmentLedger",
    "DeliveryPoint",
    "LedgerQueryError",
    "LedgerReport",
    "Milestone",
    "PamRow",
    "RealisedSchedule",
    "ReciprocityPair",
    "RewardBeforeVerification",
    "VerificationState",
    "dated_grid",
    "entries_by_commitment",
    "ledger_report",
    "pam_score",
    "realised_schedule",
    "yearly_scores",
]
