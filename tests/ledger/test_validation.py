"""Each rule of the ledger's validation, on the hand-made case with one bad entry added.

The hand-made case (``data/toy``) is valid; each test adds ``zz-bad.yaml`` (loaded after
``ledger.yaml``, so its entries come last) holding one entry that breaks one rule, and checks the located
message through the Python API and ``hexatable validate``.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.case import CaseError, load_case
from hexatable.cli.app import app

TOY = Path(__file__).parent / "data" / "toy"
CITE = '[{source: toy, locator: "line 9", quote: "Korea shipped 40 tonnes of fuel"}]'
runner = CliRunner()


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    target = tmp_path / "toy"
    shutil.copytree(TOY, target)
    return target


def add_entry(folder: Path, body: str) -> str:
    """Write zz-bad.yaml with one entry (``id: bad``) whose other fields are ``body``; return its path."""
    text = "implementation:\n  - id: bad\n" + textwrap.indent(textwrap.dedent(body), "    ")
    (folder / "zz-bad.yaml").write_text(text, encoding="utf-8")
    return str(folder / "zz-bad.yaml")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(folder, sources_dir=folder / "sources")
    return [str(p) for p in caught.value.problems]


def assert_reported(folder: Path, expected: str) -> None:
    assert problems_of(folder) == [expected]
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_the_hand_made_case_is_valid_and_its_quotes_are_checked() -> None:
    case = load_case(TOY, sources_dir=TOY / "sources")
    assert [e.id for e in case.implementation] == ["s1", "s2", "s3", "f1", "f2", "f3", "d1", "l1"]


def test_entries_of_a_commitment_in_date_order(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: shutdown
        date: "2008-01-01"
        status: complete
        text: {{en: "out of order: s3 of 2009 came before"}}
        provenance: {CITE}
        """,
    )
    assert_reported(
        case_dir,
        f"{path}:4:5: implementation[0].date: 2008-01-01 is before 2009-04-14 of the previous entry of "
        "'shutdown' ('s3'); list a commitment's entries in date order",
    )


def test_entries_of_other_commitments_do_not_constrain_the_order(case_dir: Path) -> None:
    add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-01"
        status: complete
        text: {{en: "after d1 of the same commitment, though before l1 and s3 of others"}}
        provenance: {CITE}
        """,
    )
    assert len(load_case(case_dir).implementation) == 9


def test_no_status_without_a_source(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        """\
        commitment: declare
        date: "2008-07-01"
        status: complete
        text: {en: "no source"}
        provenance: []
        """,
    )
    problems = problems_of(case_dir)
    assert len(problems) == 1
    expected = f"{path}:7:5: implementation[0].provenance: List should have at least 1 item"
    assert problems[0].startswith(expected)


def test_no_status_without_provenance_at_all(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        """\
        commitment: declare
        date: "2008-07-01"
        status: complete
        text: {en: "no provenance"}
        """,
    )
    assert problems_of(case_dir) == [f"{path}:2:5: implementation[0].provenance: missing required field"]


def test_delivered_amounts_never_exceed_the_quantity(case_dir: Path) -> None:
    # f1 and f2 delivered 40 + 30 = 70 t of the 100 t committed; 31 more makes 101.
    path = add_entry(
        case_dir,
        f"""\
        commitment: fuel
        date: "2009-01-01"
        status: complete
        text: {{en: "one tonne too many"}}
        delivered: {{amount: 31, unit: t, by: KOR}}
        provenance: {CITE}
        """,
    )
    assert_reported(
        case_dir,
        f"{path}:7:17: implementation[0].delivered.amount: brings the deliveries against 'fuel' to 101 t, "
        "above the 100 t committed",
    )


def test_delivering_exactly_the_quantity_is_allowed(case_dir: Path) -> None:
    add_entry(
        case_dir,
        f"""\
        commitment: fuel
        date: "2009-01-01"
        status: complete
        text: {{en: "the last 30 t"}}
        delivered: {{amount: 30, unit: t, by: KOR}}
        provenance: {CITE}
        """,
    )
    assert len(load_case(case_dir).implementation) == 9


def test_delivered_in_the_commitment_unit(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: fuel
        date: "2009-01-01"
        status: complete
        text: {{en: "wrong unit"}}
        delivered: {{amount: 1, unit: kt, by: KOR}}
        provenance: {CITE}
        """,
    )
    assert_reported(
        case_dir,
        f"{path}:7:28: implementation[0].delivered.unit: "
        "unit 'kt' is not the unit of commitment 'fuel' ('t')",
    )


