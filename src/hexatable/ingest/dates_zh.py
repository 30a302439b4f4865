"""Chinese date expressions: what each one writes, before the running context resolves it.

One compiled pattern finds the head of every expression (a year, a month or a day, in Arabic,
full-width or Chinese numerals, or a relative word such as 同年 / 次月 / 次日); short anchored
patterns then extend it with a period part (年初, 上旬, 春), a range end (至/到/—/-/~) and a bound
(以来, 至今, 以前, 以后). The work per character is done by the regular expression engine; Python
runs once per match.

Forms and rules (the ``rule`` of each :class:`~hexatable.ingest.types.DateMention`):

=====================================  ==================  =========================================
text                                   rule                value
=====================================  ==================  =========================================
2007年7月14日, 二〇〇七年七月十四日    zh-ymd              2007-07-14
2007年7月 / 2007年                     zh-ym / zh-y        2007-07 / 2007
7月14日 / 14日                         zh-md / zh-d        year (and month) from the context
30日至31日, 7月30日至8月1日            ...-range           a range ``start/end``
2004年至2005年, 2016~2017年            zh-y-range          2004/2005
同年12月, 次年, 去年, 今年, 明年       zh-rel-year...      context year + 0, +1, -1, 0, +1 (去年, 今年, 明年
                                       zh-written-year...  from the day of writing's year, when known)
同月, 次月, 上月                       zh-rel-month...     context month + 0, +1, -1
周一 … 周日, 星期一 … 星期天            zh-weekday          the last such day on or before the day of writing
次日/翌日/第二天, 当天/当日/同日,      zh-next-day,        context day + 1, + 0, - 1
前一天                                 zh-same-day, ...
三天后, 两天之后, 一周后                zh-days-later       context day + 3, + 2, + 7 (2 to 10 days, a week)
四日后, 3日后 (日 right before 后)       zh-days-later       context day + 4, + 3 (5月3日后 stays the 3rd)
上旬 / 中旬 / 下旬                      +early/+mid/+late   days 1-10 / 11-20 / 21-last (of the context month
                                                           when no month is written)
月初 / 月中 / 月底, 月末 (7月初 ...)   +early/+mid/+late   the month (a vague part; ``range``: as 上旬 ...)
年初 / 年中 / 年底, 年末, 年终         +early/+mid/+end    the year (a vague part; ``range``: months 1-3 /
                                                           6-7 / 11-12)
上半年 / 下半年                        +h1 / +h2           months 1-6 / 7-12
第一季度 ... 第四季度                  +q1 ... +q4         months 1-3, 4-6, 7-9, 10-12
春 / 夏 / 秋 / 冬                      +spring ...         months 3-5 / 6-8 / 9-11 / 12-2 (next year)
2003年以来, 2003年至今, 2005年以前     +bound              the date written; never moves the context
3月19日起, 从2010年起                   +from               the date written: the day an act began
民国107年6月12日, 中华民国100年        zh-roc-ymd, -y ...  2018-06-12, 2011 (a year of the Republic of
                                                           China: the number + 1911; 民国元年 is 1912)
=====================================  ==================  =========================================

Not dates: a year needs four digits (3年来, 20年, 10年的 are durations); 30日内 / 45日以内, 数日,
第4日, 50日元, 2000年代 and a number run into by another digit are refused. A bare day (14日) is
written with 日, or with 号 before a comma or a part of the day (22号，…; 1718号决议 is a
resolution); 号 after a month always counts. A day between 据 and 报道 (据某社5日报道) is the source's.

Vague and defined parts (the dating convention, docs/case-format.md): 上旬, 中旬 and 下旬 are days
1-10, 11-20 and 21 to the end by definition, as are halves, quarters and seasons, so they stay ranges;
月初, 月中, 月底 and 年初, 年中, 年底 say only "early", "in the middle", "late" and are dated as the
month or year that contains them (``Part.vague``; ``date_finder(..., periods="range")`` gives the
sharp ranges of the table instead).

A bare 2003年 in 2003年以来 ("since 2003") is returned as the year 2003 (rule ``zh-y+bound``): the
start of a period that runs to the time of writing. It does not move the context, because the
narration is not set in 2003.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence

from hexatable.ingest import stamps
from hexatable.ingest.dates import Part, Point, RawDate
from hexatable.ingest.segment import zh_dateline  # the segmenter's own pattern, so both agree

_FULL_WIDTH = str.maketrans("０１２３４５６７８９－～／．", "0123456789-~/.")
_HAS_FULL_WIDTH = re.compile("[０-９－～／．]")
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGIT |= {"六": 6, "七": 7, "八": 8, "九": 9}

_S = r"[ \t\u3000\r\n]*"
_YEAR_NUM = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY_NUM = (
    r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
)
_DAY_NUM_CN = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
"""A day number in Chinese numerals: 三日之后 counts three days, while 3日之后 is "after the 3rd"."""
_REL_YEAR = {"同年": 0, "当年": 0, "该年": 0, "是年": 0, "本年": 0, "今年": 0, "次年": 1, "翌年": 1}
_REL_YEAR |= {"第二年": 1, "明年": 1, "去年": -1, "上年": -1}
_WRITTEN_YEAR = frozenset({"今年", "去年", "明年"})
"""Years said from the writer's now: with a day of writing (a dateline, a publication stamp) they count
from its year, as English "this year" does; without one from the context."""
_REL_MONTH = {"同月": 0, "当月": 0, "该月": 0, "本月": 0, "次月": 1, "翌月": 1, "下月": 1, "下个月": 1}
_REL_MONTH |= {"上月": -1, "上个月": -1}
_REL_DAY = {"次日": 1, "翌日": 1, "第二天": 1, "隔天": 1, "隔日": 1, "当天": 0, "当日": 0, "同日": 0}
_REL_DAY |= {"同一天": 0, "前一天": -1, "前一日": -1}
_DAYS_LATER = {
    f"{n}天{after}": days
    for n, days in zip("两三四五六七八九十", range(2, 11), strict=True)
    for after in ("后", "之后", "以后", "後", "之後", "以後")
}
"""三天后 "three days later" (and 四日后: :data:`_DAY_BARE`)."""
_DAYS_LATER |= {
    f"{week}{after}": 7
    for week in ("一周", "一星期", "一个星期")
    for after in ("后", "之后", "以后", "後", "之後", "以後")
}
_REL_DAY |= _DAYS_LATER
_DAY_RULE = {1: "zh-next-day", 0: "zh-same-day", -1: "zh-day-before"}


def _words(table: dict[str, int]) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


# Not run into by another number, an ordinal or a quantity word.
_NOT_AFTER = r"(?<![\d.〇○零一二三四五六七八九十两百千万第数几每多某半整])"
_YEAR_TOKEN = rf"(?:(?P<y>{_YEAR_NUM}){_S}年(?![代])|(?P<yr>{_words(_REL_YEAR)}))"
_MONTH_TOKEN = rf"(?:(?P<m>{_MONTH_NUM}){_S}月(?:份)?|(?P<mr>{_words(_REL_MONTH)}))"
_DAY_FULL = rf"(?:(?P<d>{_DAY_NUM}){_S}[日号]|(?P<dr>{_words(_REL_DAY)}))"
_DAY_PARTS_AFTER_HAO = "上午|下午|晚|凌晨|早上|早晨|清晨|中午|傍晚|夜"
_HAO_BEFORE = rf"(?=[ \t\u3000]|{_S}(?:[，,至到~～\-、和]|{_DAY_PARTS_AFTER_HAO}))"
_DAY_BARE = (
    rf"(?:(?P<bdl>{_DAY_NUM}|两)日[后後](?![续續來来勤方撤退援备備卫衛果面])"
    rf"|(?P<bdl2>{_DAY_NUM_CN}|两)日[之以][后後]"
    rf"|(?P<bd>{_DAY_NUM}){_S}(?:日|[号號]{_HAO_BEFORE})|(?P<bdr>{_words(_REL_DAY)}))"
)
"""A bare day: 14日, and 14号 as speech writes it, only before a comma, a part of the day
(22号，…; 22号晚, 22号早上), a space (a day line under a month heading: 4号 中国与韩国…), a range's joint
or a list's separator (22号至24号, 22号、23号), so 1718号决议 and 3号楼 are no dates. A bare
number of days with 后 right after 日 counts days from the context day (四日后, 3日后, 两日后: four,
three, two days later), as 三天后 does, and so does one in Chinese numerals before 之后/以后 (三日之后); with
a month before it (5月3日后) it is the day, and so is a day before a word opening with 后 (4日后撤至边境:
withdrew on the 4th; 后续, 后来, 后退, 后援, 后勤)."""
_NOT_DURATION = r"(?!内|以内|之内|之久|元|游)"
_HAO_PLACE_BEFORE = re.compile(r"(?:住在|住进|入住|下榻|位于|搬到|搬进|门牌|编号)[^，,。；;：:、到至]{0,8}$")
"""Words before a bare 号 number that make it a place's number, not a day: 住在3号 (stays at No. 3),
位于钓鱼台3号 (is at No. 3 of the Diaoyutai), 门牌3号. 到 or 至 between them ends the place (住在首尔到8号,
住在酒店直至5号: stayed until the 8th, the 5th)."""
_HAO_NAME_IN_LIST = re.compile(
    rf"(?:{_S}[、和及与]{_S}{_DAY_NUM}{_S}[号號])+(?:楼|樓|房|院|[线線](?![上下])|[门門](?![前外])|馆|館|公路|路|文件|决议|決議|令|站|口|厅|廳|室)"
)
"""A list of 号 numbers whose last names a thing (3号、5号楼; 3号和5号决议): every number in it is
that thing's number, not a day. Not 线上/线下 (online, offline) nor 门前/门外 (before the gate: 22号、
23号门前示威 are days)."""
_SPACE = " \t\u3000\r\n"

_ROC_NUM = (
    r"(?:\d{1,3}|元|[〇○零一二三四五六七八九]{2,3}"
    r"|[一二]?百(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]?)?"
    r"|[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
)
"""A year of the Republic of China (民国107年, 民国九十六年, 民国一百零七年, 民国元年: the first)."""
_ROC_OFFSET = 1911
"""民国 year 1 is 1912 (the Republic was founded on 1 January 1912), so the year is the number plus
1911: 民国107年 is 2018, 民国100年 2011. Taiwan's official and press dates are written this way."""
_IN_A_WORD_OF_PEOPLE = "移公人居农难国市选渔牧平村灾殖暴网股侨贫乡军臣庶全住先"
"""Characters before 民 in common words for a kind of people (移民, 公民, 人民, 居民, 农民, 难民, 国民,
市民, 选民, ...): after one, 民国 is no era name but the end of that word and the start of another
(移民国外, 移民国7年: "emigrated abroad", "7 years in the immigrant country")."""
_ROC_TOKEN = (
    rf"(?P<roc>(?:中华|(?<![{_IN_A_WORD_OF_PEOPLE}]))民国){_S}(?P<ry>{_ROC_NUM}){_S}年(?![代])"
    rf"(?:{_S}{_MONTH_TOKEN.replace('?P<m>', '?P<m3>').replace('?P<mr>', '?P<mr3>')}"
    rf"(?:{_S}{_DAY_FULL.replace('?P<d>', '?P<d3>').replace('?P<dr>', '?P<dr3>')})?)?"
)

