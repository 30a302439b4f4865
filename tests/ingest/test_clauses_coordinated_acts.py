"""Rule 1d: one subject, several coordinated predicates, one event per predicate (issue 17, multi10).

"…封存了反应堆并驱逐了核查人员", "disabled the devices and expelled the inspectors": each predicate with
its own cue is an act of the clause's subject, dated as the clause, with its own CAMEO root and the
targets of its own predicate. Verb chains, what a verb of saying or intent governs, infinitives,
nouns joined by "and", quoted speech and a second subject of its own stay as before. Our own
sentences, read with the built-in gazetteer, verb dictionary and date finder; each expected event
is read off the sentence by hand."""

from __future__ import annotations

import pytest

from hexatable.ingest.extract import Extraction
from hexatable.ingest.types import Lang
from tests.ingest.builtin_runs import run

Row = tuple[str, list[str], list[str], int]


def _extract(sentence: str, lang: Lang) -> Extraction:
    return run(f"{sentence}\n", lang=lang)


def rows(sentence: str, lang: Lang) -> list[Row]:
    """(date, actor ids, target ids, CAMEO root) of each event, in order."""
    return [
        (str(e.date.date), [a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo)
        for e in _extract(sentence, lang).events
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # 并 directly between two verbs, each with 了
        (
            "2031年5月9日，伊朗封存了反应堆并驱逐了核查人员。",
            "zh",
            [("2031-05-09", ["IRN"], [], 8), ("2031-05-09", ["IRN"], [], 17)],
        ),
        # ，并 after a verb chain (宣布退出 is one act, the withdrawal)
        (
            "2031年5月10日，伊朗宣布退出条约，并驱逐核查人员。",
            "zh",
            [("2031-05-10", ["IRN"], [], 16), ("2031-05-10", ["IRN"], [], 17)],
        ),
        # ，随后: each predicate its own target
        (
            "2031年5月11日，日本批评俄罗斯，随后对俄罗斯实施制裁。",
            "zh",
            [("2031-05-11", ["JPN"], ["RUS"], 11), ("2031-05-11", ["JPN"], ["RUS"], 16)],
        ),
        # the second verb unknown to the dictionary, marked done by 了: the signing witnessed
        (
            "2031年5月8日，日本和越南领导人一致同意加强合作，并共同见证了协议签署。",
            "zh",
            [("2031-05-08", ["JPN", "VNM"], [], 3), ("2031-05-08", ["JPN", "VNM"], [], 5)],
        ),
        # 并且 after a clause naming an organisation (安理会: its 会 is no modal); each its own target
        (
            "2031年4月5日，伊朗拒绝了安理会的决议，并且宣布暂停与原子能机构的合作。",
            "zh",
            [("2031-04-05", ["IRN"], ["UNSC"], 12), ("2031-04-05", ["IRN"], ["IAEA"], 16)],
        ),
        # the subject is the first name outside the adverbial stretch (鉴于日本…)
        (
            "2031年4月5日，鉴于日本未履行承诺，伊朗宣布暂停谈判，并且驱逐了日本外交官。",
            "zh",
            [("2031-04-05", ["IRN"], [], 16), ("2031-04-05", ["IRN"], ["JPN"], 17)],
        ),
        (
            "2031年4月4日，安理会通过决议，对伊朗实施制裁，并要求伊朗停止铀浓缩。",
            "zh",
            [("2031-04-04", ["UNSC"], ["IRN"], 16), ("2031-04-04", ["UNSC"], ["IRN"], 10)],
        ),
        (
            "On March 8, 2031, Peru disabled the devices and expelled the inspectors.",
            "en",
            [("2031-03-08", ["PER"], [], 8), ("2031-03-08", ["PER"], [], 17)],
        ),
        (
            "On March 9, 2031, Chile criticised the report and threatened to leave the treaty.",
            "en",
            [("2031-03-09", ["CHL"], [], 11), ("2031-03-09", ["CHL"], [], 13)],
        ),
        # ", then": the envoy's state is the meeting's target, the sanctions' target is Chile
        (
            "On March 10, 2031, Bolivia met Peru's envoy, then imposed new sanctions on Chile.",
            "en",
            [("2031-03-10", ["BOL"], ["PER"], 4), ("2031-03-10", ["BOL"], ["CHL"], 16)],
        ),
        (
            "On March 10, 2031, Bolivia met Peru's envoy and then expelled Chile's ambassador.",
            "en",
            [("2031-03-10", ["BOL"], ["PER"], 4), ("2031-03-10", ["BOL"], ["CHL"], 17)],
        ),
    ],
)
def test_each_coordinated_predicate_of_one_subject_is_an_event(
    sentence: str, lang: Lang, expected: list[Row]
) -> None:
    assert rows(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a verb chain: one act
        ("2031年5月12日，伊朗决定制裁日本。", "zh", ("2031-05-12", ["IRN"], ["JPN"], 16)),
        # what a verb of saying with 将 governs: both closures are one statement of intent
        ("2031年5月12日，伊朗表示将封存反应堆并驱逐核查人员。", "zh", ("2031-05-12", ["IRN"], [], 3)),
        # agreed to do two things, neither done yet (no 了)
        ("2031年5月12日，日本和越南同意加强合作并举行会谈。", "zh", ("2031-05-12", ["JPN", "VNM"], [], 3)),
        # two verbs of one object; a verb describing a noun (the details of closing and sealing)
        (
            "2031年5月12日，伊朗外长赴日本，商讨关闭并封存反应堆的细节。",
            "zh",
            ("2031-05-12", ["IRN"], ["JPN"], 4),
        ),
        ("2031年5月12日，伊朗关闭并封存了反应堆。", "zh", ("2031-05-12", ["IRN"], [], 8)),
        # a pair named after the first subject (双方) may be the subject of the predicate after 并
        ("2031年4月2日，日本首相会见伊朗外长，双方就核问题交换了意见，并同意继续保持沟通。", "zh", None),
        # quoted speech is what the minister said
        ("2031年5月12日，伊朗外长说：“我们封存了反应堆并驱逐了核查人员。”", "zh", None),
        # a verb of saying after the act tells what the subject said of it
        (
            "2031年5月12日，伊朗驱逐了日本外交官，并表示日本应负责。",
            "zh",
            ("2031-05-12", ["IRN"], ["JPN"], 17),
        ),
        # 并 framing the act that follows in its statement: one act, the condemnation
        ("2031年5月12日，伊朗发表声明，并在声明中谴责日本。", "zh", ("2031-05-12", ["IRN"], ["JPN"], 11)),
        ("On March 11, 2031, Peru said it would close the site and expel the inspectors.", "en", None),
        ("On March 11, 2031, Peru said it had disabled the devices and expelled the inspectors.", "en", None),
        ("On March 11, 2031, Peru agreed to meet and discuss the plan with Chile.", "en", None),
        (
            "On March 11, 2031, Peru imposed sanctions and tariffs on Chile.",
            "en",
            ("2031-03-11", ["PER"], ["CHL"], 16),
        ),
        (
            "On March 11, 2031, Peru decided to impose sanctions on Chile.",
            "en",
            ("2031-03-11", ["PER"], ["CHL"], 16),
        ),
        ("On March 11, 2031, Peru welcomed the report and said it would attend the talks.", "en", None),
        (
            'On March 11, 2031, Peru\'s minister said: "We disabled the devices and expelled inspectors."',
            "en",
            None,
        ),
        (
            "On March 11, 2031, after Peru disabled the devices and expelled inspectors, Chile protested.",
            "en",
            None,
        ),
        ("On March 11, 2031, Peru was criticised and sanctioned by Chile.", "en", None),
    ],
)
def test_one_act_stays_one_event(sentence: str, lang: Lang, expected: Row | None) -> None:
    found = rows(sentence, lang)
    assert len(found) == 1
    if expected is not None:
        assert found == [expected]


