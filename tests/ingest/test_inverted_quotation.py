"""An inverted attribution after a direct quotation (issue 17, round 6; a round-4 limit): in
'"North Korea must return to the talks," said Japan' the quotation is what Japan said, so Japan
acts (a statement, 01) and the names quoted are spoken of, even though one stands before the verb.
Our own sentences, with the test fakes; expected roles read off each sentence by hand."""

from __future__ import annotations

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from tests.ingest.fakes import FakeFinder, FakeGazetteer, WeightedVerbs

NAMES = {"North Korea": ("PRK", None), "Japan": ("JPN", None), "China": ("CHN", None)}
CUES: dict[str, tuple[int, float]] = {
    "said": (1, 0.2),
    "return": (4, 0.6),
    "returned": (4, 0.6),
    "criticized": (11, 1.0),
}


def events(text: str) -> list[tuple[list[str], list[str], int]]:
    result = extract(
        document_from_text(text, name="news.txt"),
        lang="en",
        gazetteer=FakeGazetteer(NAMES),
        verbs=WeightedVerbs(CUES),
        source_id="news",
        finder=FakeFinder("en"),
    )
    return [([a.actor for a in e.actors], sorted(t.actor for t in e.targets), e.cameo) for e in result.events]


def test_the_speaker_after_a_quotation_acts_and_the_quoted_names_are_spoken_of() -> None:
    text = '"North Korea must return to the talks," said Japan on March 3, 2031.\n'
    assert events(text) == [(["JPN"], ["PRK"], 1)]
    curly = "“China criticized North Korea,” said Japan on March 3, 2031.\n"
    assert events(curly) == [(["JPN"], ["CHN", "PRK"], 1)]


def test_a_gist_without_quotation_marks_stays_the_reported_act() -> None:
    # no quotation: North Korea's return is reported as done (rule 3e), Japan only said so: the
    # report's source, no target of the return
    assert events("On March 3, 2031, North Korea returned to the talks, said Japan.\n") == [(["PRK"], [], 4)]


def test_a_name_before_the_quotation_still_speaks() -> None:
    # the speaker first, then the quotation: the ordinary order, unchanged
    assert events('On March 3, 2031, Japan said, "North Korea must return."\n') == [(["JPN"], ["PRK"], 1)]
