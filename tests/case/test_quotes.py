"""Quotes are compared as a reader sees the text: markup and whitespace do not count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hexatable.case.quotes import SourceText, locator_lines, normalise


def test_link_markup_and_footnotes_are_dropped() -> None:
    raw = (
        '[美国总统](../Page/美国总统.md "wikilink")[小布什为免](../Page/乔治·沃克·布什.md "wikilink")\\[1\\]'
    )
    assert normalise(raw) == "美国总统小布什为免"


def test_a_quote_may_cross_a_wrapped_line() -> None:
    text = SourceText.from_string("美国总统特朗普与朝鲜最高领导人金正恩定于\n\n2月27日至28日在越南")
    assert text.find_lines("金正恩定于2月27日") == [1]
    assert text.check("金正恩定于 2月27日", "line 1") is None
    assert text.check("金正恩定于", "line 3") == ("quote is not on line 3 of the source; it starts on line 1")
    assert text.check("金正日", "line 1") == "quote '金正日' is not in the source text"


def test_locators() -> None:
    assert locator_lines("第四轮 › 第一阶段, lines 339-345") == (339, 345)
    assert locator_lines("Line 7") == (7, 7)
    assert locator_lines("lines 9–3") == (9, 9)
    assert locator_lines("lead paragraph") is None


@given(
    st.lists(st.text(alphabet="甲乙丙丁 ab\t", min_size=1, max_size=10), min_size=1, max_size=8),
    st.data(),
)
def test_any_slice_of_a_line_is_found_on_that_line(lines: list[str], data: st.DataObject) -> None:
    text = SourceText.from_string("\n".join(lines))
    number = data.draw(st.integers(1, len(lines)))
    line = normalise(lines[number - 1])
    if not line:
        return
    start = data.draw(st.integers(0, len(line) - 1))
    end = data.draw(st.integers(start + 1, len(line)))
    assert number in text.find_lines(line[start:end])
