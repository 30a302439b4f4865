"""Cues missing for two acts: a satellite put into orbit in the active voice ("put a satellite into
orbit", the object between the verb and "into orbit", which the phrase "put into orbit" missed) and
the restart of the Yongbyon reactor, named (150, as reprocessing). Round 8 removed the bare restart
cues because a civilian reactor restarted is no show of force, so a reactor not named Yongbyon stays
a bare statement. Expected codes are the CAMEO codebook's (Schrodt 2012, v1.1b3), worked out by hand.
The sentences are ours.
"""

from __future__ import annotations

import pytest

from tests.ingest.fakes import dated_builtin_rows


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("North Korea put a satellite into orbit.", "en", [(["PRK"], 15)]),
        ("Iran sent its first satellite into orbit.", "en", [(["IRN"], 15)]),
        ("North Korea restarted its Yongbyon reactor.", "en", [(["PRK"], 15)]),
        ("North Korea restarted the reactor at Yongbyon.", "en", [(["PRK"], 15)]),
        ("朝鲜重启宁边核反应堆。", "zh", [(["PRK"], 15)]),
    ],
)
def test_the_act_has_its_cue(sentence: str, lang: str, expected: list[tuple[list[str], int]]) -> None:
    assert dated_builtin_rows(sentence, "zh" if lang == "zh" else "en") == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [("Japan restarted the reactor at Sendai.", "en"), ("日本重启核反应堆。", "zh")],
)
def test_a_reactor_not_named_yongbyon_is_still_no_show_of_force(sentence: str, lang: str) -> None:
    assert [code for _, code in dated_builtin_rows(sentence, "zh" if lang == "zh" else "en")] == [1]
