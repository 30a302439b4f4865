"""Proposals: the names in a text that no gazetteer layer knows, offered as new actors for review,
each with an id suggested in the case's actor id pattern.

Chinese names come from jieba's words (:mod:`hexatable.ingest.zh_dictionary`): persons and
organisations by the dictionary's tags, common surnames and organisation words; English names are runs
of capitalised words with titles and common sentence openers dropped. :meth:`Gazetteer.propose
<hexatable.ingest.gazetteer.Gazetteer.propose>` leaves out what a known name already covers.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hexatable.case.models import ACTOR_ID_PATTERN
from hexatable.ingest.dates_en import CALENDAR_NAMES
from hexatable.ingest.lexicon import is_cjk, is_word_char
from hexatable.ingest.zh_dictionary import jieba_dictionary
from hexatable.ingest.zh_person_bounds import NAME_DOTS

_ACTOR_ID = re.compile(ACTOR_ID_PATTERN)

_TRANSLITERATED_TAGS = frozenset({"nrfg", "nrt"})
_ORG_TAGS = frozenset({"nt"})

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "朴文申权柳洪全安元裴卞玄鲁南阮潘范黄武裴吴胡"
)
"""Common Chinese, Korean and Vietnamese surnames (as written in Chinese): an unknown two- or
three-character word that starts with one is proposed as a person."""

_ROLE_WORDS = frozenset(
    [
        "顾问",
        "安保",
        "主席",
        "总统",
        "总理",
        "首相",
        "部长",
        "外长",
        "大使",
        "特使",
        "发言人",
        "议员",
        "官员",
        "委员",
        "秘书",
        "司令",
        "将军",
        "领导人",
        "代表",
        "记者",
    ]
)
"""Role nouns that jieba's dictionary tags as person names; never proposed."""

_ORG_SUFFIXES = (
    "组织",
    "机构",
    "委员会",
    "集团",
    "联盟",
    "中心",
    "通讯社",
    "社",
    "部",
    "署",
    "局",
    "院",
    "党",
)


def propose_zh(text: str) -> list[tuple[int, int, str]]:
    """Person and organisation names among jieba's words.

    jieba's own tagger (``jieba.posseg`` with its HMM) is about ten times slower than its tokenizer,
    so the text is only tokenized (``HMM=True``, which also joins unknown names such as 阮富仲 into one
    word). A word in jieba's dictionary takes the dictionary's first tag: ``nrt``/``nrfg``
    (transliterated names) person, ``nr`` person only when it starts with a common surname and has at
    most three characters (the table tags common nouns such as 宣言 and four-character idioms such as
    任重道远 ``nr``; a name of one surname character has two or three), ``nt`` organisation; a word
    not in it is a person when it is two or three characters starting with a common surname, an
    organisation when it ends in an organisation word (组织, 委员会, 社, ...).

    A full name written with name dots (苏珊·蓬佩奥: words of two characters or more joined by ·) is
    one person, proposed whole: its parts are a given name and a surname, not two persons, and the
    whole is dropped when a known name is among its parts (:meth:`Gazetteer.propose`).
    """
    tokenizer, tags = jieba_dictionary()
    found: list[tuple[int, int, str]] = []
    words: list[tuple[int, str]] = []
    position = 0
    for word in tokenizer.cut(text, HMM=True):
        words.append((position, word))
        position += len(word)
    dotted: set[int] = set()
    index = 0
    while index < len(words):
        last = index
        while (
            last + 2 < len(words)
            and _name_part(words[last][1])
            and words[last + 1][1] in NAME_DOTS
            and _name_part(words[last + 2][1])
        ):
            last += 2
        if last > index:
            found.append((words[index][0], words[last][0] + len(words[last][1]), "person"))
            dotted.update(range(index, last + 1))
            index = last + 1
        else:
            index += 1
    for number, (start, word) in enumerate(words):
        position = start + len(word)
        if number in dotted or len(word) < 2 or not all(is_cjk(c) for c in word):
            continue
        tag = tags.get(word)
        if word in _ROLE_WORDS:
            continue
        if tag is not None:
            if tag in _TRANSLITERATED_TAGS or (tag == "nr" and word[0] in _SURNAMES and len(word) <= 3):
                found.append((start, position, "person"))
            elif tag in _ORG_TAGS:
                found.append((start, position, "organisation"))
        elif len(word) <= 3 and word[0] in _SURNAMES:
            found.append((start, position, "person"))
        elif len(word) >= 3 and word.endswith(_ORG_SUFFIXES):
            found.append((start, position, "organisation"))
    return found


def _name_part(word: str) -> bool:
    """Whether a jieba word may be a part of a dotted full name: two Chinese characters or more,
    not a title (总统 in 总统·特朗普 is no given name)."""
    return len(word) >= 2 and all(is_cjk(c) for c in word) and word not in _ROLE_WORDS


