"""Whether a Chinese person's name in a text names that person, or is a piece of a longer word or
name: 莱斯 (Rice) inside 克莱斯勒 (Chrysler), 川普 (Trump) across 四川 and 普降, 克林顿 inside
希拉里·克林顿.

The gazetteer's aliases cannot list every word a short transliterated name hides in, so the name is
read in its context with jieba's dictionary (:mod:`hexatable.ingest.zh_dictionary`); the gazetteer
asks for every Chinese person's name it matches, and the name reader for a surname alone.
"""

from __future__ import annotations

import math
from functools import lru_cache

from hexatable.ingest.lexicon import is_cjk
from hexatable.ingest.zh_dictionary import jieba_dictionary

NAME_DOTS = frozenset("\u00b7\u2022\u30fb\u2027")
"""The dots between the parts of a transliterated name (·, •, ・, ‧)."""
_CONTEXT = 8
"""How many Chinese characters on each side of a person's name are segmented to find its word."""
_TRANSLITERATION_SHARE = 0.1
_TRANSLITERATION_WORDS = 20
_TRANSLITERATION_CHARS: frozenset[str] | None = None


def transliteration_chars() -> frozenset[str]:
    """Characters that write transliterated names: those in at least :data:`_TRANSLITERATION_WORDS`
    of jieba's dictionary words tagged ``nrt`` (transliterated person names), which are at least
    :data:`_TRANSLITERATION_SHARE` of the dictionary words holding them (斯, 尔, 克, 布, 勒, 特, 普;
    not 称, 与, 政, 四, 川, where the share is 1% or less). Computed once from the dictionary, so it
    is as general as jieba's list of names, not a list of the cases seen.

    >>> chars = transliteration_chars()
    >>> "斯" in chars and "克" in chars and "称" not in chars and "四" not in chars
    True
    """
    global _TRANSLITERATION_CHARS
    if _TRANSLITERATION_CHARS is None:
        _, tags = jieba_dictionary()
        named: dict[str, int] = {}
        every: dict[str, int] = {}
        for word, tag in tags.items():
            for char in set(word):
                every[char] = every.get(char, 0) + 1
                if tag == "nrt":
                    named[char] = named.get(char, 0) + 1
        _TRANSLITERATION_CHARS = frozenset(
            char
            for char, count in named.items()
            if count >= _TRANSLITERATION_WORDS and count >= _TRANSLITERATION_SHARE * every[char]
        )
    return _TRANSLITERATION_CHARS