# The characters a head can start with: a cheap test at every position before the full pattern.
_FIRST = r"(?=[\d〇○零一二三四五六七八九十两同当该是本今次翌第明去上下前隔年民中周星])"
_HEAD = re.compile(
    rf"""{_FIRST}{_NOT_AFTER}(?:
      (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))(?![\d-])
    | (?P<yy>\d{{4}}){_S}(?:至|到|~|—|–|-){_S}(?P<yy2>\d{{4}}){_S}年(?![代])
    | {_ROC_TOKEN}
    | {_YEAR_TOKEN}(?:{_S}{_MONTH_TOKEN}(?:{_S}{_DAY_FULL})?)?
    | {_MONTH_TOKEN.replace("?P<m>", "?P<m2>").replace("?P<mr>", "?P<mr2>")}
        (?:{_S}{_DAY_FULL.replace("?P<d>", "?P<d2>").replace("?P<dr>", "?P<dr2>")})?
    | {_DAY_BARE}
    | (?P<yp>年初|年底|年末|年终|上半年|下半年)
    | (?P<mp>上旬|中旬|下旬)
    | (?<![上下本这每前后隔])(?P<wd>周|星期)(?P<wdn>[一二三四五六日天])(?![末刊报年])
    ){_NOT_DURATION}""",
    re.VERBOSE,
)

