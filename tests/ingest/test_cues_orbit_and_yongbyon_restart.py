"""The restart of the Yongbyon reactor, named, is 150 (as reprocessing). Round 8 removed the bare
restart cues because a civilian reactor restarted is no show of force, so a reactor not named Yongbyon
stays a bare statement. "into orbit" alone is no cue: civilian spaceflight ("sent three astronauts
into orbit") is no show of force, so the active voice with the object between is a gap (01). A
restart feared (担心, "feared that") is the fear, 01, and one supposed ("would restart") a statement.
Expected codes are the CAMEO codebook's (Schrodt 2012, v1.1b3), worked out by hand.
The sentences are ours.
"""

from __future__ import annotations

import pytest

from tests.ingest.fakes import dated_builtin_rows


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
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


@pytest.mark.parametrize(
    "sentence",
    [
        "China sent three astronauts into orbit.",
        "Japan put a weather satellite into orbit.",
        "Russia carried a Japanese satellite into orbit.",
        "North Korea's rocket did not reach into orbit.",
    ],
)
def test_into_orbit_alone_is_no_show_of_force(sentence: str) -> None:
    assert 15 not in [code for _, code in dated_builtin_rows(sentence, "en")]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("South Korea feared that North Korea would restart the Yongbyon reactor.", "en"),
        ("South Korea was worried that North Korea would restart the Yongbyon reactor.", "en"),
        ("North Korea would restart the Yongbyon reactor, Japan said.", "en"),
        ("韩国担心朝鲜重启宁边核设施。", "zh"),
        ("韩国担忧朝鲜重启宁边核反应堆。", "zh"),
    ],
)
def test_a_restart_feared_or_hypothetical_is_no_show_of_force(sentence: str, lang: str) -> None:
    assert [code for _, code in dated_builtin_rows(sentence, "zh" if lang == "zh" else "en")] == [1]
