"""Consistency of the implementation ledger with the commitments it records.

Each entry is valid on its own once pydantic has read it (a status always has a non-empty provenance,
because every entry is a :class:`~hexatable.case.models.Fact`); these checks need the whole ledger and
the commitments, so the loader runs them in its link pass:

- the entries of one commitment come in date order (in load order: file-name order, then file order);
  a less precise date sorts before the more precise dates inside it, as everywhere in a case;
- a verification is never before the claim it verifies (the entry's date when there is no claim);
- ``delivered`` only on a commitment with a ``quantity``, in the quantity's unit, and the deliveries
  of a commitment never add up to more than its quantity.

Partial dates are compared by what they may mean: a verification dated ``2007-07`` does not contradict a
claim of ``2007-07-14``; one dated ``2007-06`` does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from hexatable.case.models import Commitment, Implementation

Path = tuple[str | int, ...]


def ledger_problems(
    entries: Sequence[Implementation], commitments: Mapping[str, Commitment]
) -> Iterator[tuple[int, Path, str]]:
    """Yield ``(index of the entry, path inside it, message)`` for each inconsistency.

    Entries naming an unknown commitment are skipped here (the reference check reports them).
    """
    previous: dict[str, Implementation] = {}
    delivered: dict[str, float] = {}
    for index, entry in enumerate(entries):
        before = previous.get(entry.commitment)
        if before is not None and entry.date.sort_key() < before.date.sort_key():
            yield (
                index,
                ("date",),
                f"{entry.date} is before {before.date} of the previous entry of "
                f"'{entry.commitment}' ('{before.id}'); list a commitment's entries in date order",
            )
        previous[entry.commitment] = entry
        yield from ((index, path, message) for path, message in _verification_problems(entry))
        commitment = commitments.get(entry.commitment)
        if commitment is None or entry.delivered is None:
            continue
        quantity = commitment.quantity
        if quantity is None:
            yield (
                index,
                ("delivered",),
                f"commitment '{commitment.id}' has no quantity, so nothing can be delivered against it",
            )
            continue
        if entry.delivered.unit != quantity.unit:
            yield (
                index,
                ("delivered", "unit"),
                f"unit '{entry.delivered.unit}' is not the unit of commitment '{commitment.id}' "
                f"('{quantity.unit}')",
            )
            continue
        total = delivered.get(commitment.id, 0.0) + entry.delivered.amount
        delivered[commitment.id] = total
        if total > quantity.amount:
            yield (
                index,
                ("delivered", "amount"),
                f"brings the deliveries against '{commitment.id}' to {_number(total)} {quantity.unit}, "
                f"above the {_number(quantity.amount)} {quantity.unit} committed",
            )


def _verification_problems(entry: Implementation) -> Iterator[tuple[Path, str]]:
    verification = entry.verification
    claim = entry.claim
    if verification is None:
        return
    claimed = claim.date if claim is not None and claim.date is not None else entry.date
    if verification.date.latest() < claimed.earliest():
        what = "the claim" if claim is not None and claim.date is not None else "the entry"
        yield (
            ("verification", "date"),
            f"verified on {verification.date}, before {what} it verifies ({claimed})",
        )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