def test_a_second_subject_of_its_own_is_still_rule_1b() -> None:
    sentence = "2031年5月12日，日本批评俄罗斯，随后俄罗斯驱逐了日本外交官。"
    assert rows(sentence, "zh") == [
        ("2031-05-12", ["JPN"], ["RUS"], 11),
        ("2031-05-12", ["RUS"], ["JPN"], 17),
    ]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("2031年5月9日，伊朗封存了反应堆并驱逐了核查人员。", "zh"),
        ("On March 8, 2031, Peru disabled the devices and expelled the inspectors.", "en"),
    ],
)
def test_the_events_of_one_clause_quote_their_own_predicate(sentence: str, lang: Lang) -> None:
    first, second = _extract(sentence, lang).events
    assert first.id != second.id
    assert first.quote in sentence and second.quote in sentence  # verbatim, on the event's line
    assert first.cue is not None and second.cue is not None
    assert second.cue.text in second.quote and second.cue.text not in first.quote
    assert not second.inferred  # the subject and the date are said in the clause
    assert second.confidence <= first.confidence  # the expulsion (cue weight 1.0) after a 08 of 0.8


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # R1: a passive after a word that is no name (日方's proposal): the further act's subject is unclear
        ("2032年4月1日，日方提议遭到伊朗拒绝，随后宣布退出会谈。", "zh", None),
        # R3: a verb that directs someone else; what follows 并 is what the object is asked to do
        ("2032年4月3日，日本要求朝鲜停止核试验并重返六方会谈。", "zh", None),
        ("2032年4月3日，日本要求朝鲜停止核试验並重返六方会谈。", "zh", None),
        ("2032年4月4日，欧盟呼吁以色列撤军并与黎巴嫩恢复谈判。", "zh", None),
        ("2032年4月5日，俄罗斯邀请印度总理访问莫斯科并出席论坛。", "zh", None),
        ("2032年4月6日，日本支持印度和巴基斯坦举行对话并签署停火协议。", "zh", None),
        # R4: a word in -ed after "and" before a bare noun describes the noun
        ("On April 7, 2032, Chile condemned the raid and detained sailors appealed to Peru.", "en", None),
        ("On April 8, 2032, Peru discussed the tariffs and occupied islands with Chile.", "en", None),
        ("On April 9, 2032, Peru criticised Chile and banned rifles were seized.", "en", None),
        # R5: two verbs with nothing but "and" between share the object
        (
            "On April 10, 2032, Peru arrested and detained three Chilean sailors.",
            "en",
            ("2032-04-10", ["PER"], ["CHL"], 17),
        ),
        (
            "On April 11, 2032, Peru detained and deported 40 Chileans.",
            "en",
            ("2032-04-11", ["PER"], ["CHL"], 17),
        ),
        ("On April 12, 2032, Peru denied and condemned the article.", "en", None),
        # R6: a further predicate of the same root and no party of its own tells the same act again
        (
            "On April 13, 2032, Peru's minister met his Chilean counterpart and discussed fishing.",
            "en",
            ("2032-04-13", ["PER"], ["CHL"], 4),
        ),
        (
            "2032年4月14日，日本外长会见了伊朗外长，随后与其举行了会谈。",
            "zh",
            ("2032-04-14", ["JPN"], ["IRN"], 4),
        ),
    ],
)
def test_review_neighbours_stay_one_event(sentence: str, lang: Lang, expected: Row | None) -> None:
    found = rows(sentence, lang)
    assert len(found) == 1
    if expected is not None:
        assert found == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # R1: after a passive the further predicate is its subject's, not the agent's
        (
            "2032年4月1日，伊朗遭到日本制裁，随后宣布退出会谈。",
            "zh",
            [("2032-04-01", ["JPN"], ["IRN"], 16), ("2032-04-01", ["IRN"], [], 16)],
        ),
        (
            "2032年4月1日，伊朗被日本制裁，随后宣布退出会谈。",
            "zh",
            [("2032-04-01", ["JPN"], ["IRN"], 16), ("2032-04-01", ["IRN"], [], 16)],
        ),
        (
            "2032年4月2日，朝鲜受到欧盟谴责，随后驱逐了核查人员。",
            "zh",
            [("2032-04-02", ["EU"], ["PRK"], 11), ("2032-04-02", ["PRK"], [], 17)],
        ),
        # R2: a further predicate with a date of its own takes that date
        (
            "2032年6月3日，朝鲜封存了反应堆，并于6月10日驱逐了核查人员。",
            "zh",
            [("2032-06-03", ["PRK"], [], 8), ("2032-06-10", ["PRK"], [], 17)],
        ),
        (
            "2032年6月4日，朝鲜封存了反应堆，并于次日驱逐了核查人员。",
            "zh",
            [("2032-06-04", ["PRK"], [], 8), ("2032-06-05", ["PRK"], [], 17)],
        ),
        (
            "2032年6月5日，朝鲜封存了反应堆，随后在6月12日驱逐了核查人员。",
            "zh",
            [("2032-06-05", ["PRK"], [], 8), ("2032-06-12", ["PRK"], [], 17)],
        ),
        (
            "On July 5, 2032, Peru protested, and expelled the Chilean consul on July 9, 2032.",
            "en",
            [("2032-07-05", ["PER"], [], 14), ("2032-07-09", ["PER"], ["CHL"], 17)],
        ),
        # R6: the same root with a party of its own is a second act
        (
            "On July 6, 2032, Peru criticised Chile and condemned Bolivia.",
            "en",
            [("2032-07-06", ["PER"], ["CHL"], 11), ("2032-07-06", ["PER"], ["BOL"], 11)],
        ),
    ],
)
def test_review_acts_are_dated_and_split(sentence: str, lang: Lang, expected: list[Row]) -> None:
    assert rows(sentence, lang) == expected


