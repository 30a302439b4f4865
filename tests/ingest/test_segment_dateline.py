"""A news dateline is a sentence of its own, so the lede after it is one too (round 5, second helper).

The texts are our own, written in the way agencies head their copy ("CITY, Mon. D (Agency) --").
"""

from __future__ import annotations

import pytest

from hexatable.ingest.dates import date_finder
from hexatable.ingest.segment import dateline_end, segment

REPORT = (
    "Talks stall again\n"
    "\n"
    "By A. Writer\n"
    "\n"
    "GENEVA, March 4 (Reuters) -- Iran said on March 2 that it would stop enrichment. The next day\n"
    "it sent a letter.\n"
    "\n"
    "VIENNA, Oct. 15 Kyodo -\n"
    "Japan asked the agency for a report.\n"
)


def test_the_dateline_ends_its_sentence_and_the_lede_keeps_its_offsets() -> None:
    sentences = segment(REPORT, "en")
    assert [(s.raw, s.line, s.paragraph) for s in sentences] == [
        ("Talks stall again", 1, 0),
        ("By A. Writer", 3, 1),
        ("GENEVA, March 4 (Reuters) --", 5, 2),
        ("Iran said on March 2 that it would stop enrichment.", 5, 2),
        ("The next day\nit sent a letter.", 5, 2),
        ("VIENNA, Oct. 15 Kyodo -", 8, 3),
        ("Japan asked the agency for a report.", 9, 3),
    ]
    assert all(REPORT[s.start : s.end] == s.raw for s in sentences)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("SEOUL, Jan. 5 (Yonhap) -- The North said so.", "SEOUL, Jan. 5 (Yonhap) --"),
        ("NEW YORK, 9 May (AFP) — The council met.", "NEW YORK, 9 May (AFP) —"),
        ("CAIRO, Egypt – Talks opened on Monday.", "CAIRO, Egypt –"),
        ("SEOUL (AP) -- Officials met.", "SEOUL (AP) --"),
        ("HANOI, Feb. 27 Kyodo -", "HANOI, Feb. 27 Kyodo -"),
        (
            "SEOUL, Dec. 11 (Yonhap) -- 2,000 troops left.",
            "SEOUL, Dec. 11 (Yonhap) --",
        ),  # a digit opens the lede
        ("LIMA, 3 June (AFP) -- 40 envoys met.", "LIMA, 3 June (AFP) --"),
        ("SEOUL, Apr. 15 (Yonhap) : The North said so.", "SEOUL, Apr. 15 (Yonhap) :"),  # a colon after a date
        (
            "14/12/2008 13:19 MOSCOW, December 14 (RIA Novosti) - Russia said so.",
            "14/12/2008 13:19 MOSCOW, December 14 (RIA Novosti) -",
        ),
    ],
)
def test_dateline_forms(text: str, dateline: str) -> None:
    end = dateline_end(text, 0)
    assert end is not None and text[:end] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "US - China talks resumed in May.",  # capitals and a dash, but no date, country or agency
        "NATO - The alliance met.",
        "Seoul, Jan. 5 -- The North said so.",  # the city not in capitals: not read as a dateline
        "GENEVA, March 4 (Reuters) -- iran",  # no capital after the dash
        "UN (United Nations) - North Korea was condemned.",  # the bracket spells out UN: no agency
        "IAEA (International Atomic Energy Agency) -- Inspectors left.",
        "US, China: The talks resumed.",  # a colon without a date: a heading
    ],
)
def test_not_datelines(text: str) -> None:
    assert dateline_end(text, 0) is None


def test_a_date_in_the_lede_is_its_sentences_first_and_moves_the_context() -> None:
    # before round 5 the lede's "March 2" was the second date of the dateline's sentence: it moved
    # nothing, so "the next day" counted from the dateline's 4 March
    finder = date_finder("en", year=2009)
    found: list[tuple[str, str, bool]] = []
    for sentence in segment(REPORT, "en")[2:5]:
        found += [(m.rule, str(m.date), m.anchor) for m in finder.find(sentence.flat)]
    assert found == [
        ("en-md+year", "2009-03-04", True),
        ("en-md+year+back", "2009-03-02", True),
        ("en-next-day", "2009-03-03", True),
    ]


def test_one_call_for_the_report_reads_the_dateline_as_the_segmenter_does() -> None:
    text = "GENEVA, March 4 (Reuters) -- Iran said on March 2 that it would stop. The next day it wrote."
    found = [(m.rule, str(m.date)) for m in date_finder("en", year=2009).find(text)]
    assert found == [
        ("en-md+year", "2009-03-04"),
        ("en-md+year+back", "2009-03-02"),
        ("en-next-day", "2009-03-03"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, Dec. 11 (Yonhap) -- 2,000 troops left.",
        "SEOUL, Apr. 15 (Yonhap) : The North said so.",
        "14/12/2008 13:19 MOSCOW, December 14 (RIA Novosti) - Russia said so.",
        "GENEVA, March 4 (Reuters) -- iran said so.",
        "Seoul, Jan. 5 -- The North said so.",
        "BEIJING, Dec. 11 in the morning -- talks.",
    ],
)
def test_the_date_finder_reads_a_dateline_exactly_where_the_segmenter_cuts_one(text: str) -> None:
    # one grammar: a dated dateline sets the day of writing if and only if it ends a sentence
    finder = date_finder("en", year=2008)
    finder.find(text)
    assert (finder.written is not None) == (dateline_end(text, 0) is not None)