# Pieces that may follow a head, matched at its end.
_YEAR_PART = re.compile(
    rf"{_S}(?:(?P<early>年?初)|(?P<mid>年中)(?![国美日朝韩俄欧方共央外])|(?P<end>年?底|年?末|年终)"
    r"|(?P<h1>上半年)|(?P<h2>下半年)|第?(?P<q>[一二三四1-4])季度"
    r"|(?P<spring>春)(?:季|天)?(?!节)|(?P<summer>夏)(?:季|天)?(?!威|令)|(?P<autumn>秋)(?:季|天)?"
    r"|(?P<winter>冬)(?:季|天)?(?!奥))"
)
_YEAR_PART_MONTHS = {
    "early": (1, 3),
    "mid": (6, 7),
    "end": (11, 12),
    "h1": (1, 6),
    "h2": (7, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "winter": (12, 14),
}
_MONTH_PART = re.compile(
    rf"{_S}(?:(?P<early>上旬|初)(?![步次期级])|(?P<mid>中旬|中)(?![国美日朝韩俄欧方共央外旬])"
    r"|(?P<late>下旬|底|末))"
)
_MONTH_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
_VAGUE_YEAR_PARTS = frozenset({"early", "mid", "end"})
"""年初, 年中, 年底 (年末, 年终): parts of a year whose bounds the text does not fix; halves, quarters and
seasons are fixed by definition."""
_RANGE = re.compile(rf"{_S}(?:至|到|~|—|–|-){_S}")
_ROC_YEAR_END = re.compile(
    rf"{_S}(?:至|到|~|—|–|-){_S}(?:(?:中华)?民国)?{_S}(?P<ry>{_ROC_NUM}){_S}年(?![代])"
)
"""The end of a range of years of the Republic (民国107年至108年): the end may write its number alone, in
the era the start names. Only after a start that writes a year alone (a month after the end, 至108年3月,
is a date of its own in the year the range ends)."""
BOUND_AFTER = re.compile(rf"{_S}(?:以来|至今|以前|之前|以后|之后|前后)")
_ONSET_AFTER = re.compile(rf"{_S}起(?![草程飞诉义])")
"""3月19日起, 从2010年起, 于2月8日起 ("from … on"): the day an act began, which is when a chronology
dates it; unlike 以来 (a state that runs up to the time of writing) it is no bound (rule ``+from``)."""
_FUTURE = re.compile(
    r"将(?![军领官士])|定于|拟于|拟在|计划|预定|预计|原定|有望|即将|(?:同意|商定|约定|(?<!取)决定)(?:于|在)"
)
"""Future markers: a date after one in its clause is a plan. 同意于, 商定于, 约定于, 决定于 (and 在)
are the date an agreement or decision sets for what is to come ("同意于11月上旬举行下一轮会谈"); 取决于
("depends on") is not one."""
# An ASCII full stop typed right after a Chinese character ends a sentence too ("导弹.2006年").
_CLAUSE_START = re.compile(r"[，,；;：:、。！？!?]|(?<=[\u3400-\u9fff])\.")
_SENTENCE_END = re.compile(r"[。！？!?；;]|(?<=[\u3400-\u9fff])\.")
_WINDOW = 60
"""How far back (characters) a clause is read for a future marker or an opener: a bound on the work
per date in a text without punctuation."""
_OPENER = re.compile(
    r"(?:(?:而|但|并|又|随后|此后|其后|同时|另外|此外|据悉|其中)?(?:于|在|自|从|到|截至|至)?"
    r"(?:当地时间|北京时间)?)"
)


_EVENT_BEFORE = re.compile(
    r"(?P<noun>会谈|会议|峰会|会晤|会面|谈判|磋商|大会|全会|首脑会|论坛|访问|选举|仪式|演习|军演)"
    r"(?:(?P<began>开幕|开始|召开|举行)|(?P<ended>闭幕|结束))?的?$"
)
"""An event named right before a relative day (会谈前一天, 峰会次日, 会谈开幕当天, 会议闭幕当天): the day
counts from that event's date given earlier in the paragraph (docs/ingest-dates.md, "Days anchored
on an event"). Meetings, visits, elections, ceremonies and exercises: what a chronology dates."""


def cn_number(text: str) -> int:
    """An Arabic or Chinese numeral up to 9999: 2007, 二〇〇七 (digit by digit), 十四, 三十一.

    >>> cn_number("二〇〇七"), cn_number("十四"), cn_number("三十一"), cn_number("十"), cn_number("07")
    (2007, 14, 31, 10, 7)
    """
    text = text.strip()
    if text.isascii():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    value = 0
    for char in text:
        value = value * 10 + _CN_DIGIT[char]
    return value


def roc_year(text: str) -> int:
    """The number of a year of the Republic of China as written after 民国: Arabic, Chinese digit by
    digit, Chinese with 十 and 百, or 元 (the first year).

    >>> roc_year("107"), roc_year("一〇七"), roc_year("一百零七"), roc_year("九十六"), roc_year("元")
    (107, 107, 107, 96, 1)
    >>> roc_year("百"), roc_year("一百一十"), roc_year("百十二"), roc_year("三十八")
    (100, 110, 112, 38)
    """
    if text == "元":
        return 1
    if "百" not in text:
        return cn_number(text)
    hundreds, _, rest = text.partition("百")
    rest = rest.removeprefix("零")
    return (_CN_DIGIT[hundreds] if hundreds else 1) * 100 + (cn_number(rest) if rest else 0)


@functools.lru_cache(maxsize=4096)
def _point(
    year: str | None,
    rel_year: str | None,
    month: str | None,
    rel_month: str | None,
    day: str | None,
    rel_day: str | None,
) -> tuple[Point, str]:
    """The point a head writes (its matched groups), and its rule name."""
    point = Point(
        year=cn_number(year) if year else None,
        month=cn_number(month) if month else None,
        day=cn_number(day) if day else None,
        year_shift=_REL_YEAR[rel_year] if rel_year else None,
        written_year=_REL_YEAR[rel_year] if rel_year in _WRITTEN_YEAR else None,
        month_shift=_REL_MONTH[rel_month] if rel_month else None,
        day_shift=_REL_DAY[rel_day] if rel_day else None,
    )
    if rel_day:
        return point, _DAY_RULE.get(_REL_DAY[rel_day], "zh-days-later")
    if rel_month:
        return point, "zh-rel-month" + ("-d" if day else "")
    if rel_year:
        return point, "zh-rel-year" + ("-" if month else "") + ("m" if month else "") + ("d" if day else "")
    written = ("y" if year else "") + ("m" if month else "") + ("d" if day else "")
    if not year:
        written += "+year" if month else "+month"
    return point, "zh-" + written


def _hao_names_a_place(text: str, start: int, end: int) -> bool:
    """Whether the bare 号 number at ``start:end`` is a place's or a thing's number: after a word of
    staying or lying (:data:`_HAO_PLACE_BEFORE`) or in a list that ends in a thing's name
    (:data:`_HAO_NAME_IN_LIST`)."""
    if _HAO_PLACE_BEFORE.search(text, max(0, start - 12), start):
        return True
    return _HAO_NAME_IN_LIST.match(text, end) is not None


def _head(match: re.Match[str]) -> tuple[Point, str, str] | None:
    """(point, rule, level) of a head match; level is the finest unit written (year/month/day)."""
    group = match.group
    if group("iso"):
        return Point(int(group("iy")), int(group("im")), int(group("id"))), "iso", "day"
    if group("yy"):
        return None  # year ranges are built by the caller
    if group("roc"):
        year = str(roc_year(group("ry")) + _ROC_OFFSET)
        point, rule = _point(year, None, group("m3"), group("mr3"), group("d3"), group("dr3"))
        level = "day" if group("d3") or group("dr3") else "month" if group("m3") or group("mr3") else "year"
        return point, rule.replace("zh-", "zh-roc-", 1), level
    if group("y") or group("yr"):
        point, rule = _point(group("y"), group("yr"), group("m"), group("mr"), group("d"), group("dr"))
        written_month = group("m") or group("mr")
        level = "day" if group("d") or group("dr") else "month" if written_month else "year"
        return point, rule, level
    if group("m2") or group("mr2"):
        point, rule = _point(None, None, group("m2"), group("mr2"), group("d2"), group("dr2"))
        return point, rule, "day" if group("d2") or group("dr2") else "month"
    if group("bdl") or group("bdl2"):
        return Point(day_shift=cn_number(group("bdl") or group("bdl2"))), "zh-days-later", "day"
    if group("bd") or group("bdr"):
        point, rule = _point(None, None, None, None, group("bd"), group("bdr"))
        return point, rule, "day"
    if group("wd"):
        # 周一 … 周日: the last such day on or before the day of writing, unresolved without one
        return (
            Point(weekday="一二三四五六日天".index(group("wdn")) if group("wdn") != "天" else 6),
            "zh-weekday",
            "day",
        )
    if group("mp"):
        return Point(month_shift=0), "zh-month", "month"  # 下旬 alone: of the context month
    return Point(year_shift=0), "zh-year", "year"  # 年初 etc. alone: the context year


def _extend(text: str, at: int, level: str) -> tuple[Part | None, int]:
    """A period part right after a head ending at ``at`` of the given level, and where it ends."""
    if level == "year":
        found = _YEAR_PART.match(text, at)
        if found and found.lastgroup:
            name = found.lastgroup
            if name == "q":
                quarter = cn_number(found.group("q"))
                return Part("months", 3 * quarter - 2, 3 * quarter, f"q{quarter}"), found.end()
            low, high = _YEAR_PART_MONTHS[name]
            return Part("months", low, high, name, vague=name in _VAGUE_YEAR_PARTS), found.end()
    elif level == "month":
        found = _MONTH_PART.match(text, at)
        if found and found.lastgroup:
            low, day_high = _MONTH_PART_DAYS[found.lastgroup]
            vague = "旬" not in found.group()  # 月初, 月中, 月底; not 上旬, 中旬, 下旬 (days by definition)
            return Part("days", low, day_high, found.lastgroup, vague=vague), found.end()
    return None, at


def scan(text: str) -> list[RawDate]:
    """Every date expression in ``text``, in order, with what it writes (module docstring).

    >>> [(r.rule, r.left.month, r.left.day, r.right.day) for r in scan("7月6日至7日，蓬佩奥访问平壤。")]
    [('zh-md+year-range', 7, 6, 7)]
    """
    if _HAS_FULL_WIDTH.search(text):
        text = text.translate(_FULL_WIDTH)  # same length: offsets still point into the caller's text
    found: list[RawDate] = []
    position = 0
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    clause_starts = [m.end() for m in _CLAUSE_START.finditer(text)]
    while True:
        match = _HEAD.search(text, position)
        if match is None:
            break
        start, end = match.start(), match.end()
        position = start + 1
        part: Part | None = None
        right: Point | None = None
        if match.group("yy"):
            left, right, rule = Point(int(match.group("yy"))), Point(int(match.group("yy2"))), "zh-y-range"
            if not (_plausible(left) and _plausible(right)):
                continue
        else:
            # 4: 日 or 号 and up to three spaces or brackets before the weekday (10日 （周四）)
            if match.group("wd") and _DATE_BEFORE_WEEKDAY.search(text, max(0, start - 4), start):
                continue  # 4月10日（星期四）: the weekday of the date before it, part of that date
            if (
                match.group("bd")
                and match.group().endswith(("号", "號"))
                and _hao_names_a_place(text, start, end)
            ):
                continue
            head = _head(match)
            if head is None or not _plausible(head[0]):  # pragma: no branch
                continue
            left, rule, level = head
            part, end = _extend(text, start if match.group("yp") or match.group("mp") else end, level)
            roc_end = _ROC_YEAR_END.match(text, end) if match.group("roc") and level == "year" else None
            if roc_end is not None and roc_year(roc_end.group("ry")) <= roc_year(match.group("ry")):
                roc_end = None  # 民国108年至107年: no range
            if part is None and roc_end is not None:
                right, end = Point(roc_year(roc_end.group("ry")) + _ROC_OFFSET), roc_end.end()
                rule += "-range"
            elif part is None:
                right, end = _range_end(text, end, left, level)
                rule += "-range" if right is not None else ""
            else:
                rule += f"+{part.name}"
        bound = BOUND_AFTER.match(text, end) is not None
        onset = not bound and _ONSET_AFTER.match(text, end) is not None
        index = bisect.bisect_right(clause_starts, start) - 1
        clause_start = max(clause_starts[index] if index >= 0 else 0, start - _WINDOW)
        sentence = bisect.bisect_right(sentence_ends, start)
        event = _EVENT_BEFORE.search(text, max(0, start - 8), start) if left.day_shift is not None else None
        shift = left.day_shift or 0
        found.append(
            RawDate(
                start,
                end,
                rule + ("+bound" if bound else "+from" if onset else ""),
                left,
                right,
                part,
                bound=bound,
                reference=_REPORTED_AFTER.match(text, end) is not None
                and _REPORTED_BY.search(text, clause_start, start) is not None,
                planned=_FUTURE.search(text, clause_start, start) is not None,
                opens_clause=_OPENER.fullmatch(text[clause_start:start].strip(_SPACE)) is not None,
                main_clause=_dates_its_clause(
                    text, start, end, clause_starts[index] if index >= 0 else 0, sentence_ends, clause_starts
                ),
                sentence=sentence,
                event=event.group("noun") if event is not None else None,
                # 次日 after an event is the day after it ended; 前一天 and 当天 count from its start
                event_end=event is not None
                and (bool(event.group("ended")) or (shift > 0 and not event.group("began"))),
                scope=(
                    sentence_ends[sentence - 1] if sentence else 0,
                    sentence_ends[sentence] if sentence < len(sentence_ends) else len(text),
                ),
            )
        )
        position = max(end, start + 1)
    return _datelined(text, found, sentence_ends)


def _dates_its_clause(
    text: str,
    start: int,
    end: int,
    clause_start: int,
    sentence_ends: Sequence[int],
    clause_starts: Sequence[int],
) -> bool:
    """Whether a date is the time of its clause's act rather than a detail (``RawDate.main_clause`` in
    Chinese). Not when a verb of saying stands before it in its sentence (韩国外长表示，朝鲜8日发射导弹…:
    the date is of what was said, not of the saying); not when 对, 就, 针对, 对于 or 关于 stands before
    it in its clause (日本政府对朝鲜4日和8日发射导弹提出抗议: the days describe the protest's object);
    not when a 的 follows it in its clause (朝鲜在7月进行的试射, 与朝韩9月签署的协议) with no finished verb
    (…了) before that 的 (两国5日举行了旨在…的会谈 is dated by its day). Otherwise it opens
    its clause (9日上午，六方举行团长会) or stands after words taken as the clause's subject (千英宇9日表示,
    各方参加的第二轮会谈于25日至28日举行): a report or an entry that looks back narrates what happened
    then. The words before the date are not parsed further."""
    sentence = bisect.bisect_right(sentence_ends, start)
    sentence_start = sentence_ends[sentence - 1] if sentence else 0
    if _SAYING.search(text, sentence_start, start) is not None:
        return False
    if _OBJECT_OF.search(text, clause_start, start) is not None:
        return False
    following = bisect.bisect_right(clause_starts, end)
    clause_end = clause_starts[following] if following < len(clause_starts) else len(text)
    of = text.find("的", end, clause_end)
    if of < 0:
        return True
    # a 的 after a finished verb (举行了旨在…的会谈) modifies the verb's object: the date is the verb's,
    # unless a verb taking an act as its object stands before the date (美国谴责朝鲜8日进行了核试验的
    # 行为: the date and 了 are of the condemned act)
    return (
        _FINISHED_VERB.search(text, end, of) is not None
        and _ACT_OBJECT_VERB.search(text, clause_start, start) is None
    )


_FINISHED_VERB = re.compile(r"(?<![为除])了(?![解结])")
"""The aspect marker 了 after a verb (举行了, 签署了): a date before it times that verb, even when a 的 of
the verb's object follows (举行了旨在推动互信的会谈); not 了 in 为了, 除了, 了解, 了结."""


_ACT_OBJECT_VERB = re.compile(
    r"谴责|欢迎|批评|指责|抗议|赞赏|称赞|赞扬|支持|反对|祝贺|回应|关注|担忧|庆祝|确认|证实|否认"
)
"""Verbs whose object is often another act (谴责朝鲜8日进行了核试验的行为, 欢迎朝鲜8日宣布了…的决定):
before a date in its clause, the date and a 了 after it are the object act's, not the clause's."""


_SAYING = re.compile(
    r"表示|[声宣]称|(?<![名简号])称(?![为号赞])|(?<![据听])说(?![服明])|指出|强调|认为|透露|重申"
)
"""Verbs of saying: a date after one in its sentence belongs to what was said."""
_OBJECT_OF = re.compile(
    r"(?<![面反绝相针应核])对(?![话手方峙称等策象面立外])于?|(?<!成)就(?![是要会])|针对|关于"
)
"""Prepositions that introduce what an act is about: a date after one in its clause describes that
object, not the act (对朝鲜4日和8日发射导弹提出抗议). Not 对 inside a word (对话, 对方, 面对, 反对, 针对
is its own entry)."""


def _datelined(text: str, found: list[RawDate], sentence_ends: Sequence[int]) -> list[RawDate]:
    """The dates of ``found`` with the day of a news dateline opening a sentence (新华社北京1月2日电,
    :func:`hexatable.ingest.segment.dateline_end`) marked as a dateline's, as the English lexer
    marks "TOKYO, Jan. 2 (Kyodo) --": the finder reads a year-less one in the year nearest the
    previous dateline or the running date (after 2008年12月30日, 1月2日电 is 2009's), and each sets
    the day of writing that the next one is read near."""
    days: set[int] = set()
    for start in [0, *sentence_ends]:
        while start < len(text) and text[start].isspace():
            start += 1
        match = zh_dateline(text, start, None)
        if match is not None:
            days.add(match.start("date"))
    # a web copy's publication stamp (2031-04-10 15:36, 2031年4月10日15:36 then no comma) is the day
    # of writing too, as a dateline's day is: 今年 and the report's days count from it
    days.update(
        raw.start
        for raw in found
        if raw.left.year is not None
        and raw.left.day is not None
        and raw.right is None
        and raw.part is None
        and _STAMP_CLOCK.match(text, raw.end) is not None
        and not _STAMP_NOT_AFTER.search(text, max(0, raw.start - 1), raw.start)
        and _stamp_stands_alone(text, raw, sentence_ends)
    )
    if not days:
        return found
    return [dataclasses.replace(raw, dateline=True) if raw.start in days else raw for raw in found]


_DATE_BEFORE_WEEKDAY = re.compile(r"[日号][ \t\u3000（(,，]*$")
"""A day right before a weekday (4月10日 星期四, 10日（周四）): the weekday names that day."""
_REPORTED_BY = re.compile(
    r"(?<!根)据(?![此理悉称说])[^，,。；;：:]{0,12}(?:社|台|报|网|媒体?|人士|官员|消息|通讯|电视|机构)"
    r"[^，,。；;：:]{0,4}$"
)
_REPORTED_AFTER = re.compile(
    rf"{_S}(?:上午|下午|晚间|晚上|晚|凌晨|早上|早晨|清晨|中午|傍晚|夜间|夜)?{_S}(?:的)?(?:报道|报导|消息|援引|专?电(?![视话力网台])|讯(?![问号]))"
)
"""据塞通社5日报道, 据新华社3日消息: the day a source reported, not the day of what it reports:
such a date is read as the report's (``RawDate.reference``), so it neither dates its clause nor
moves the context, and the reported act keeps its own day (据某社5日报道，甲国外长4日会见…: the 4th).
A source noun (社, 台, 报, 媒体, 人士, …) stands between 据 and the date, so 据此 ("accordingly"),
根据 and 据理 frame no report; a part of the day may stand between the date and 报道 (据韩联社5日
晚间报道). :data:`_REPORTED_BY`'s reaches: up to 12 characters between 据 and the source
noun (the source's name: 据韩国联合通讯社, 据美国国务院高级官员), up to 4 between that noun and the
date (据新华社北京); chosen by hand, see tests/ingest/test_dates_spoken_day_and_source_day_zh.py."""
_STAMP_CLOCK = re.compile(stamps.CLOCK_GAP + stamps.CLOCK + stamps.CLOCK_END)
"""A clock time right after a full date that no comma, full stop, closing bracket or Chinese
character follows: a publication stamp ("2031-04-10 15:36:08 来源"), not a narrated hour
("2031年3月4日10:30，两国外长举行会谈", "…持续至2031年6月3日23:00。", "（2031-03-11 09:54）",
"2031年3月4日10:30中国外长抵达…")."""
_STAMP_NOT_AFTER = re.compile(f"[{stamps.NOT_AFTER}]")
"""What a narrated date follows and a stamp does not (持续至…, 时间为…, 在…, an aside in brackets)."""
_STAMP_LABEL = re.compile(r"[^，,]*")
"""What may stand before a stamp in its sentence: a site, an author, a label (发布时间：), no comma."""
_FINAL_MARK = re.compile(r"[。！？；]")
"""Final punctuation of Chinese narration (an ASCII ? or ; in a byline is a mangled separator)."""


def _stamp_stands_alone(text: str, raw: RawDate, sentence_ends: Sequence[int]) -> bool:
    """Whether a date with a clock time stands in a byline: no comma before it in its sentence, and
    its sentence ends without final punctuation. A date and hour opening narration
    (2031年3月4日10:30中国外长抵达首尔…。) is when the act happened, and 今年, 去年 and the weekdays do
    not count from it."""
    sentence = bisect.bisect_right(sentence_ends, raw.start)
    sentence_start = sentence_ends[sentence - 1] if sentence else 0
    sentence_end = sentence_ends[sentence] if sentence < len(sentence_ends) else len(text)
    opens = _STAMP_LABEL.fullmatch(text, sentence_start, raw.start) is not None
    return opens and _FINAL_MARK.search(text, raw.end, sentence_end) is None


def _plausible(point: Point) -> bool:
    """A written year is read as a year only between 1000 and 2999 (5000年 is a duration)."""
    return point.year is None or 1000 <= point.year <= 2999


def _range_end(text: str, at: int, left: Point, level: str) -> tuple[Point | None, int]:
    """The end of a range that starts with ``left`` (ending at ``at``), if a joint and an end follow."""
    joint = _RANGE.match(text, at)
    if joint is None:
        return None, at
    other = _HEAD.match(text, joint.end())
    if other is None or other.group("yy") or other.group("iso") or other.group("yp") or other.group("mp"):
        return None, at
    tail = _head(other)
    if tail is None or not _plausible(tail[0]) or not _fits(left, tail[0], level, tail[2]):
        return None, at
    return tail[0], other.end()


def _fits(left: Point, right: Point, left_level: str, right_level: str) -> bool:
    """Whether ``right`` can end a range that ``left`` starts: absolute, no finer than the start,
    and writing nothing above what the start writes only when the start writes it too."""
    if right.year_shift is not None or right.month_shift is not None or right.day_shift is not None:
        return False
    order = {"year": 0, "month": 1, "day": 2}
    if order[right_level] != order[left_level]:
        return False
    return not (right.year is not None and left.year is None and left.year_shift is None)
