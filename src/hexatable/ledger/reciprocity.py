"""Reciprocity: how far apart linked commitments moved, and rewards given before verification.

Two commitments are *linked* when one names the other in a condition of kind ``in_exchange_for`` or
``in_parallel_with`` (a pair named from both sides counts once, as first named). For each pair:

- the **lags** between the two sides' first steps (the first entry of status minimal, intermediate or
  complete, or with a delivery) and between their completions (the first ``complete`` entry);
- the **rewards before verification**: every reward of one side given before the other side's
  completion was verified (or while it never was). One side is the *reward* for the other's *step* when
  it is for the benefit of the step's obligor (one of its ``beneficiaries`` is an obligor of the step)
  and the step is *verifiable*: its commitment names a ``verifier``, or one of its entries records a
  claim or a verification. A reward is *given* by an entry with a positive delivery, or one that raises
  the reward's PAM score to intermediate or complete (talks about a reward, status minimal, are not the
  reward, and an entry that restates a status gives nothing new). Japan's review of
  the talks blames "rewards before verification"; on the ledger that claim is this list, each finding
  with the citations it rests on (the reward's entry, the verifying entry or the step's last claim, and
  the link in the document).

Dates are compared by their first days; a finding is ``certain`` when the reward's last possible day is
still before the verification's first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

from hexatable.case.models import Commitment, ConditionKind, Implementation, ImplementationStatus
from hexatable.ledger.pam import PROGRESS, pam_score
from hexatable.ledger.result import Cited, Milestone, ReciprocityPair, RewardBeforeVerification
from hexatable.ledger.status import known_entries, verified_by

LINKS = frozenset({ConditionKind.IN_EXCHANGE_FOR, ConditionKind.IN_PARALLEL_WITH})


def linked_pairs(commitments: Sequence[Commitment]) -> list[tuple[Commitment, Commitment, ConditionKind]]:
    """``(holder of the condition, commitment it names, kind)`` for each linked pair, once per pair."""
    index = {c.id: c for c in commitments}
    seen: set[frozenset[str]] = set()
    pairs: list[tuple[Commitment, Commitment, ConditionKind]] = []
    for commitment in commitments:
        for condition in commitment.conditions:
            if condition.kind not in LINKS or condition.commitment not in index:
                continue
            key = frozenset({commitment.id, condition.commitment})
            if key in seen or len(key) < 2:
                continue
            seen.add(key)
            pairs.append((commitment, index[condition.commitment], condition.kind))
    return pairs


REWARDED = frozenset({ImplementationStatus.INTERMEDIATE, ImplementationStatus.COMPLETE})
"""The statuses at which a reward counts as given (with or without a delivery)."""


def reward_entries(entries: Sequence[Implementation]) -> Iterator[Implementation]:
    """The entries that give (part of) a reward: a positive delivery, or a rise of the PAM score to
    intermediate or complete."""
    score = 0
    for entry in entries:
        before, score = score, pam_score(entry.status, score)
        delivered = entry.delivered is not None and entry.delivered.amount > 0
        if delivered or (entry.status in REWARDED and score > before):
            yield entry


def is_step(entry: Implementation) -> bool:
    """Whether the entry records something done: progress, or a delivery of a positive amount."""
    delivered = entry.delivered is not None and entry.delivered.amount > 0
    return entry.status in PROGRESS or delivered


def first_step(entries: Sequence[Implementation]) -> Milestone | None:
    for entry in entries:
        if is_step(entry):
            return Milestone(entry.id, str(entry.date))
    return None


def completion(entries: Sequence[Implementation]) -> Milestone | None:
    for entry in entries:
        if entry.status is ImplementationStatus.COMPLETE:
            return Milestone(entry.id, str(entry.date))
    return None


def lag_days(
    later: Milestone | None, earlier: Milestone | None, entries: Mapping[str, Implementation]
) -> int | None:
    if later is None or earlier is None:
        return None
    return (entries[later.entry].date.earliest() - entries[earlier.entry].date.earliest()).days


def pair_lags(
    holder: Commitment,
    counterpart: Commitment,
    kind: ConditionKind,
    ledger: Mapping[str, Sequence[Implementation]],
    as_of: dt.date | None,
) -> ReciprocityPair:
    mine = known_entries(ledger.get(holder.id, ()), as_of)
    theirs = known_entries(ledger.get(counterpart.id, ()), as_of)
    by_id = {e.id: e for e in (*mine, *theirs)}
    steps = (first_step(mine), first_step(theirs))
    done = (completion(mine), completion(theirs))
    return ReciprocityPair(
        commitment=holder.id,
        counterpart=counterpart.id,
        kind=kind.value,
        first_step=steps,
        completion=done,
        step_lag_days=lag_days(steps[0], steps[1], by_id),
        completion_lag_days=lag_days(done[0], done[1], by_id),
    )


def rewards(reward: Commitment, step: Commitment) -> bool:
    """Whether ``reward`` is for the benefit of an obligor of ``step``."""
    return bool(set(reward.beneficiaries) & set(step.obligors))


def verifiable(commitment: Commitment, entries: Sequence[Implementation]) -> bool:
    """Whether the commitment is something to verify (see the module's docstring)."""
    if commitment.verifier is not None:
        return True
    return any(e.claim is not None or e.verification is not None for e in entries)


def rewards_before_verification(
    reward: Commitment,
    step: Commitment,
    link: Commitment,
    ledger: Mapping[str, Sequence[Implementation]],
    as_of: dt.date | None,
) -> Iterator[RewardBeforeVerification]:
    """Each reward given by ``reward`` before ``step``'s completion was verified.

    ``link`` is the commitment whose condition links the two: its citations back the pairing.
    """
    step_entries = known_entries(ledger.get(step.id, ()), as_of)
    if not rewards(reward, step) or not verifiable(step, step_entries):
        return
    verifying = next(
        (e for e in step_entries if e.status is ImplementationStatus.COMPLETE and verified_by(e, as_of)),
        None,
    )
    verified = None
    if verifying is not None and verifying.verification is not None:
        verified = verifying.verification.date
    claims = [e for e in step_entries if e.claim is not None]
    backing = verifying if verifying is not None else (claims[-1] if claims else None)
    for entry in reward_entries(known_entries(ledger.get(reward.id, ()), as_of)):
        if verified is not None and entry.date.earliest() >= verified.earliest():
            continue
        cited = [Cited(entry.id, c) for c in entry.provenance]
        if backing is not None:
            cited.extend(Cited(backing.id, c) for c in backing.provenance)
        cited.extend(Cited(link.id, c) for c in link.provenance)
        yield RewardBeforeVerification(
            reward=reward.id,
            step=step.id,
            reward_entry=entry.id,
            reward_date=str(entry.date),
            amount=None if entry.delivered is None else entry.delivered.amount,
            verified=None if verified is None else str(verified),
            verifying_entry=None if verifying is None else verifying.id,
            days_before=None if verified is None else (verified.earliest() - entry.date.earliest()).days,
            certain=verified is None or entry.date.start.latest() < verified.earliest(),
            citations=tuple(cited),
        )