_EN_NAME = re.compile(
    r"[A-Z][\w'’.\-]*(?:[ ](?:(?:of|the|for|on|de|la|al|bin|van|von|der)[ ])*[A-Z][\w'’.\-]*)+"
)
_EN_LEADING = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "With",
        "After",
        "Before",
        "During",
        "When",
        "While",
        "Since",
        "Until",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "But",
        "And",
        "Or",
        "However",
        "Meanwhile",
        "Also",
        "Then",
        "According",
        "Both",
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Dr",
        "Dr.",
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Foreign",
        "Defence",
        "Defense",
        "Secretary",
        "State",
        "Chairman",
        "Chairwoman",
        "Premier",
        "General",
        "Director",
        "Ambassador",
        "Envoy",
        "Special",
        "Representative",
        "Deputy",
        "Chief",
        "Leader",
        "King",
        "Queen",
        "Supreme",
        "Senator",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Former",
        "Acting",
        "Under",
        "Assistant",
        "Commander",
        "Colonel",
        "Admiral",
        "Lieutenant",
        "Captain",
        "Sir",
        "Lord",
        "Madam",
        "Chancellor",
    ]
)
_EN_NOT_ACTOR_HEADS = frozenset(
    [
        "Talks",
        "Summit",
        "Statement",
        "Declaration",
        "Agreement",
        "Treaty",
        "Olympics",
        "Games",
        "Day",
        "Peninsula",
        "Sea",
        "River",
        "Island",
        "Islands",
        "Ocean",
        "War",
        "Framework",
        "Resolution",
        "Accord",
        "Accords",
        "Plan",
        "Initiative",
        "Program",
        "Programme",
        "Zone",
        "Line",
        "Strait",
        "Road",
        "Street",
        "Square",
        "Hall",
        "Hotel",
        "Airport",
        *CALENDAR_NAMES,
        "Act",
        "Protocol",
        "Communique",
        "Communiqué",
        "Doctrine",
        "Exercise",
        "Exercises",
    ]
)
_EN_ORG_HEADS = frozenset(
    [
        "Agency",
        "Organization",
        "Organisation",
        "Council",
        "Committee",
        "Commission",
        "Ministry",
        "Department",
        "Party",
        "Union",
        "Bank",
        "Fund",
        "Court",
        "Office",
        "Forum",
        "Group",
        "Alliance",
        "Association",
        "Institute",
        "Command",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "News",
        "Assembly",
        "Conference",
        "Government",
        "Administration",
        "Bureau",
        "Service",
        "Corporation",
        "Company",
        "Foundation",
        "Centre",
        "Center",
        "University",
        "Movement",
        "Front",
        "League",
    ]
)


def propose_en(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised English words as (start, end, kind): a word ending a sentence ends its run,
    an initial does not; each run is cut to a name by :func:`_name_of_run`."""
    found: list[tuple[int, int, str]] = []
    for match in _EN_NAME.finditer(text):
        if match.start() > 0 and is_word_char(text[match.start() - 1]):
            continue
        # a word ending a sentence ("Chol." before "The") ends the run; an initial ("W.") does not
        run: list[tuple[int, str]] = []
        position = match.start()
        for word in match.group().split(" "):
            if word.endswith(".") and len(word.rstrip(".")) > 1 and word not in ("Mr.", "Mrs.", "Ms.", "Dr."):
                run.append((position, word.rstrip(".")))
                found.extend(_name_of_run(run))
                run = []
            else:
                run.append((position, word))
            position += len(word) + 1
        found.extend(_name_of_run(run))
    return found


def _name_of_run(run: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """A proposed name from a run of words: leading titles, common words and connectors dropped."""
    while run and (run[0][1] in _EN_LEADING or run[0][1][:1].islower()):
        run = run[1:]
    while run and run[-1][1][:1].islower():
        run = run[:-1]
    if run:
        last = run[-1][1].rstrip(".’'-")
        run = [*run[:-1], (run[-1][0], last)]
    if len(run) < 2 or run[-1][1] in _EN_NOT_ACTOR_HEADS:
        return []
    kind = "organisation" if run[-1][1] in _EN_ORG_HEADS else "person"
    return [(run[0][0], run[-1][0] + len(run[-1][1]), kind)]


def suggest_id(name: str, kind: str = "other") -> str:
    """An actor id for a proposed name, in the case's actor id pattern.

    An alphabetic name becomes lower-case words joined by ``-`` (accents dropped); a name with no
    known romanisation (Chinese) becomes ``new-actor-`` and eight hex digits of its hash, the same
    for the same name in every call, so the draft writer can merge repeats (and renumber).

    >>> suggest_id("Mike Pompeo", "person")
    'mike-pompeo'
    >>> suggest_id("Kim Yo-jong")
    'kim-yo-jong'
    >>> suggest_id("蓬佩奥", "person")
    'new-actor-...'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    if words and not any(is_cjk(c) for c in name):
        candidate = "-".join(words)[:80].strip("-")
        if _ACTOR_ID.match(candidate):
            return candidate
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=4).hexdigest()
    return f"new-actor-{digest}"
