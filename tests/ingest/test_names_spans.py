"""The span index behind rule 3c (no verb inside a name) gives what the pass over every span gave.

``names.drop_cues_in_names`` once checked every cue against every capitalised name run of the
sentence, quadratic in a long sentence; it now looks each cue up by bisection
(:class:`hexatable.ingest.names.SpanIndex`). These properties compare it, on random spans and random
sentences of our own words, with the old pass kept here as the reference."""

from __future__ import annotations

from collections.abc import Sequence
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.ingest import names
from hexatable.ingest.types import ActorMention, Cue, Lang

_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1])), max_size=12
)


def _brute_inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in spans)


@given(spans=_SPANS, start=st.integers(0, 90), length=st.integers(0, 20))
@settings(max_examples=400, deadline=None)
def test_the_index_says_what_a_pass_over_the_spans_says(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    """Overlapping, nested, empty and repeated spans alike."""
    index = names.SpanIndex(spans)
    assert index.covers(start, start + length) is _brute_inside(start, start + length, spans)


def test_a_stretch_inside_an_early_long_span_is_found_past_later_short_ones() -> None:
    """The furthest end so far, not the last span's end, decides: (0, 50) holds 30..40 though the
    spans starting nearer (10, 12) and (20, 25) do not."""
    index = names.SpanIndex([(20, 25), (0, 50), (10, 12)])
    assert index.covers(30, 40)
    assert not index.covers(45, 55)
    assert not names.SpanIndex([]).covers(0, 0)


def _old_drop_cues_in_names(flat: str, lang: Lang, cues: Sequence[Cue]) -> list[Cue]:
    """The function as it was before the index: every cue against every name run."""
    if lang != "en" or not cues or names._title_case(flat):
        return list(cues)
    opening = len(flat) - len(flat.lstrip(" \t\"'“‘([*#-"))
    runs = names.name_runs(flat)
    return [c for c in cues if c.start == opening or not _brute_inside(c.start, c.end, runs)]


_WORDS = [
    "Japan",
    "Korea",
    "North",
    "Joint",
    "Fisheries",
    "Plan",
    "Talks",
    "Action",
    "Resolution",
    "2290",
    "of",
    "the",
    "The",
    "On",
    "and",
    "met",
    "talks",
    "plan",
    "criticized",
    "protested",
    "with",
    "Four-Party",
    '"Berlin',
    'Accord"',
    "(Tokyo",
    "Daily)",
]


@st.composite
def _sentences(draw: st.DrawFn) -> tuple[str, list[Cue]]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
    separators = draw(
        st.lists(st.sampled_from([" ", " ", " ", ", ", "; "]), min_size=len(words), max_size=len(words))
    )
    lead = draw(st.sampled_from(["", " ", '"', "("]))
    flat = lead + "".join(w + s for w, s in zip(words, separators, strict=True)).rstrip() + "."
    starts = [i for i in range(len(flat)) if flat[i].isalnum() and (i == 0 or not flat[i - 1].isalnum())]
    cues: list[Cue] = []
    for start in draw(st.lists(st.sampled_from(starts), max_size=8)):
        end = start + draw(st.integers(1, 12))
        cues.append(Cue(start, min(end, len(flat)), flat[start:end], 10, flat[start:end].lower()))
    return flat, sorted(cues, key=lambda c: (c.start, c.end))


@given(sentence=_sentences(), lang=st.sampled_from(["en", "en", "zh"]))
@settings(max_examples=500, deadline=None)
def test_drop_cues_in_names_keeps_what_the_old_pass_kept(sentence: tuple[str, list[Cue]], lang: Lang) -> None:
    flat, cues = sentence
    assert names.drop_cues_in_names(flat, lang, cues) == _old_drop_cues_in_names(flat, lang, cues)


def test_a_long_sentence_drops_each_name_s_cue_and_keeps_each_verb() -> None:
    """Many clauses, each with a name holding a cue word and a verb outside any name."""
    unit = "Japan signed the Joint Fisheries Plan of Action, and "
    flat = unit * 300 + "Korea met Japan."
    plans = [Cue(i, i + 4, "Plan", 3, "plan") for i in range(len(flat)) if flat.startswith("Plan", i)]
    signed = [Cue(i, i + 6, "signed", 5, "signed") for i in range(len(flat)) if flat.startswith("signed", i)]
    cues = sorted([*plans, *signed], key=lambda c: c.start)
    assert len(plans) == len(signed) == 300
    assert names.drop_cues_in_names(flat, "en", cues) == signed


def _old_en_venue(flat: str, mention: ActorMention, cues: Sequence[Cue]) -> bool:
    """The venue test as it was before the bisection: every cue checked."""
    meeting = (
        names._EN_MEETING.match(flat, mention.end + 1) if flat[mention.end : mention.end + 1] == " " else None
    )
    if meeting is None:
        return False
    at = meeting.start(1)
    if any(mention.end <= c.start < at for c in cues if c.start != at):
        return False
    before_the = bool(names._EN_THE_BEFORE.search(flat, max(0, mention.start - 8), mention.start))
    return before_the or meeting.group(1)[:1].isupper()


_VENUE_WORDS = [
    "Berlin",
    "Paris",
    "the",
    "talks",
    "Talks",
    "conference",
    "interim",
    "deal",
    "met",
    "backed",
    "Japan",
]


@st.composite
def _venue_sentences(draw: st.DrawFn) -> tuple[str, list[ActorMention], list[Cue]]:
    words = draw(st.lists(st.sampled_from(_VENUE_WORDS), min_size=1, max_size=20))
    flat = " ".join(words) + "."
    offsets = [i for i in range(len(flat)) if i == 0 or flat[i - 1] == " "]
    spans = [(i, i + len(w)) for i, w in zip(offsets, words, strict=True)]
    mentions = [
        ActorMention(a, b, flat[a:b], flat[a:b].lower(), "builtin") for a, b in spans if flat[a].isupper()
    ]
    cues = [
        Cue(a, b, flat[a:b], 10, flat[a:b]) for a, b in draw(st.lists(st.sampled_from(spans), max_size=6))
    ]
    return flat, mentions, cues


@given(sentence=_venue_sentences())
@settings(max_examples=400, deadline=None)
def test_venues_are_the_places_the_old_pass_found(
    sentence: tuple[str, list[ActorMention], list[Cue]],
) -> None:
    """A place before a meeting word with no cue between (rule 3c, venues): the cue between is looked
    up by bisection, the same places dropped as when every cue was checked."""
    flat, mentions, cues = sentence
    places = frozenset(["Berlin", "Paris"])
    new = names.drop_places(flat, "en", mentions, cues, places)
    with patch.object(names, "_en_venue", _old_en_venue):
        old = names.drop_places(flat, "en", mentions, cues, places)
    assert new == old
