"""Sentence segmentation: offsets and lines that reproduce the text, and the documented rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.ingest.segment import LineIndex, segment

# A seed-like layout: wrapped mid-sentence, a blank line after every line (as in /work/shared/seeds).
SEED_LIKE = (
    "5月29日，朝鲜劳动党中央委员会副委员长金\n\n"
    "英哲赴美，30日至31日与蓬佩奥在纽约会面。\n\n"
    "6月1日，特朗普在白宫会见金英哲后宣布，美\n\n"
    "朝领导人会晤将如期在新加坡举行。特朗普表示\n\n"
    "满意。\n\n"
    "6月12日，双方签署联合声明。\n"
)


def test_seed_layout_sentences_lines_and_paragraphs() -> None:
    sentences = segment(SEED_LIKE, "zh")
    assert [s.flat for s in sentences] == [
        "5月29日，朝鲜劳动党中央委员会副委员长金英哲赴美，30日至31日与蓬佩奥在纽约会面。",
        "6月1日，特朗普在白宫会见金英哲后宣布，美朝领导人会晤将如期在新加坡举行。",
        "特朗普表示满意。",
        "6月12日，双方签署联合声明。",
    ]
    # lines counted by hand in SEED_LIKE (1-based, blank lines count)
    assert [(s.line, s.end_line) for s in sentences] == [(1, 3), (5, 7), (7, 9), (11, 11)]
    # a sentence that ends at a line end closes its paragraph; one that ends mid-line does not
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]


def test_flat_offsets_point_back_into_the_text() -> None:
    sentence = segment(SEED_LIKE, "zh")[0]
    at = sentence.flat.index("金英哲")
    start, end = sentence.span(at, at + 3)
    assert SEED_LIKE[start:end] == "金\n\n英哲"
    assert sentence.line_of_flat(at) == 1
    assert sentence.line_of_flat(at + 1) == 3


def test_english_abbreviations_initials_and_decimals() -> None:
    text = (
        "Mr. Kim met the U.S. envoy, Gen. J. Smith, on Jan. 5. Output fell 3.5 percent.\n"
        "“We will return,” he said. Talks resume (in Beijing). Next?"
    )
    assert [s.flat for s in segment(text, "en")] == [
        "Mr. Kim met the U.S. envoy, Gen. J. Smith, on Jan. 5.",
        "Output fell 3.5 percent.",
        "“We will return,” he said.",
        "Talks resume (in Beijing).",
        "Next?",
    ]


def test_english_wrapped_lines_join_with_one_space() -> None:
    text = "The six parties\nagreed on\n  initial actions.\n\nA new paragraph."
    sentences = segment(text, "en")
    assert [s.flat for s in sentences] == ["The six parties agreed on initial actions.", "A new paragraph."]
    assert [s.paragraph for s in sentences] == [0, 1]


def test_blank_line_ends_a_heading_without_punctuation() -> None:
    text = "Chronology of the talks\n\nIn 2003 the talks began.\nThey went on.\n"
    sentences = segment(text, "en")
    assert [s.flat for s in sentences] == [
        "Chronology of the talks",
        "In 2003 the talks began.",
        "They went on.",
    ]


def test_chinese_ends_and_closing_quotes() -> None:
    text = "他说：“我们同意。”随后离开；次日返回！真的吗？好"
    assert [s.flat for s in segment(text, "zh")] == [
        "他说：“我们同意。”",
        "随后离开；",
        "次日返回！",
        "真的吗？",
        "好",
    ]


def test_an_ascii_full_stop_after_a_chinese_character_ends_a_sentence() -> None:
    # a typo common in web text: "." for 。 (the date finder reads it as a sentence end too)
    text = "2030年1月2日，甲国试射导弹.2030年2月3日，乙国抗议. 丙国表示关切.“丁国”回应"
    assert [s.flat for s in segment(text, "zh")] == [
        "2030年1月2日，甲国试射导弹.",
        "2030年2月3日，乙国抗议.",
        "丙国表示关切.",
        "“丁国”回应",
    ]
    # not in a number, nor before a file extension (a link target such as 王毅.md), nor after Latin
    assert len(segment("增长3.5个百分点，见王毅.md与v1.2版", "zh")) == 1


def test_markdown_headings_and_list_items_stand_alone() -> None:
    text = "## 大事记\n- 3月8日，会见\n- 4月18日，访问\n"
    assert [s.flat for s in segment(text, "zh")] == ["## 大事记", "- 3月8日，会见", "- 4月18日，访问"]


def test_line_index_counts_like_splitlines() -> None:
    # str.splitlines (which the case loader's quote check uses) also breaks at form feeds and U+2028
    text = "a\nb\x0cc\u2028d\n\ne"
    index = LineIndex(text)
    assert [index.line_of(text.index(c)) for c in "abcde"] == [1, 2, 3, 4, 6]
    assert index.start_of(6) == text.index("e")


_CHARS = st.sampled_from([*"朝美会谈。，；！？a b.C?!\n\n 1 2”）", "Mr. ", "U.S. ", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=60).map("".join), st.sampled_from(["zh", "en"]))
def test_slices_reproduce_the_text(text: str, lang: str) -> None:
    """Every sentence is its slice of the text; together they cover every non-space character once,
    in order; lines and the flat text agree with the slice."""
    sentences = segment(text, lang)  # type: ignore[arg-type]
    lines = text.splitlines()
    position = 0
    for sentence in sentences:
        assert sentence.raw == text[sentence.start : sentence.end]
        assert sentence.raw == sentence.raw.strip()
        assert text[position : sentence.start].strip() == ""
        position = sentence.end
        first = text.count("\n", 0, sentence.start) + 1
        last = text.count("\n", 0, sentence.end - 1) + 1
        assert (sentence.line, sentence.end_line) == (first, last)
        assert lines[sentence.line - 1].strip() != ""
        # the flat text is the slice without its line breaks (and the space around them)
        assert "\n" not in sentence.flat
        assert "".join(sentence.flat.split()) == "".join(sentence.raw.split())
        for i, char in enumerate(sentence.flat):
            if not char.isspace():
                assert text[sentence.flat_offsets[i]] == char
    assert text[position:].strip() == ""
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


def test_markdown_markup_is_read_as_the_quote_check_reads_it() -> None:
    from hexatable.case.quotes import SourceText

    text = (
        '2017年4月14日，[外交部长](../Page/外交部.md "wikilink")'
        '[王毅表示](../Page/王毅.md "wikilink")\\[4\\]，**同意**。\n'
    )
    (sentence,) = segment(text, "zh")
    assert sentence.flat == "2017年4月14日，外交部长王毅表示，同意。"
    at = sentence.flat.index("王毅")
    start, end = sentence.span(at, at + 2)
    assert text[start:end] == "王毅"
    # any piece of the flat text is a quote the loader finds on line 1
    source = SourceText.from_string(text)
    for cut in range(1, len(sentence.flat)):
        assert source.find_lines(sentence.flat[:cut]) == [1]


def test_a_short_line_without_punctuation_is_a_heading() -> None:
    # wrapped at 17-18 characters (80th percentile 18), a blank line after each line; the 8-character
    # title ends without punctuation, under 60% of the wrap width: it is a sentence of its own
    text = (
        "河内会晤（示例）\n\n"
        "2月27日至28日，特朗普与金正恩在越\n\n"
        "南河内举行第二次会晤，双方未能达成\n\n"
        "协议。次日，美方表示将继续对话，朝\n\n"
        "方则称立场不会改变，谈判前景不明，\n\n"
        "各方均表示关注。\n"
    )
    sentences = segment(text, "zh")
    assert sentences[0].flat == "河内会晤（示例）"
    assert sentences[1].flat.startswith("2月27日至28日")
    # the short last line of a paragraph ends with punctuation: not a heading
    assert sentences[-1].flat.endswith("各方均表示关注。")


def test_a_line_standing_alone_after_a_sentence_end_is_a_heading() -> None:
    # the seeds' layout (a blank line after every line): a line with no sentence punctuation right
    # after a sentence end is a heading, however long; the entry below it is a sentence of its own
    text = (
        "序言到此为止。\n\n"
        "朝美关系重要事件年表二零一八至二零一九\n\n"  # heading, as long as the wrapped lines
        "3月8日，韩国特使在白宫宣布，特朗普接受\n\n"
        "了金正恩的邀请\n\n"  # no punctuation, but the line before ends mid-sentence: a wrap
        "。\n"
    )
    assert [s.flat for s in segment(text, "zh")] == [
        "序言到此为止。",
        "朝美关系重要事件年表二零一八至二零一九",
        "3月8日，韩国特使在白宫宣布，特朗普接受了金正恩的邀请。",
    ]


def test_a_wrap_that_opens_a_sentence_without_a_comma_is_taken_for_a_heading() -> None:
    # the documented limit of the rule: a sentence whose first line has no punctuation, right after a
    # sentence end, is cut after that line
    text = "序言。\n\n美方随后确认了这一消息\n\n的真实性。\n\n再一句话。\n\n又一句话。\n"
    assert [s.flat for s in segment(text, "zh")][:3] == ["序言。", "美方随后确认了这一消息", "的真实性。"]


def test_an_entry_opening_with_its_date_is_not_a_heading() -> None:
    # an entry whose first clause runs past the line end has no punctuation on its first line
    text = "序言。\n\n3月8日韩国特使郑义溶在白宫宣布\n\n特朗普接受邀请。\n\n下一句话在这里。\n\n再一句。\n"
    assert [s.flat for s in segment(text, "zh")][:2] == [
        "序言。",
        "3月8日韩国特使郑义溶在白宫宣布特朗普接受邀请。",
    ]


def test_a_block_structured_text_ends_a_sentence_at_every_blank_line() -> None:
    """Four blocks, two without final punctuation: read as blocks, four sentences in four paragraphs;
    the same text as plain text keeps the layout rule (blank lines after most lines mean nothing), so
    the unpunctuated blocks run on, as a wrapped seed's lines must."""
    text = "2月13日，会议闭幕\n\n7月14日，韩国运送重油\n\n7月18日，机构确认。\n\n8月7日，朝美会谈。\n"
    blocks = segment(text, "zh", blocks=True)
    assert [(s.raw, s.paragraph) for s in blocks] == [
        ("2月13日，会议闭幕", 0),
        ("7月14日，韩国运送重油", 1),
        ("7月18日，机构确认。", 2),
        ("8月7日，朝美会谈。", 3),
    ]
    plain = segment(text, "zh")
    assert [s.flat for s in plain] == [
        "2月13日，会议闭幕7月14日，韩国运送重油7月18日，机构确认。",
        "8月7日，朝美会谈。",
    ]


def test_the_word_before_a_full_stop_is_read_from_near_it() -> None:
    """An abbreviation or initial before a full stop keeps the sentence open however far into the
    text it stands (the word is read from a window before the stop, not from the text's start)."""
    from hexatable.ingest.segment import segment

    filler = "The talks went on. " * 2000
    text = filler + "Envoy J. Smith met Mr. Kim in Seoul. They left."
    tail = [s.flat for s in segment(text, "en")][-2:]
    assert tail == ["Envoy J. Smith met Mr. Kim in Seoul.", "They left."]