def test_delivered_only_against_a_quantity(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2009-01-01"
        status: complete
        text: {{en: "a declaration has no quantity"}}
        delivered: {{amount: 1, unit: t, by: PRK}}
        provenance: {CITE}
        """,
    )
    assert_reported(
        case_dir,
        f"{path}:7:5: implementation[0].delivered: commitment 'declare' has no quantity, "
        "so nothing can be delivered against it",
    )


def test_a_negative_delivery_is_refused(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: fuel
        date: "2009-01-01"
        status: complete
        text: {{en: "negative"}}
        delivered: {{amount: -5, unit: t, by: KOR}}
        provenance: {CITE}
        """,
    )
    problems = problems_of(case_dir)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:7:17: implementation[0].delivered.amount: Input should be greater")


def test_verification_never_before_the_claim(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-01"
        status: complete
        text: {{en: "verified before it was claimed"}}
        claim: {{by: [PRK], date: "2008-07-10"}}
        verification: {{by: [USA], date: "2008-07-09"}}
        provenance: {CITE}
        """,
    )
    assert_reported(
        case_dir,
        f"{path}:8:31: implementation[0].verification.date: verified on 2008-07-09, "
        "before the claim it verifies (2008-07-10)",
    )


def test_verification_never_before_the_entry_without_a_claim(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-01"
        status: complete
        text: {{en: "verified before it happened"}}
        verification: {{by: [USA], date: "2008-06"}}
        provenance: {CITE}
        """,
    )
    assert_reported(
        case_dir,
        f"{path}:7:31: implementation[0].verification.date: verified on 2008-06, "
        "before the entry it verifies (2008-07-01)",
    )


def test_a_partial_verification_date_that_may_be_the_same_day_is_allowed(case_dir: Path) -> None:
    add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-14"
        status: complete
        text: {{en: "verified some day in July"}}
        verification: {{by: [USA], date: "2008-07"}}
        provenance: {CITE}
        """,
    )
    assert len(load_case(case_dir).implementation) == 9


def test_a_verification_names_its_verifier(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-14"
        status: complete
        text: {{en: "nobody verified: omit the block"}}
        verification: {{by: [], date: "2008-07-20"}}
        provenance: {CITE}
        """,
    )
    problems = problems_of(case_dir)
    assert len(problems) == 1
    expected = f"{path}:7:20: implementation[0].verification.by: List should have at least 1"
    assert problems[0].startswith(expected)


def test_references_resolve(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: no-such-commitment
        date: "2008-07-14"
        status: complete
        text: {{en: "unknown commitment and supplier"}}
        claim: {{by: [XYZ]}}
        provenance: {CITE}
        """,
    )
    assert problems_of(case_dir) == [
        f"{path}:3:5: implementation[0].commitment: unknown commitment 'no-such-commitment'",
        f"{path}:7:18: implementation[0].claim.by[0]: unknown actor 'XYZ'",
    ]


def test_an_unknown_status_is_refused(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-14"
        status: done
        text: {{en: "not a PAM status"}}
        provenance: {CITE}
        """,
    )
    problems = problems_of(case_dir)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:5:5: implementation[0].status: Input should be 'not-begun'")


def test_a_duplicate_entry_id_is_refused(case_dir: Path) -> None:
    path = add_entry(
        case_dir,
        f"""\
        commitment: declare
        date: "2008-07-14"
        status: complete
        text: {{en: "same id as another entry"}}
        provenance: {CITE}
        """,
    )
    text = (case_dir / "zz-bad.yaml").read_text(encoding="utf-8").replace("id: bad", "id: s1")
    (case_dir / "zz-bad.yaml").write_text(text, encoding="utf-8")
    problems = problems_of(case_dir)
    assert len(problems) == 1
    expected = f"{path}:2:5: implementation[0].id: duplicate implementation id 's1' (first at "
    assert problems[0].startswith(expected)
