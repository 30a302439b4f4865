"""Invariants of the ledger queries on random ledgers of one commitment (hypothesis).

References are written differently from the engine: the PAM score of a year is the score of the last
entry up to that year that is not ``suspended`` (0 if none), instead of a fold; the delivered total is
a plain sum over the entries known by the date.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.case.ledger_checks import ledger_problems
from hexatable.case.models import Case, CaseInfo, Commitment, Document, Implementation, ImplementationStatus
from hexatable.ledger import SCORES, ledger_report

CITE = [{"source": "s", "locator": "line 1", "quote": "q"}]
PROMISED = 100.0

COMMITMENT = Commitment.model_validate(
    {
        "id": "aid",
        "obligors": ["KOR"],
        "action": {"en": "aid"},
        "quantity": {"amount": PROMISED, "unit": "t"},
        "provenance": CITE,
    }
)
DOCUMENT = Document.model_validate(
    {
        "id": "deal",
        "kind": "agreement",
        "title": {"en": "deal"},
        "date": "2007-02-13",
        "commitments": [COMMITMENT.model_dump(mode="json")],
        "provenance": CITE,
    }
)

entry_data = st.tuples(
    st.dates(min_value=dt.date(2007, 1, 1), max_value=dt.date(2010, 12, 31)),
    st.sampled_from(list(ImplementationStatus)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=40)),
)


def make_case(data: list[tuple[dt.date, ImplementationStatus, int | None]]) -> Case:
    entries = [
        Implementation.model_validate(
            {
                "id": f"e{index}",
                "commitment": "aid",
                "date": date.isoformat(),
                "status": status.value,
                "text": {"en": "x"},
                "delivered": None if amount is None else {"amount": amount, "unit": "t", "by": "KOR"},
                "provenance": CITE,
            }
        )
        for index, (date, status, amount) in enumerate(sorted(data, key=lambda item: item[0]))
    ]
    return Case(info=CaseInfo(id="p", title={"en": "p"}), documents=[DOCUMENT], implementation=entries)


def valid(case: Case) -> bool:
    return not list(ledger_problems(case.implementation, {"aid": COMMITMENT}))


def reference_score(case: Case, year: int) -> int:
    scored = [e for e in case.implementation if e.date.start.year <= year and e.status.value != "suspended"]
    return SCORES[scored[-1].status] if scored else 0


@settings(max_examples=150, deadline=None)
@given(st.lists(entry_data, max_size=8))
def test_pam_score_of_a_year_is_the_last_scored_status_up_to_it(
    data: list[tuple[dt.date, ImplementationStatus, int | None]],
) -> None:
    case = make_case(data)
    rows = ledger_report(case).pam
    if not case.implementation:
        assert rows == ()
        return
    last = max(e.date.start.year for e in case.implementation)
    assert [r.year for r in rows] == list(range(2007, last + 1))
    for r in rows:
        assert r.score == reference_score(case, r.year)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(entry_data, max_size=8), st.lists(st.dates(dt.date(2006, 1, 1), dt.date(2011, 1, 1)), max_size=6)
)
def test_delivered_is_monotone_in_time_and_within_the_promise(
    data: list[tuple[dt.date, ImplementationStatus, int | None]], days: list[dt.date]
) -> None:
    case = make_case(data)
    totals = []
    for day in sorted(days):
        report = ledger_report(case, as_of=day)
        expected = sum(
            e.delivered.amount
            for e in case.implementation
            if e.delivered is not None and e.date.start.earliest() <= day
        )
        got = report.commitments[0].delivered if report.commitments else 0.0
        assert got == expected
        totals.append(got)
    assert totals == sorted(totals)
    if valid(case):
        assert all(total is not None and total <= PROMISED for total in totals)
    else:  # the only rule random entries can break here is the cap
        assert sum(e.delivered.amount for e in case.implementation if e.delivered is not None) > PROMISED
