"""Rule 3e (iv), round 7: an English statement of the speaker's own act is coded by the act, as the
Chinese rule 3b (iii) codes one (:mod:`hexatable.ingest.own_act`).

The sentences are written for these tests (parties of no built-in case). The date finder and gazetteer
are the fakes of ``tests/ingest/fakes.py``; the cues a small weighted table in the built-in dictionary's
weight bands (verbs of saying 0.3 to 0.5, a denial 0.6). Every expected code is the CAMEO codebook's
reading (Schrodt 2012, v1.1b3), worked out by hand: an act done keeps its root (08 yield, 16 reduce
relations), an act of 04-08 still to come is an intent (03: 036 intent to meet), one of 14-20 a
threat (13), and a statement nothing else fits stays 010.
"""

from __future__ import annotations

import pytest

from tests.ingest.fakes import codes

NAMES = {
    "Iran": ("IRN", None),
    "Venezuela": ("VEN", None),
    "Colombia": ("COL", None),
    "the United States": ("USA", None),
}
CUES: dict[str, tuple[int, float]] = {
    "said": (1, 0.3),
    "told": (1, 0.3),
    "announced": (1, 0.5),
    "declared": (1, 0.5),
    "denied": (1, 0.6),
    "concerned": (1, 0.6),
    "attend": (4, 0.9),
    "attended": (4, 0.9),
    "met": (4, 0.9),
    "meet": (4, 0.9),
    "return to the talks": (4, 0.9),
    "talks": (4, 0.5),
    "resume": (4, 0.5),
    "closed": (8, 0.8),
    "close": (8, 0.8),
    "withdrawal from": (16, 0.8),
    "withdraw from": (16, 0.8),
    "expel": (16, 0.8),
    "suspend": (16, 0.5),
    "missile tests": (18, 0.8),
    "lifting": (8, 0.8),
    "sanctions": (16, 0.8),
}


def _coded(text: str) -> list[tuple[int, str | None]]:
    return codes(f"On March 4, 2031, {text}\n", lang="en", names=NAMES, cues=CUES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act done, reported by its doer, keeps its code (was 01, the statement)
        ("Iran said it closed the enrichment plant.", (8, "closed")),
        ("Iran said that Iran closed the enrichment plant.", (8, "closed")),
        ("Iran told the United States that it closed the enrichment plant.", (8, "closed")),
        # a withdrawal announced is done by announcing it; so is a decision announced
        ("Iran announced its withdrawal from the treaty.", (16, "withdrawal from")),
        ("Iran announced its decision to withdraw from the treaty.", (16, "withdraw from")),
        # still to come: an intent to meet (036) or a threat (13)
        ("Iran said it would attend the talks.", (3, "attend")),
        ("Iran declared that it was ready to resume the talks.", (3, "resume")),
        ("Iran said it would withdraw from the treaty.", (13, "withdraw from")),
        ("Iran said it plans to expel the inspectors.", (13, "expel")),
        ("Iran announced its intention to withdraw from the treaty.", (13, "withdraw from")),
        # a meeting announced is an intent to meet even without a word of intent
        ("Iran announced its return to the talks.", (3, "return to the talks")),
        # what "announce" and "declare" make public after a determiner is the speaker's act (081)
        ("Venezuela announced the lifting of the embargo.", (8, "lifting")),
        # a halting verb before an act of conflict is yielding (08), still to come an intent (03)
        ("Iran said it would suspend missile tests.", (3, "suspend")),
    ],
)
def test_a_statement_of_the_speakers_own_act_is_coded_by_the_act(
    text: str, expected: tuple[int, str]
) -> None:
    assert _coded(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting said to have happened is the meeting (04), not an intent
        ("Iran said it had met the United States.", (4, "met")),
        ("Iran said it met the United States.", (4, "met")),
        ("Iran said it attended the talks.", (4, "attended")),
    ],
)
def test_a_meeting_reported_as_held_is_the_meeting(text: str, expected: tuple[int, str]) -> None:
    assert _coded(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # another party's act still to come: rule 3e, the statement (01)
        "Iran said Venezuela would attend the talks.",
        # another party named between the speaker's pronoun and the act
        "Iran said it and the United States would attend the talks.",
        # a negated act, done or to come: the statement stands
        "Iran said it had not met the United States.",
        "Iran said it would never close the enrichment plant.",
        # what the speaker feels, and what ought to happen, are statements
        "Iran said it was concerned about the talks.",
        "Iran said talks should resume.",
        "Iran said it should attend the talks.",
        # a dummy "it": no act of the speaker's
        "Iran said it was important to attend the talks.",
        # a denial is no verb of saying (it weighs more): it keeps its code
        "Iran denied it had closed the enrichment plant.",
        # a possessive of another party
        "Iran announced Colombia's withdrawal from the treaty.",
        # a noun with a verb of its own is a reported subject, not the speaker's act; after "say" a
        # determiner opens no act of the speaker's
        "Iran announced the sanctions would end.",
        "Iran said the sanctions were lifted.",
        # round 8: a passive is done to the speaker, not by it
        "Iran said it was closed down by the United States.",
        # round 8: "announced the X" with another party's agent or a participle is that party's act
        "Iran announced the lifting of sanctions by the United States.",
        "Iran announced the sanctions imposed by Venezuela.",
        # round 8: a past act commented on or justified is no new act
        "Iran said its withdrawal from the treaty in 2030 had been justified.",
        "Iran said it had closed the plant because the United States attacked it.",
        # round 8: "they" after one speaker is most often another party
        "Iran said they would attend the talks.",
    ],
)
def test_near_misses_stay_statements(text: str) -> None:
    # every event of the sentence: the statement alone, coded 01 on its verb of saying
    assert _coded(text) == [(1, text.split()[1])]


def test_another_partys_act_done_stays_two_events() -> None:
    # rule 3e unchanged: Iran's statement and Venezuela's act
    assert _coded("Iran said Venezuela closed the enrichment plant.") == [(1, "said"), (8, "closed")]
