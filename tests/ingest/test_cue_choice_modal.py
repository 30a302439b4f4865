"""A modal negation on the subject's own act (issue 17, round 6): "美国不应与朝鲜谈判", "the United
States should not negotiate" say what a party should not do. By the CAMEO codebook (Schrodt 2012,
v1.1b3) that is neither the act (04) nor its rejection (12, a refusal), but a statement (01). Our own
sentences; the expected codes are read off the codebook by hand."""

from __future__ import annotations

from tests.ingest.fakes import codes

NAMES = {
    "美国": ("USA", None),
    "朝鲜": ("PRK", None),
    "日本": ("JPN", None),
    "the United States": ("USA", None),
    "North Korea": ("PRK", None),
    "Japan": ("JPN", None),
}
CUES: dict[str, tuple[int, float]] = {
    "谈判": (4, 0.9),
    "参加": (4, 0.5),
    "制裁": (16, 0.9),
    "承诺": (3, 0.6),
    "negotiate": (4, 0.9),
    "attend": (4, 0.5),
    "sanction": (16, 0.9),
}


def coded(text: str, lang: str) -> list[tuple[int, str | None]]:
    return codes(text, lang=lang, names=NAMES, cues=CUES)  # type: ignore[arg-type]


def test_should_not_on_the_subject_s_own_act_is_a_statement_in_chinese() -> None:
    assert coded("2031年3月5日，美国不应与朝鲜谈判。\n", "zh") == [(1, "谈判")]
    assert coded("2031年3月5日，日本不必参加会谈。\n", "zh") == [(1, "参加")]
    assert coded("2031年3月5日，美国不该制裁朝鲜。\n", "zh") == [(1, "制裁")]


def test_should_not_on_the_subject_s_own_act_is_a_statement_in_english() -> None:
    assert coded("On March 5, 2031, the United States should not negotiate with North Korea.\n", "en") == [
        (1, "negotiate")
    ]
    assert coded("On March 5, 2031, Japan need not attend the talks.\n", "en") == [(1, "attend")]
    assert coded("On March 5, 2031, the United States mustn't sanction North Korea.\n", "en") == [
        (1, "sanction")
    ]


def test_a_plain_negation_is_still_a_refusal_and_a_word_with_bu_no_modal() -> None:
    # does not / will not take part: a refusal (12); 不扩散 is "non-proliferation", no modal at all
    assert coded("2031年3月5日，日本不参加会谈。\n", "zh") == [(12, "参加")]
    assert coded("On March 5, 2031, Japan will not attend the talks.\n", "en") == [(12, "attend")]
    assert coded("2031年3月5日，日本履行不扩散承诺。\n", "zh") == [(3, "承诺")]
