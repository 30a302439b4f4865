"""jieba's dictionary of Chinese words, loaded once per process and shared: its tokenizer (with the
word frequencies the segmentation reads) and its table of part-of-speech tags.

Ingest reads the dictionary in three places: whether a person's name stands alone in its context
and which unknown words are proposed as names (both for the gazetteer), and whether a cue is a
common noun (:func:`zh_noun`, for :mod:`hexatable.ingest.clauses`). Loading takes about a second,
so it happens on first use, under a lock, and jieba's own log lines are silenced.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

_JIEBA: Any = None
_LOCK = threading.Lock()


def jieba_dictionary() -> tuple[Any, Mapping[str, str]]:
    """jieba's tokenizer and its dictionary's part-of-speech table, loaded once (about a second) and
    silenced."""
    global _JIEBA
    with _LOCK:
        if _JIEBA is None:
            import jieba
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)
            logging.getLogger("jieba").setLevel(logging.WARNING)
            jieba.initialize()
            _JIEBA = (jieba.dt, jieba.posseg.dt.word_tag_tab)
    return _JIEBA  # type: ignore[no-any-return]


ZH_NOUN_TAGS = frozenset({"n", "ng", "nz"})
"""jieba's dictionary tags of a common noun (not a name: ``nr``, ``ns``, ``nt`` are names)."""


def zh_noun(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` first as a common noun (会议, 峰会, 制裁; not 会晤,
    访问). Used to tell a verb-initial Chinese clause from one whose subject is an event noun
    ("会议通过…"); a word the dictionary does not hold is not a noun here.

    >>> zh_noun("会议"), zh_noun("访问"), zh_noun("不在词典里的词")
    (True, False, False)
    """
    _, tags = jieba_dictionary()
    return tags.get(word) in ZH_NOUN_TAGS
