"""Each query of the ledger engine on the hand-made case, with the expected values worked out by hand.

The case (``data/toy``): one agreement of 2007-02-13 with five commitments:

- ``shutdown`` (PRK, verifier IAEA): s1 2007-03-01 minimal (claimed), s2 2007-07-14 complete (claimed
  that day, verified by the IAEA 2007-07-18), s3 2009-04-14 reversed;
- ``fuel`` (KOR, CHN; 100 t, for the PRK) in exchange for ``shutdown``: f1 2007-07-12 intermediate,
  40 t by KOR; f2 2007-08 intermediate, 30 t by CHN; f3 2008-12-20 suspended;
- ``declare`` (PRK): d1 2008-06-26 complete, claimed, never verified;
- ``delist`` (USA, for the PRK) in parallel with ``declare``: l1 2008-10-11 complete;
- ``talk``: no entries.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hexatable.case import Case, load_case
from hexatable.case.models import Implementation, ImplementationStatus
from hexatable.ledger import LedgerQueryError, LedgerReport, ledger_report

TOY = Path(__file__).parent / "data" / "toy"


@pytest.fixture(scope="module")
def toy() -> Case:
    return load_case(TOY, sources_dir=TOY / "sources")


def row(report: LedgerReport, commitment: str) -> dict[str, object]:
    found = [c.to_json() for c in report.commitments if c.commitment == commitment]
    assert len(found) == 1, commitment
    return found[0]


def test_status_with_everything_recorded(toy: Case) -> None:
    report = ledger_report(toy)
    assert [c.commitment for c in report.commitments] == ["shutdown", "fuel", "declare", "delist"]
    assert report.untracked == ("talk",)
    shutdown = row(report, "shutdown")
    # The last entry is s3, reversed: PAM 0, nobody claimed or verified the restart.
    assert (shutdown["status"], shutdown["score"], shutdown["status_date"]) == ("reversed", 0, "2009-04-14")
    assert shutdown["verification"] == "unverified"
    assert shutdown["last_claim"] == {"entry": "s2", "by": ["PRK"], "date": "2007-07-14"}
    assert shutdown["last_verification"] == {
        "entry": "s2",
        "by": ["IAEA"],
        "date": "2007-07-18",
        "method": {"en": "inspection"},
    }
    fuel = row(report, "fuel")
    # f3 suspended keeps f2's intermediate score, 2.
    assert (fuel["status"], fuel["score"]) == ("suspended", 2)
    assert fuel["delivered"] == 70  # 40 + 30
    assert fuel["delivered_by"] == {"KOR": 40, "CHN": 30}
    assert [p["cumulative"] for p in fuel["deliveries"]] == [40, 70]  # type: ignore[attr-defined]
    assert fuel["promised"] == {"amount": 100, "unit": "t", "of": None}
    declare = row(report, "declare")
    assert (declare["status"], declare["score"], declare["verification"]) == ("complete", 3, "claimed")
    assert declare["delivered"] is None  # no quantity


def test_status_as_of_a_date(toy: Case) -> None:
    # On 2007-07-15 s2 (07-14) is known, its verification (07-18) is not: complete but only claimed.
    report = ledger_report(toy, as_of=dt.date(2007, 7, 15))
    assert [c.commitment for c in report.commitments] == ["shutdown", "fuel"]
    assert set(report.untracked) == {"declare", "delist", "talk"}
    shutdown = row(report, "shutdown")
    assert (shutdown["status"], shutdown["score"], shutdown["verification"]) == ("complete", 3, "claimed")
    assert shutdown["last_verification"] is None
    assert row(report, "fuel")["delivered"] == 40  # f1 only
    # On 2007-07-18 the verification counts.
    assert row(ledger_report(toy, as_of=dt.date(2007, 7, 18)), "shutdown")["verification"] == "verified"


def test_a_month_precise_entry_counts_once_its_month_is_over(toy: Case) -> None:
    # f2 is dated 2007-08: not known by 2007-08-15, known by 2007-08-31.
    assert row(ledger_report(toy, as_of=dt.date(2007, 8, 15)), "fuel")["delivered"] == 40
    assert row(ledger_report(toy, as_of=dt.date(2007, 8, 31)), "fuel")["delivered"] == 70


def test_before_any_entry_the_ledger_is_empty(toy: Case) -> None:
    report = ledger_report(toy, as_of=dt.date(2007, 2, 28))
    assert report.empty
    assert report.untracked == ("shutdown", "fuel", "declare", "delist", "talk")
    assert report.pam == ()
    assert report.findings == ()


def test_filters(toy: Case) -> None:
    assert [c.commitment for c in ledger_report(toy, party="PRK").commitments] == ["shutdown", "declare"]
    assert ledger_report(toy, party="PRK").untracked == ("talk",)
    assert [c.commitment for c in ledger_report(toy, party="CHN").commitments] == ["fuel"]
    assert [c.commitment for c in ledger_report(toy, document="deal").commitments] == [
        "shutdown",
        "fuel",
        "declare",
        "delist",
    ]


def test_unknown_filters_name_the_option(toy: Case) -> None:
    with pytest.raises(LedgerQueryError) as caught:
        ledger_report(toy, document="nope")
    assert caught.value.option == "--document"
    assert str(caught.value) == "no document 'nope' in case 'toy-ledger' (documents: deal)"
    with pytest.raises(LedgerQueryError) as caught:
        ledger_report(toy, party="FRA")
    assert caught.value.option == "--party"


def test_pam_scores_per_year(toy: Case) -> None:
    # Years from the deal (2007) to the ledger's last entry (2009).
    scores = {(r.commitment, r.year): r.score for r in ledger_report(toy).pam}
    assert scores == {
        ("shutdown", 2007): 3,  # complete on 07-14
        ("shutdown", 2008): 3,  # carried
        ("shutdown", 2009): 0,  # reversed
        ("fuel", 2007): 2,  # intermediate
        ("fuel", 2008): 2,  # suspended keeps 2
        ("fuel", 2009): 2,  # carried
        ("declare", 2007): 0,  # not begun
        ("declare", 2008): 3,
        ("declare", 2009): 3,
        ("delist", 2007): 0,
        ("delist", 2008): 3,
        ("delist", 2009): 3,
    }


def test_pam_scores_stop_at_the_as_of_year(toy: Case) -> None:
    rows = ledger_report(toy, as_of=dt.date(2008, 12, 31)).pam
    assert {r.year for r in rows} == {2007, 2008}
    assert {(r.commitment, r.year): r.score for r in rows}[("shutdown", 2008)] == 3


def test_reciprocity_lags(toy: Case) -> None:
    pairs = {(p.commitment, p.counterpart): p for p in ledger_report(toy).pairs}
    assert set(pairs) == {("fuel", "shutdown"), ("delist", "declare")}
    fuel = pairs[("fuel", "shutdown")]
    assert fuel.kind == "in_exchange_for"
    # First steps: fuel f1 2007-07-12, shutdown s1 2007-03-01: 31 + 30 + 31 + 30 + 11 = 133 days later.
    assert fuel.step_lag_days == 133
    assert fuel.completion_lag_days is None  # fuel never completed
    delist = pairs[("delist", "declare")]
    # delist l1 2008-10-11 after declare d1 2008-06-26: 4 + 31 + 31 + 30 + 11 = 107 days.
    assert (delist.step_lag_days, delist.completion_lag_days) == (107, 107)


def test_rewards_before_verification(toy: Case) -> None:
    findings = ledger_report(toy).findings
    # fuel f1 (2007-07-12) came 6 days before the IAEA verified the shutdown (2007-07-18); f2 (2007-08)
    # came after. The declaration was claimed (d1) and never verified, so the delisting (l1) was a
    # reward before verification. The shutdown and the declaration are not rewards: they name no
    # beneficiary (and fuel and delisting are neither claimed nor verified nor have a verifier).
    assert [(f.reward_entry, f.step, f.verified, f.days_before, f.certain) for f in findings] == [
        ("f1", "shutdown", "2007-07-18", 6, True),
        ("l1", "declare", None, None, True),
    ]
    f1, l1 = findings
    assert f1.amount == 40
    assert [(c.record, c.citation.locator) for c in f1.citations] == [
        ("f1", "line 9"),  # the delivery
        ("s2", "line 10"),  # the verified shutdown
        ("s2", "line 11"),
        ("fuel", "line 6"),  # the link: fuel in exchange for the shutdown
    ]
    assert [(c.record, c.citation.locator) for c in l1.citations] == [
        ("l1", "line 14"),
        ("d1", "line 13"),  # the declaration, claimed only
        ("delist", "line 7"),
    ]


def test_rewards_before_verification_as_of_a_date(toy: Case) -> None:
    # On 2007-07-15 the shutdown is not yet verified: f1 is a finding with no verification date.
    findings = ledger_report(toy, as_of=dt.date(2007, 7, 15)).findings
    assert [(f.reward_entry, f.verified) for f in findings] == [("f1", None)]


def test_the_json_shape(toy: Case) -> None:
    data = ledger_report(toy, party="PRK", as_of=dt.date(2008, 12, 31)).to_json()
    assert data["version"] == 1
    assert data["as_of"] == "2008-12-31"
    assert data["filters"] == {"document": None, "party": "PRK"}
    assert set(data) == {
        "version",
        "case",
        "as_of",
        "filters",
        "commitments",
        "untracked",
        "pam",
        "reciprocity",
    }
    assert [f["reward_entry"] for f in data["reciprocity"]["rewards_before_verification"]] == ["f1", "l1"]
    assert data["commitments"][0]["entries"][0]["status"] == ImplementationStatus.MINIMAL.value


def test_only_what_benefits_the_steps_obligor_and_is_given_is_a_reward(toy: Case) -> None:
    # Talks about delisting (minimal, before the declaration) are not the reward itself; a delisting
    # for the benefit of someone other than the declaring party would not be a reward for it.
    talks = Implementation.model_validate(
        {
            "id": "l0",
            "commitment": "delist",
            "date": "2008-05-01",
            "status": "minimal",
            "text": {"en": "talks about delisting"},
            "provenance": [{"source": "toy", "locator": "line 7", "quote": "remove the DPRK"}],
        }
    )
    entries = list(toy.implementation)
    entries.insert(entries.index(next(e for e in entries if e.id == "l1")), talks)
    with_talks = toy.model_copy(update={"implementation": entries})
    assert [f.reward_entry for f in ledger_report(with_talks).findings] == ["f1", "l1"]
    # The first step of the delisting is now l0: 2008-05-01 is 56 days before d1 (2008-06-26).
    pair = next(p for p in ledger_report(with_talks).pairs if p.commitment == "delist")
    assert pair.step_lag_days == -56
    documents = [
        d.model_copy(
            update={
                "commitments": [
                    c.model_copy(update={"beneficiaries": ["USA"]}) if c.id == "delist" else c
                    for c in d.commitments
                ]
            }
        )
        for d in toy.documents
    ]
    elsewhere = toy.model_copy(update={"documents": documents})
    assert [f.reward_entry for f in ledger_report(elsewhere).findings] == ["f1"]


def test_a_delivery_over_a_range_counts_once_the_range_is_over(toy: Case) -> None:
    # 20 t shipped over the first half of 2008, given as one total: not counted as of 2008-03-31 (the
    # range is not over), counted as of 2008-06-30 (70 + 20 = 90).
    spread = Implementation.model_validate(
        {
            "id": "f25",
            "commitment": "fuel",
            "date": "2008-01-01/2008-06-30",
            "status": "intermediate",
            "text": {"en": "20 t over six months"},
            "delivered": {"amount": 20, "unit": "t", "by": "KOR"},
            "provenance": [{"source": "toy", "locator": "line 9", "quote": "Korea shipped"}],
        }
    )
    entries = list(toy.implementation)
    entries.insert(entries.index(next(e for e in entries if e.id == "f3")), spread)
    case = toy.model_copy(update={"implementation": entries})
    assert row(ledger_report(case, as_of=dt.date(2008, 3, 31)), "fuel")["delivered"] == 70
    assert row(ledger_report(case, as_of=dt.date(2008, 6, 30)), "fuel")["delivered"] == 90


def test_deliveries_run_in_the_order_they_count(toy: Case) -> None:
    # A 20 t delivery over 2007-07-01/2007-12-31, listed first, counts from its end: after f1 (07-12)
    # and f2 (2007-08, i.e. 08-31), so the running totals are 40, 70, 90 in that order.
    spread = Implementation.model_validate(
        {
            "id": "f0",
            "commitment": "fuel",
            "date": "2007-07-01/2007-12-31",
            "status": "minimal",
            "text": {"en": "20 t over the half-year"},
            "delivered": {"amount": 20, "unit": "t", "by": "KOR"},
            "provenance": [{"source": "toy", "locator": "line 9", "quote": "Korea shipped"}],
        }
    )
    entries = list(toy.implementation)
    entries.insert(entries.index(next(e for e in entries if e.id == "f1")), spread)
    fuel = row(ledger_report(toy.model_copy(update={"implementation": entries})), "fuel")
    points = [(p["entry"], p["counted"], p["cumulative"]) for p in fuel["deliveries"]]  # type: ignore[attr-defined]
    assert points == [("f1", "2007-07-12", 40), ("f2", "2007-08-31", 70), ("f0", "2007-12-31", 90)]