def test_a_toward_target_before_two_joined_verbs_addresses_both() -> None:
    # R10: 向伊朗 stands before 提出抗议并要求…: the demand is made to Iran too
    assert rows("2032年8月2日，韩国向伊朗提出抗议并要求释放船员。", "zh") == [
        ("2032-08-02", ["KOR"], ["IRN"], 11),
        ("2032-08-02", ["KOR"], ["IRN"], 10),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # R7: a chronology in the present splits like one in the past
        (
            "On August 3, 2032, Peru expels the envoy and threatens Bolivia.",
            [("2032-08-03", ["PER"], [], 17), ("2032-08-03", ["PER"], ["BOL"], 13)],
        ),
        (
            "On August 4, 2032, Iran disables the cameras and expels the inspectors.",
            [("2032-08-04", ["IRN"], [], 8), ("2032-08-04", ["IRN"], [], 17)],
        ),
        (
            "On August 5, 2032, Iran criticises the report, then threatens Israel.",
            [("2032-08-05", ["IRN"], [], 11), ("2032-08-05", ["IRN"], ["ISR"], 13)],
        ),
        # R9: a name right after "warned" that reaches the joint is the one warned, no reported clause
        (
            "On August 6, 2032, Peru warned Chile and threatened Bolivia.",
            [("2032-08-06", ["PER"], ["CHL"], 13), ("2032-08-06", ["PER"], ["BOL"], 13)],
        ),
    ],
)
def test_present_chronologies_and_a_warned_party_split(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence, "en") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On August 7, 2032, Peru arrests and detains three Chilean sailors.",  # one object
        "On August 8, 2032, Peru imposes sanctions and talks with Chile.",  # "talks" a noun
        "On August 9, 2032, Peru condemns the sanctions and threats against Chile.",  # nouns
        "On August 10, 2032, Peru expels the envoy and says it will close the border.",  # saying
        "On August 11, 2032, Peru warned Chile would pay and threatened Bolivia.",  # reported clause
    ],
)
def test_present_and_warned_neighbours_stay_one_event(sentence: str) -> None:
    assert len(rows(sentence, "en")) == 1
