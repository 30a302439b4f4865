"""Straight double quotes ("…") are read as quotation the way curly ones are. A quotation of two
sentences closes in the second one: with curly quotes the lone ” opens nothing, but a lone straight
quote opened a quotation running to the end of the sentence, so "Japan said on March 5" after it was
taken as quoted and its date dated nothing. A straight quote written as a closing one (after a
non-space, before a space, punctuation or the end) now opens nothing either. The sentences are ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import cli_full_rows


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_the_saying_after_a_two_sentence_quotation_keeps_its_date(
    tmp_path: Path, opening: str, closing: str
) -> None:
    text = (
        "March 3, 2006: Iran met Japan. "
        f"{opening}We will not attend. The talks failed,{closing} Japan said on March 5.\n"
    )
    assert ("2006-03-05", ["JPN"], [], 1) in cli_full_rows(tmp_path, text, "en")


def test_a_date_inside_straight_quotes_is_still_quoted(tmp_path: Path) -> None:
    text = 'March 3, 2006: Japan said "the talks of May 5 failed".\n'
    assert cli_full_rows(tmp_path, text, "en") == [("2006-03-03", ["JPN"], [], 1)]
