"""A wire's timestamp before a news dateline, and the Chinese dateline (issue 17, round 6).

Our own reports, headed as agencies head their copy ("14/01/2009 13:19 MOSCOW, Jan 14 (Reuters) -",
"新华社北京1月14日电（记者王某）"). 14 January 2009 was a Wednesday, so "on Tuesday" is the 13th.
"""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.segment import dateline_end, dateline_stamp, segment
from hexatable.ingest.verbs import VerbDictionary

GAZETTEER = Gazetteer.builtin()
VERBS = VerbDictionary.builtin()


def _dated(text: str, lang: str) -> list[tuple[str, str, list[str]]]:
    """(date, cue, actors) of each event the real pipeline's extract finds in ``text``."""
    result = extract(
        document_from_text(text, name="wire.txt"),
        lang=lang,  # type: ignore[arg-type]
        gazetteer=GAZETTEER,
        verbs=VERBS,
        source_id="wire",
    )
    return [
        (str(e.date.date), e.cue.text if e.cue else "", [a.actor for a in e.actors]) for e in result.events
    ]


def test_the_stamp_gives_a_year_less_dateline_its_year() -> None:
    text = "14/01/2009 13:19 MOSCOW, Jan 14 (Reuters) - Russia criticized Japan on Tuesday.\n"
    assert _dated(text, "en") == [("2009-01-13", "criticized", ["RUS"])]


def test_the_stamp_is_the_day_of_writing_when_the_dateline_has_no_date() -> None:
    for stamp in ("14/01/2009 13:19", "2009-01-14 13:19"):
        text = f"{stamp} MOSCOW (Reuters) - Russia criticized Japan on Tuesday. Russia condemned the test.\n"
        assert _dated(text, "en") == [
            ("2009-01-13", "criticized", ["RUS"]),
            ("2009-01-13", "condemned", ["RUS"]),
        ]


def test_a_stamp_near_new_year_puts_the_dateline_in_the_nearer_year() -> None:
    # filed 30 minutes into 2010 about the day before: 31 December 2009, a Thursday
    text = "01/01/2010 00:30 MOSCOW, Dec 31 (Reuters) - Russia criticized Japan on Tuesday.\n"
    assert _dated(text, "en") == [("2009-12-29", "criticized", ["RUS"])]


def test_a_stamp_with_day_and_month_in_doubt_gives_only_its_year() -> None:
    stamp = dateline_stamp("03/04/2009 09:00 SEOUL (AP) - Talks opened.", 0)
    assert stamp is not None and (stamp.year, stamp.month, stamp.day) == (2009, None, None)
    plain = dateline_stamp("14/01/2009 13:19 MOSCOW, Jan 14 (Reuters) - Russia spoke.", 0)
    assert plain is not None and (plain.year, plain.month, plain.day) == (2009, 1, 14)
    assert dateline_stamp("MOSCOW, Jan 14 (Reuters) - Russia spoke.", 0) is None


def test_a_chinese_dateline_ends_its_sentence() -> None:
    text = "2009-01-14 13:19 新华网北京1月14日电 俄罗斯批评日本。\n新华社东京3月2日电（记者王某）日本抗议。\n"
    assert [s.raw for s in segment(text, "zh")] == [
        "2009-01-14 13:19 新华网北京1月14日电",
        "俄罗斯批评日本。",
        "新华社东京3月2日电（记者王某）",
        "日本抗议。",
    ]
    assert dateline_end("据新华社北京1月14日电，俄罗斯批评日本。", 0, lang="zh") is None


def test_a_chinese_dateline_dates_its_report_and_is_no_event() -> None:
    # the ISO stamp is a date the Chinese finder reads, so the dateline's 1月14日 has its year;
    # 北京, the place of writing, is nobody's act
    text = "2009-01-14 13:19 新华网北京1月14日电 俄罗斯批评日本。\n俄罗斯谴责了核试验。\n"
    assert _dated(text, "zh") == [
        ("2009-01-14", "批评", ["RUS"]),
        ("2009-01-14", "谴责", ["RUS"]),
    ]


def test_a_wire_stamp_gives_a_chinese_dateline_its_year() -> None:
    # review of round 6: a day-first stamp, which the Chinese finder does not read, gives its year as
    # the English path's does; so does one whose day and month may be either way round
    assert _dated("21/06/2030 08:05 新华社东京6月21日电 日本批评韩国。\n", "zh") == [
        ("2030-06-21", "批评", ["JPN"])
    ]
    assert _dated("05/06/2030 08:05 新华社东京6月5日电 日本批评韩国。\n", "zh") == [
        ("2030-06-05", "批评", ["JPN"])
    ]
    # without a stamp the year is still unknown: no event (a warning says so)
    assert _dated("新华社东京6月21日电 日本批评韩国。\n", "zh") == []


def test_a_year_less_chinese_dateline_takes_the_nearest_year() -> None:
    # review of round 6: as "TOKYO, Jan. 2 (Kyodo) --" does in English, not the running year
    text = "2030年12月30日，日本批评韩国。\n\n新华社东京1月2日电 日本谴责韩国。\n"
    assert _dated(text, "zh") == [("2030-12-30", "批评", ["JPN"]), ("2031-01-02", "谴责", ["JPN"])]
    # a report of a file listed newest first: 12月30日 after 1月5日 is the year before
    text = "2031年1月5日，日本批评韩国。\n\n新华社东京12月30日电 日本谴责韩国。\n"
    assert _dated(text, "zh") == [("2031-01-05", "批评", ["JPN"]), ("2030-12-30", "谴责", ["JPN"])]
    # a date in a sentence that cites a dateline (据…电) is no dateline: the running year
    text = "2030年12月30日，日本批评韩国。\n\n据新华社东京1月2日电，日本谴责韩国。\n"
    assert "2031-01-02" not in [d for d, _, _ in _dated(text, "zh")]
