"""``--lang`` takes the languages hexatable prints in, and refuses any other (issue 14).

``simulate --lang xx`` and ``brief --lang xx`` used to print English without a word (every text falls
back to English); an unknown language is now a usage error naming the option and the languages.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app

runner = CliRunner()


def plain(text: str) -> str:
    """A usage error without the box Rich draws around it, on one line."""
    return " ".join(text.translate(str.maketrans("", "", "│╭╮╰╯─")).split())


@pytest.mark.parametrize(
    "command",
    [
        ["simulate", "six-party-talks", "--runs", "1", "--transcript"],
        ["brief", "six-party-talks", "--seat", "JPN"],
    ],
)
@pytest.mark.parametrize("lang", ["xx", "EN", "", "zh-TW"])
def test_an_unknown_language_is_refused(command: list[str], lang: str) -> None:
    result = runner.invoke(app, [*command, "--lang", lang], catch_exceptions=False)
    assert result.exit_code == 2
    message = plain(result.stderr)
    assert "--lang" in message
    assert f"'{lang}' is not a language of hexatable (one of: en, zh)" in message


def test_a_known_language_is_taken() -> None:
    result = runner.invoke(app, ["brief", "six-party-talks", "--seat", "JPN", "--lang", "zh", "--json"])
    assert result.exit_code == 0, result.output
