"""The ledgers of the built-in cases load, every quote checked against its source, and read as coded."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.case import open_case
from hexatable.ledger import ledger_report

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (shared/seeds) are not beside the repo")
def test_the_p5_ledger_quotes_are_checked_against_the_seed() -> None:
    case = open_case("p5-process", sources_dir=SEEDS)
    assert len(case.implementation) == 4
    cited = {c.source for entry in case.implementation for c in entry.provenance}
    assert cited == {"p5-beijing-statement-2014"}


def test_the_p5_reporting_commitments_as_coded() -> None:
    report = ledger_report(open_case("p5-process"))
    # Coded from the Beijing statement: three commitments in progress (PAM 2) in 2014, none verified.
    assert [(c.commitment, c.status.value, c.score, c.verification) for c in report.commitments] == [
        ("p5-2014-national-reports", "intermediate", 2, "claimed"),
        ("p5-2014-glossary", "intermediate", 2, "claimed"),
        ("p5-2014-verification-exchanges", "intermediate", 2, "claimed"),
    ]
    assert [(r.commitment, r.year, r.score) for r in report.pam] == [
        ("p5-2014-national-reports", 2014, 2),
        ("p5-2014-glossary", 2014, 2),
        ("p5-2014-verification-exchanges", 2014, 2),
    ]
    assert report.findings == ()
