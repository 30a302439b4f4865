"""English reported acts (rule 3e): "X said (that) Y did Z on <date>" is X's statement and Y's act.

The reports are written for these tests (our own words). Names come from a small table, cues from a
stand-in that gives each cue a weight as the verb dictionary does (verbs of saying weigh 0.3 to 0.5),
and dates from the real English date finder; 11 December 2008 was a Thursday.
"""

from __future__ import annotations

import datetime as dt

from hexatable.ingest.dates import date_finder
from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeGazetteer, WeightedVerbs

NAMES: dict[str, tuple[str, str | None]] = {
    "North Korea": ("PRK", None),
    "United States": ("USA", None),
    "China": ("CHN", None),
    "Japan": ("JPN", None),
    "Seoul": ("KOR", None),
    "IAEA": ("IAEA", None),
}
CUES: dict[str, tuple[int, float]] = {
    "said": (1, 0.3),
    "told": (1, 0.3),
    "informed": (1, 0.3),
    "announced": (1, 0.5),
    "denied": (1, 0.6),
    "refused": (12, 1.0),
    "refuse": (12, 1.0),
    "shut down": (8, 0.8),
    "resume": (4, 0.5),
    "met": (4, 0.9),
    "plans to": (3, 0.8),
}


def _extract(text: str, written: dt.date | None = dt.date(2008, 12, 11)) -> Extraction:
    return extract(
        document_from_text(text, name="report.txt"),
        lang="en",
        gazetteer=FakeGazetteer(NAMES),
        verbs=WeightedVerbs(CUES),
        source_id="report",
        finder=date_finder("en", year=2008, written=written),
    )


def _events(
    text: str, written: dt.date | None = dt.date(2008, 12, 11)
) -> list[tuple[str, str, tuple[str, ...], int]]:
    return [
        (str(e.date.date), e.date.rule, tuple(a.actor for a in e.actors), e.cameo)
        for e in _extract(text, written).events
    ]


def test_another_partys_reported_act_is_an_event_with_its_own_date() -> None:
    # the statement is of the day of writing; the refusal it reports was on 2 December
    assert _events("A Seoul official said that Japan refused the aid on 2 December 2008.\n") == [
        ("2008-12-11", "inherited:dateline", ("KOR",), 1),
        ("2008-12-02", "en-dmy", ("JPN",), 12),
    ]


def test_the_statement_keeps_its_own_date_and_the_act_without_one_takes_it() -> None:
    # "on Tuesday" is written before the reported clause: the statement's; the act says none
    assert _events("Seoul said on Tuesday that North Korea shut down the reactor.\n") == [
        ("2008-12-09", "en-weekday", ("KOR",), 1),
        ("2008-12-09", "en-weekday", ("PRK",), 8),
    ]


def test_that_may_be_left_out() -> None:
    assert _events("China said Japan refused the aid.\n") == [
        ("2008-12-11", "inherited:dateline", ("CHN",), 1),
        ("2008-12-11", "inherited:dateline", ("JPN",), 12),
    ]


def test_a_report_of_the_speakers_own_act_is_one_event_unless_the_act_has_its_own_date() -> None:
    # without a date of its own the act is the statement's: one event, the speaker's, coded by the act
    # since round 7 (rule 3e (iv), as Chinese rule 3b (iii)); it was the statement (01)
    assert _events("North Korea said it shut down the reactor.\n") == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 8),
    ]
    assert _events("North Korea said North Korea shut down the reactor.\n") == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 8),
    ]
    # with one, the act is an event of its own; "it" takes the statement's actors
    assert _events("North Korea said that it shut down the reactor on 2 December 2008.\n") == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 1),
        ("2008-12-02", "en-dmy", ("PRK",), 8),
    ]
    # a plan is not the act's date: one event, an intent to meet (03; was 01)
    assert _events("North Korea said it will resume talks on Friday.\n") == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 3),
    ]


def test_the_one_told_is_not_the_reported_subject() -> None:
    # "informed the IAEA": the IAEA is told, and what it is told follows "that" (its subject "it", the
    # speaker: the shutdown, 08, since round 7; was 01)
    assert _events("North Korea informed IAEA inspectors that it shut down the reactor.\n") == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 8),
    ]
    assert _events("North Korea told the United States that Japan refused the aid.\n") == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 1),
        ("2008-12-11", "inherited:dateline", ("JPN",), 12),
    ]


def test_a_verb_that_is_not_one_of_saying_is_not_split() -> None:
    # "denied" is a comment (weight 0.6), not a verb of saying; "met" is an act
    assert _events("China denied that Japan refused the aid.\n") == [
        ("2008-12-11", "inherited:dateline", ("CHN",), 1)
    ]
    assert _events("China met Japan.\n") == [("2008-12-11", "inherited:dateline", ("CHN",), 4)]


def test_a_reported_date_is_not_inherited_by_the_clauses_after_it() -> None:
    # both in one paragraph: the second sentence, undated, takes the day of writing, not the
    # reported act's date (a flashback inside the report, not the narration)
    text = "North Korea said it shut down the reactor on 2 December 2008. Japan met China.\n"
    assert _events(text) == [
        ("2008-12-11", "inherited:dateline", ("PRK",), 1),
        ("2008-12-02", "en-dmy", ("PRK",), 8),
        ("2008-12-11", "inherited:dateline", ("JPN",), 4),
    ]
    text = "On 1 December 2008, Seoul said Japan refused the aid on 30 November 2008. Japan met China.\n"
    assert _events(text) == [
        ("2008-12-01", "en-dmy", ("KOR",), 1),
        ("2008-11-30", "en-dmy", ("JPN",), 12),
        ("2008-12-01", "inherited:en-dmy", ("JPN",), 4),
    ]


