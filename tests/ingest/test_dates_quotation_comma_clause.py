"""A comma closing a quotation (',"' or ',”' and a space) ends a clause in the English date finder,
so a modal inside the quotation ("We will …,") marks no plan for the date of the saying after it.
Before this rule the "will" made the saying's date a plan and the statement had no event. The
sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import cli_full_rows


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            '"The talks are over. We will not return," Japan said on August 10, 2006.',
            ("2006-08-10", ["JPN"], [], 1),
        ),
        (
            "“The talks are over. We will not return,” Japan said on August 10, 2006.",
            ("2006-08-10", ["JPN"], [], 1),
        ),
        ('"We will never accept this," North Korea said on August 8, 2006.', ("2006-08-08", ["PRK"], [], 1)),
        ("“We will never accept this,” North Korea said on August 8, 2006.", ("2006-08-08", ["PRK"], [], 1)),
    ],
)
def test_a_modal_inside_the_quotation_leaves_the_saying_dated(
    tmp_path: Path, text: str, row: tuple[str, list[str], list[str], int]
) -> None:
    assert cli_full_rows(tmp_path, text + "\n", "en") == [row]