def zh_person_stands_alone(text: str, start: int, end: int, given: frozenset[str] | None = None) -> bool:
    """Whether the Chinese person's name at ``text[start:end]`` names that person, not a piece of a
    longer name or word.

    A short transliterated name is often a piece of another: 莱斯 (Rice) in 克莱斯勒 (Chrysler), 布莱斯
    (Bryce) and 莱斯特 (Leicester), 川普 (Trump) across 四川 and 普降 in 四川普降暴雨, 克林顿 in
    希拉里·克林顿. The gazetteer's aliases cannot list every such word, so the name is read in its
    context (the stretch of Chinese characters around it, :data:`_CONTEXT` each side), segmented by
    jieba's dictionary with the name among its words (:func:`_words_around`), and it is not a name of
    its own when

    - a name dot joins it to a given name the gazetteer does not know for this person: ``given`` is
      the set of the person's listed given names (比尔 of 比尔·柯林顿), so 比尔·克林顿 is Bill Clinton
      and 希拉里·克林顿 is another person; a person with no listed given name takes none
      (苏珊·蓬佩奥 is not Mike Pompeo when the gazetteer lists no 迈克·蓬佩奥: the proposals offer
      the full name as a new person), nor does ``None`` (a short name read without the
      gazetteer's lists). A dot after the name always joins it to another part (a surname comes last);
    - a word of that segmentation crosses its start (四川 in 四川普降; 四 and 川 write one word);
    - the segmentation reads it after a transliteration character in a longer word (布莱斯,
      克莱斯勒), or the character after it writes transliterations, joins the name into a longer
      word of jieba's dictionary and starts no dictionary word of its own (莱斯特市长, 希尔顿酒店;
      but 莱斯/特使, 川普/尔后, 蓬佩奥/比/博尔顿,
      赖斯/比/以前, 蓬佩奥/拉着: a character that could write a transliteration writes ordinary
      words too, so it alone does not end the name). A split at the end is not
      enough: jieba glues the name's last character to a common word after it (川/普通/电话) as
      readily as to another name, so only the start is judged by the segmentation. A longer
      dictionary word made of the name and a common word (赖斯称, 克林顿政府) keeps the name.

    This is what the one-character short forms' guard does (only in runs such as 美朝), done for
    persons, whose names are transliterations of two or three characters.

    >>> zh_person_stands_alone("四川普降暴雨", 1, 3), zh_person_stands_alone("川普通电话", 0, 2)
    (False, True)
    >>> zh_person_stands_alone("克莱斯勒公司", 1, 3), zh_person_stands_alone("国务卿莱斯表示", 3, 5)
    (False, True)
    >>> zh_person_stands_alone("比尔·克林顿", 3, 6, frozenset({"比尔"}))
    True
    >>> zh_person_stands_alone("希拉里·克林顿", 4, 7, frozenset({"比尔"}))
    False
    """
    if end < len(text) and text[end] in NAME_DOTS:
        return False
    if start > 0 and text[start - 1] in NAME_DOTS:
        before = text[: start - 1]
        if not given or not any(before.endswith(name) for name in given):
            return False
    left = start
    while left > 0 and start - left < _CONTEXT and is_cjk(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and right - end < _CONTEXT and is_cjk(text[right]):
        right += 1
    if left == start and right == end:
        return True
    chars = transliteration_chars()
    if (
        end < right
        and text[end] in chars
        and _continues_into_a_word(text[start:right], end - start)
        and not _starts_a_word(text[end:right])
    ):
        return False  # the name goes on into a longer transliteration (莱斯特市长, 希尔顿酒店)
    for w_start, w_end in _words_around(text[left:right], start - left, end - left):
        w_start, w_end = w_start + left, w_end + left
        if w_end <= start or w_start >= end:
            continue
        if w_start < start < w_end < end:
            return False  # the word crosses the name's start
        if w_start < start and text[start - 1] in chars:
            return False  # inside a longer transliteration
    return True


def _starts_a_word(stretch: str) -> bool:
    """Whether ``stretch`` begins with a dictionary word of two characters or more (特使, 尔后)."""
    tokenizer, _ = jieba_dictionary()
    freq = tokenizer.FREQ
    return any(freq.get(stretch[:size], 0) > 0 for size in range(2, len(stretch) + 1))


def _continues_into_a_word(stretch: str, length: int) -> bool:
    """Whether the name ``stretch[:length]`` and one or more characters after it make a dictionary
    word (莱斯特, 希尔顿, 克莱斯勒): jieba's dictionary lists the longer name. That the next character
    could write a transliteration is not enough (蓬佩奥比博尔顿, 赖斯比以前, 蓬佩奥拉着): it writes
    ordinary words too. A longer name the gazetteer lists needs no check here: the matcher keeps the
    longest name at a start (:func:`leftmost_longest`)."""
    tokenizer, _ = jieba_dictionary()
    freq = tokenizer.FREQ
    return any(freq.get(stretch[:size], 0) > 0 for size in range(length + 1, len(stretch) + 1))


def _words_around(stretch: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of ``stretch`` (start and end offsets), segmented as jieba segments without its HMM:
    the most probable sequence of dictionary words under jieba's unigram frequencies, with the
    name at ``stretch[start:end]`` added as a word as probable as its most probable split plus one
    (the frequency jieba's own ``suggest_freq`` gives a word the user adds). A name jieba already
    holds (赖斯, 克林顿) keeps its own frequency if that is higher."""
    tokenizer, _ = jieba_dictionary()
    freq, total = tokenizer.FREQ, tokenizer.total
    name_freq = _name_frequency(stretch[start:end])
    dag = tokenizer.get_DAG(stretch)
    if end - 1 not in dag[start]:
        dag[start] = [*dag[start], end - 1]
    log_total = math.log(total)
    best: list[tuple[float, int]] = [(0.0, 0)] * (len(stretch) + 1)
    for index in range(len(stretch) - 1, -1, -1):
        options = []
        for last in dag[index]:
            word = stretch[index : last + 1]
            count = name_freq if (index, last + 1) == (start, end) else (freq.get(word) or 1)
            options.append((math.log(count) - log_total + best[last + 1][0], last))
        best[index] = max(options)
    words: list[tuple[int, int]] = []
    index = 0
    while index < len(stretch):
        last = best[index][1]
        words.append((index, last + 1))
        index = last + 1
    return words


@lru_cache(maxsize=4096)
def _name_frequency(name: str) -> int:
    """The frequency :func:`_words_around` gives the name ``name``: its most probable split's
    (jieba without its HMM) plus one, or jieba's own when that is higher. It depends on the name
    and jieba's dictionary alone (loaded once), so it is computed once per name: the gazetteer asks
    for every Chinese person's name it matches, and a text names the same few persons again and
    again. The cache assumes jieba's dictionary is not changed in the process (no ``add_word`` or
    ``load_userdict`` after the first call): hexatable never changes it, but a caller that did would
    get the frequencies of the dictionary as it was."""
    tokenizer, _ = jieba_dictionary()
    freq, total = tokenizer.FREQ, tokenizer.total
    apart = 1.0
    for piece in tokenizer.cut(name, HMM=False):
        apart *= (freq.get(piece) or 1) / total
    return max(int(apart * total) + 1, freq.get(name) or 1)