def test_an_act_announced_not_done_stays_the_statement() -> None:
    # a modal or a word of intent before the reported act: announced, not done, so no event of its own
    for text in (
        "Seoul said Japan would refuse the aid.\n",
        "Seoul said that Japan plans to refuse the aid.\n",
        "Seoul said Japan is ready to refuse the aid.\n",
    ):
        assert _events(text) == [("2008-12-11", "inherited:dateline", ("KOR",), 1)], text
    # the word of intent may be the act's cue itself (found in review: "plans to" gave Japan an event)
    assert _events("Seoul said Japan plans to meet China.\n") == [
        ("2008-12-11", "inherited:dateline", ("KOR",), 1)
    ]
    # done: its own event
    assert [e[2] for e in _events("Seoul said Japan has refused the aid.\n")] == [("KOR",), ("JPN",)]


def test_a_name_owning_the_reported_subject_is_not_its_subject() -> None:
    # "Japan's refusal": the subject is the refusal, Japan only owns it
    assert _events("Seoul said Japan's decision refused the aid.\n") == [
        ("2008-12-11", "inherited:dateline", ("KOR",), 1)
    ]


def test_a_later_that_is_not_the_verbs() -> None:
    # "that" after the reported act belongs to it ("the aid that …"): the report opens after "said"
    assert [e[2] for e in _events("Seoul said Japan refused the aid that China met.\n")] == [
        ("KOR",),
        ("JPN",),
    ]


def test_the_speaker_after_an_inverted_verb_of_saying_is_the_actor() -> None:
    # '"…," said China' and "…, said the IAEA": the name after the verb is the speaker
    assert _events('"We refused the aid," said China.\n') == [
        ("2008-12-11", "inherited:dateline", ("CHN",), 1)
    ]
    assert _events("The aid was refused, said the IAEA.\n") == [
        ("2008-12-11", "inherited:dateline", ("IAEA",), 1)
    ]
    # a name acting before the verb keeps the clause: Japan's refusal, China named after it
    assert _events("Japan refused the aid, said China.\n") == [
        ("2008-12-11", "inherited:dateline", ("JPN",), 12)
    ]
    # not a verb of saying, nor one without a comma or quotation mark before it: China is the
    # passive's agent (rule 3, review of round 5), not an inverted speaker
    assert _events("The aid was refused by China.\n") == [("2008-12-11", "inherited:dateline", ("CHN",), 12)]


def _roles(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], int]]:
    return [
        (tuple(a.actor for a in e.actors), tuple(t.actor for t in e.targets), e.cameo)
        for e in _extract(text).events
    ]


def test_the_source_of_a_report_after_the_act_is_no_party_to_it() -> None:
    # ", Seoul said" after the act names who tells of it: neither actor nor target
    assert _roles("North Korea shut down the reactor, Seoul said.\n") == [(("PRK",), (), 8)]
    assert _roles("North Korea shut down the reactor on Friday, Japan's foreign ministry reported.\n") == [
        (("PRK",), (), 8)
    ]
    assert _roles("Japan refused the aid, said the IAEA.\n") == [(("JPN",), (), 12)]
    # "according to X", after the act or before it, the names listed with it too
    assert _roles("North Korea shut down the reactor, according to China and Japan.\n") == [(("PRK",), (), 8)]
    assert _roles("According to the IAEA, North Korea shut down the reactor.\n") == [(("PRK",), (), 8)]


def test_a_party_to_the_act_before_the_source_stays_its_target() -> None:
    # the act's own target keeps its place; the source only is dropped
    assert _roles("Japan refused the aid to China, Seoul said.\n") == [(("JPN",), ("CHN",), 12)]
    # the verb of saying is the main cue: the speaker speaks about the party named before the comma
    assert _roles("Japan is a threat, Seoul said.\n") == [(("KOR",), ("JPN",), 1)]


def test_a_listed_act_after_the_act_is_no_inverted_source() -> None:
    # ", added China to its list and ...": a second act of the subject, whose object stays a target
    assert _roles("Japan refused the aid to North Korea, added China to its list and shut the port.\n") == [
        (("JPN",), ("PRK", "CHN"), 12)
    ]
    assert _roles("Japan refused the aid to North Korea, claimed China’s reefs and shut the port.\n") == [
        (("JPN",), ("PRK", "CHN"), 12)
    ]
    # the inverted source that ends the clause stays no party
    assert _roles("Japan refused the aid to North Korea, said China on Monday.\n") == [
        (("JPN",), ("PRK",), 12)
    ]


def test_sources_listed_with_and_after_the_act_are_no_parties() -> None:
    # ", the IAEA and China said": one list of who reports the act, no statement of China's
    assert _roles("Japan refused the aid to North Korea, the IAEA and China said.\n") == [
        (("JPN",), ("PRK",), 12)
    ]
    assert _roles("Japan refused the aid to North Korea, China and the IAEA reported.\n") == [
        (("JPN",), ("PRK",), 12)
    ]
    # a new subject with an act of its own after "and" is still its own clause
    assert _roles("Japan refused the aid to North Korea and China met the IAEA.\n") == [
        (("JPN",), ("PRK",), 12),
        (("CHN",), ("IAEA",), 4),
    ]
