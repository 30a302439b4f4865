"""Who speaks and who acts (docs/ingest.md, "Actors and targets"): in a statement reported after what
was said the speaker acts and a party named in what was said is a target; an unknown subject does not
hand the act to the name after its verb, and a name used as a modifier inside it keeps its event; a
party speaking together with the speaker acts, a party of the occasion is a target; after 而 and a
comma the second party's view is its own.

Each case is written from our own sentences of the construction and run through ``hexatable ingest
--json`` as a user runs it (built-in gazetteer and verbs, no case). Expected codes are the CAMEO
codebook's reading (Schrodt 2012, v1.1b3), worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.fakes import dated_cli_rows

Row = tuple[list[str], list[str], int]


def rows(tmp_path: Path, sentence: str, lang: str) -> list[Row]:
    """(actors, targets, CAMEO root) of each event found in one sentence dated 3 March 2009."""
    return dated_cli_rows(tmp_path, sentence, lang)


# --- a statement reported after what was said: the speaker acts --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia should never attend the talks, Japan said.",
        "Russia is a threat, Japan said.",
        "Russia is a threat, Japan's foreign ministry said.",
        "Two reporters were held by Russia, Japan said.",
    ],
)
def test_a_party_named_in_what_was_said_is_a_target(tmp_path: Path, sentence: str) -> None:
    assert rows(tmp_path, sentence, "en") == [(["JPN"], ["RUS"], 1)]


def test_joint_and_listed_speakers_keep_acting(tmp_path: Path) -> None:
    # kept
    assert rows(tmp_path, "Japan and Russia said the talks should resume.", "en") == [(["JPN", "RUS"], [], 1)]
    listed = rows(tmp_path, "Japan, Russia and China said the talks should resume.", "en")
    assert listed == [(["JPN", "RUS", "CHN"], [], 1)]
    assert rows(tmp_path, "日本表示，俄罗斯不应参加会谈。", "zh") == [(["JPN"], ["RUS"], 1)]


# --- an unknown subject does not hand the act to the name after its verb ---------------------------


@pytest.mark.parametrize(
    "sentence",
    ["The committee added North Korean companies to its list.", "Its panel put Iranian banks on a list."],
)
def test_an_unknown_subject_makes_no_event(tmp_path: Path, sentence: str) -> None:
    # the case's events need an actor, and the name after the verb is none: no event (was 01)
    assert rows(tmp_path, sentence, "en") == []
    # round 8: the same shape with the name inside the subject (after a participle) still acts, so
    # the empty list above is the rule's doing, not an extraction that finds nothing
    assert rows(tmp_path, "The newly formed North Korean committee added companies to its list.", "en") == [
        (["PRK"], [], 1)
    ]


def test_a_name_inside_the_subject_still_acts(tmp_path: Path) -> None:
    # kept: after "from", "with" the name is in the subject's phrase
    assert [a for a, _, _ in rows(tmp_path, "The delegates from North Korea arrived in Beijing.", "en")] == [
        ["PRK"]
    ]
    assert rows(tmp_path, "A new round began with North Korea absent.", "en") == [(["PRK"], [], 1)]


# --- 而 after a comma: the second party's view is its own (kept) ----------------------------------


def test_a_view_after_er_is_the_second_partys_own(tmp_path: Path) -> None:
    # kept: the cut after ，而 gives China its own event, not the USA's statement
    found = rows(tmp_path, "美国表示，朝鲜应弃核，而中国认为应恢复谈判。", "zh")
    assert [(actors, targets) for actors, targets, _ in found] == [(["USA"], ["PRK"]), (["CHN"], [])]


# --- a name used as a modifier inside an unknown subject ------------------------


def test_a_name_after_a_participle_is_inside_the_subject(tmp_path: Path) -> None:
    # "newly elected" modifies the president: South Korea's act, 01 (was no event)
    sentence = "the newly elected South Korean president took office."
    assert rows(tmp_path, sentence, "en") == [(["KOR"], [], 1)]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("the newly appointed North Korean envoy left Beijing.", "PRK"),
        ("the last remaining US troops left South Korea.", "USA"),
        ("the former North Korean envoy left Beijing.", "PRK"),  # kept: one word, the rule never fired
    ],
)
def test_a_name_after_a_modifier_keeps_its_event(tmp_path: Path, sentence: str, subject: str) -> None:
    # an event again (was none), the subject's party first, a statement (left is no cue: 01); the
    # place after "left" stays a co-actor as before round 7, a separate limit (docs/ingest.md)
    found = rows(tmp_path, sentence, "en")
    assert [(actors[0], cameo) for actors, _, cameo in found] == [(subject, 1)]


# --- a preposed phrase before a speaker's comma --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "together with Russia, Japan said the talks should resume.",
        "Along with Russia, Japan said the talks should resume.",
    ],
)
def test_a_party_speaking_together_with_the_speaker_acts(tmp_path: Path, sentence: str) -> None:
    # Russia speaks with Japan: both actors, 01 (was JPN -> RUS); the order is the text's
    assert rows(tmp_path, sentence, "en") == [(["RUS", "JPN"], [], 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "in a meeting with Russia, Japan said the talks should resume.",
        "during a visit to Russia, Japan said the talks should resume.",
        "Russia should never attend the talks, Japan said.",
    ],
)
def test_a_party_of_the_occasion_or_spoken_of_is_a_target(tmp_path: Path, sentence: str) -> None:
    # kept: the meeting's or visit's party, and the party spoken of, are Japan's targets
    assert rows(tmp_path, sentence, "en") == [(["JPN"], ["RUS"], 1)]
