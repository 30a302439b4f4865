"""Destroy, join and recognize need the object their code needs (docs/ingest.md, rule 3d;
:mod:`hexatable.ingest.cue_fallbacks`): without it the fallback cue gives no code. Run through
``hexatable ingest --json`` as a user runs it (built-in gazetteer and verbs, no case), on sentences of
our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import cli_full_rows

Row = tuple[str, list[str], list[str], int]


def rows(tmp_path: Path, text: str) -> list[Row]:
    """(date, actors, targets, CAMEO root) of each event ``hexatable ingest --json`` finds in ``text``."""
    return cli_full_rows(tmp_path, text + "\n", "en")


# --- destroy, join and recognize need the object their code needs ----------------------------


def _one(tmp_path: Path, sentence: str) -> tuple[str, str, int]:
    """(date, first actor, CAMEO root) of the one event of a dated entry holding ``sentence``."""
    found = rows(tmp_path, "March 3, 2006: " + sentence)
    assert len(found) == 1, found
    date, actors, _targets, code = found[0]
    return date, actors[0], code


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Israeli forces destroyed their homes in the village.", "ISR"),
        ("Israeli jets destroyed Hezbollah weapons depots near Tyre.", "ISR"),
        ("Israeli troops destroyed their positions near the border.", "ISR"),
        ("Japan joined China in Beijing.", "JPN"),
        ("The United States recognized North Korea's security concerns.", "USA"),
        ("Russia recognized Iran's right to peaceful nuclear energy.", "RUS"),
    ],
)
def test_a_fallback_cue_without_its_object_gives_no_code(tmp_path: Path, sentence: str, actor: str) -> None:
    # no cue left: 010, a statement nothing else fits (was 08 yield or 05 cooperate on main 8078740)
    assert _one(tmp_path, sentence) == ("2006-03-03", actor, 1)


@pytest.mark.parametrize(
    ("sentence", "actor", "code"),
    [
        ("Syria destroyed its chemical weapons.", "SYR", 8),
        ("North Korea destroyed the cooling tower at Yongbyon.", "PRK", 8),
        ("Russia recognized Kosovo's independence.", "RUS", 5),
        ("Russia recognized the independence of Abkhazia.", "RUS", 5),
        ("Russia recognized Abkhazia.", "RUS", 5),
        ("Japan joined the United Nations.", "JPN", 5),
        ("Montenegro joined NATO.", "MNE", 5),
    ],
)
def test_a_fallback_cue_with_its_object_keeps_its_code(
    tmp_path: Path, sentence: str, actor: str, code: int
) -> None:
    assert _one(tmp_path, sentence) == ("2006-03-03", actor, code)  # kept
