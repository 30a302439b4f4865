"""Clauses, modal 不 and quotations (docs/ingest.md, rules 1, 3d and 3e): a reduced passive after
"and" does not cut, a finite irregular past does; 而 without a comma keeps a report the speaker's;
不得不 asserts the act and 不必要地 qualifies it; "should never" is a modal; single quotation marks
give the speaker and an apostrophe is no quotation; an entry run into its date line is dated by it;
the offset index behind these look-ups.

Each case written from our own sentences and run through ``hexatable ingest`` as a user runs it
(built-in gazetteer and verbs, no case). Expected events are read off the sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

from hexatable.ingest.dates import in_quotation, quoted_spans
from hexatable.ingest.en_negation import en_in_relative
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.types import Cue
from hexatable.ingest.verbs import IRREGULAR_PAST
from tests.ingest.fakes import cli_events, cli_rows


def test_a_reduced_passive_after_and_does_not_cut(tmp_path: Path) -> None:
    # "South Korea praised by Russia": Russia praised South Korea; South Korea did nothing
    rows = cli_rows(
        tmp_path, "On 4 May 2030 Japan criticized the plan and South Korea praised by Russia.\n", "en"
    )
    assert [actors for _, actors, _ in rows] == [["JPN"]], rows
    # a finite verb after "and" still cuts, and "by" before a gerund is a manner, not an agent
    rows = cli_rows(
        tmp_path,
        "On 4 May 2030 Japan criticized the plan and China protested by recalling its envoy.\n",
        "en",
    )
    assert [actors for _, actors, _ in rows] == [["JPN"], ["CHN"]], rows


def test_a_finite_irregular_past_after_and_cuts(tmp_path: Path) -> None:
    # "led" was missing from the clause cutter's own list of irregular pasts
    assert {"led", "spoke", "brought", "kept", "paid", "shot", "stood", "left"} <= IRREGULAR_PAST
    assert "was" not in IRREGULAR_PAST  # "and South Korea was warned" is a passive: no cut


def test_a_report_joined_by_er_without_a_comma_stays_the_speakers(tmp_path: Path) -> None:
    # 表示 + a subject: both halves, before and after 而, are what Japan said
    rows = cli_rows(tmp_path, "2030年5月4日日本表示韩国应停止试验而俄罗斯应恢复谈判。\n", "zh")
    assert [(actors, cameo) for _, actors, cameo in rows] == [(["JPN"], 1)], rows


def test_er_hou_joins_two_acts(tmp_path: Path) -> None:
    rows = cli_rows(tmp_path, "2030年5月4日日本谴责韩国而后俄罗斯批评韩国。\n", "zh")
    assert [(actors, cameo) for _, actors, cameo in rows] == [(["JPN"], 11), (["RUS"], 11)], rows


def test_a_cause_after_a_date_is_no_joint(tmp_path: Path) -> None:
    # 因…而… sets a cause whether or not a comma follows the date
    # and names two acts: the cause (Korea's condemnation) and Russia's suspension, date-led or not
    rows = cli_rows(tmp_path, "2030年5月4日因韩国谴责日本而俄罗斯中止谈判。\n", "zh")
    assert [(actors, cameo) for _, actors, cameo in rows] == [(["KOR"], 11), (["RUS"], 16)], rows
    assert rows == cli_rows(tmp_path, "2030年5月4日，因韩国谴责日本而俄罗斯中止谈判。\n", "zh")


def test_bu_de_bu_asserts_the_act(tmp_path: Path) -> None:
    # 不得不, "had to": the talks were attended (04), not refused (12)
    rows = cli_rows(tmp_path, "2030年5月4日韩国不得不参加会谈。\n", "zh")
    assert [(actors, cameo) for _, actors, cameo in rows] == [(["KOR"], 4)], rows
    # 不得 alone is still a modal: a statement (01)
    rows = cli_rows(tmp_path, "2030年5月4日韩国不得参加会谈。\n", "zh")
    assert [cameo for _, _, cameo in rows] == [1], rows


def test_bu_biyao_di_qualifies_the_act(tmp_path: Path) -> None:
    rows = cli_rows(tmp_path, "2030年5月4日俄罗斯不必要地谴责韩国。\n", "zh")
    assert [(actors, cameo) for _, actors, cameo in rows] == [(["RUS"], 11)], rows


def test_should_never_is_a_modal_as_should_not_is(tmp_path: Path) -> None:
    never = cli_rows(tmp_path, "On 4 May 2030 Russia should never attend the talks, Japan said.\n", "en")
    not_ = cli_rows(tmp_path, "On 4 May 2030 Russia should not attend the talks, Japan said.\n", "en")
    # what ought not to be done is Japan's statement (01), not Russia's refusal (12); since round 7
    # Russia, named only in what Japan said, is spoken of, not a co-actor (it stood beside Japan)
    assert [(actors, cameo) for _, actors, cameo in never] == [(["JPN"], 1)], never
    assert [(actors, cameo) for _, actors, cameo in not_] == [(["JPN"], 1)], not_


def test_single_quotation_marks_give_the_speaker(tmp_path: Path) -> None:
    for text in (
        "On 4 May 2030, ‘Russia’s envoy must return,’ said Japan.\n",
        "On 4 May 2030, 'Russia must return,' said Japan.\n",
    ):
        rows = cli_rows(tmp_path, text, "en")
        assert [(actors, cameo) for _, actors, cameo in rows] == [(["JPN"], 1)], (text, rows)


def test_an_apostrophe_is_no_quotation(tmp_path: Path) -> None:
    # "the allies' " ends with an apostrophe, no comma before it: Russia still acts
    rows = cli_rows(tmp_path, "On 4 May 2030 Russia criticized the allies' plan.\n", "en")
    assert [actors for _, actors, _ in rows] == [["RUS"]], rows


def test_offset_index_returns_items_sorted_by_start() -> None:
    late, early = Cue(5, 7, "批评", 11, "批评", 1.0), Cue(0, 2, "会谈", 4, "会谈", 1.0)
    index = OffsetIndex([late, early])
    assert index.within(0, 9) == [early, late]
    assert index.starting_in(0, 5) == [early]


def test_an_entry_run_into_its_date_line_is_dated_by_that_line(tmp_path: Path) -> None:
    # the entry is quoted from its own line, without the date: its date is the date line's, inferred
    events = cli_events(
        tmp_path, "纪要\n\n2030年6月1日\n俄罗斯谴责韩国。\n2030年6月2日\n日本批评韩国。\n", "zh"
    )
    assert [(e["line"], e["quote"], e["date"]) for e in events] == [
        (4, "俄罗斯谴责韩国。", "2030-06-01"),
        (6, "日本批评韩国。", "2030-06-02"),
    ]
    assert [e["inferred"] for e in events] == [
        ["the date (2030年6月1日) is that of the heading on line 3, which the entries under it share"],
        ["the date (2030年6月2日) is that of the heading on line 5, which the entries under it share"],
    ]
    assert all(e["date_inferred"] for e in events)
    # a date written in the entry's own line stays stated
    events = cli_events(tmp_path, "纪要\n\n2030年6月3日，俄罗斯谴责韩国。\n", "zh")
    assert [(e["date"], e["inferred"]) for e in events] == [("2030-06-03", [])]


def test_quotations_and_relative_clauses_are_looked_up_by_offset() -> None:
    # the per-sentence lookups answer as a scan of the whole sentence does, at every offset
    text = 'Japan said "talks resume," then China, which met Russia, said "no," and Korea, who left, met.'
    spans = quoted_spans(text)
    for position in range(len(text) + 1):
        assert in_quotation(text, position) == any(low <= position < high for low, high in spans)
    relatives = [m.span() for m in re.finditer(r",\s+(?:who|which|whose)\b[^,;]*(?:,|$)", text)]
    assert len(relatives) == 2
    for low in range(len(text)):
        for high in (low + 3, low + 6):
            cue = Cue(low, high, text[low:high], 4, "x", 0.5)
            expected = any(a <= low and high <= b for a, b in relatives)
            assert en_in_relative(text, cue) == expected, (low, high)
