"""The room panel's shared parts, kept per session and language at one position in its log.

Every seat fetches its panel after every push (``room.js``), so after one move the four to six people
at a table render the same plenary, the same history of drafts and the same amendment list, and a
seat renders the same score sheet after every move of the session. Those parts are rendered once
and kept here; only what differs per participant is rendered per fetch (``benchmarks/room_panel_cost.py``).

What is kept, and under which key, is what makes this safe:

- a *shared* part is rendered from the public view only (what every participant of the session sees)
  and kept under ``(session, language)`` together with the log position (``seq``) it was rendered at:
  a lookup at another position never returns it, so a panel after a move never shows the state
  before it; an entry at an older position is replaced by the newer one, never the other way round;
- a *seat's* part (its score sheet, which never changes during a session) is kept under the seat's
  name inside the session's entry, and looked up only with the seat of the identity asking;
- the plenary's messages, rendered one by one, are carried from one position to the next and reused
  only while they are still the first messages of the plenary being rendered; an earlier draft's
  changes and the list of amendments are carried over keyed by all they are rendered from.

Bounded: at most ``capacity`` (session, language) entries, the least recently used go first.

>>> cache = PanelParts(capacity=2)
>>> entry = cache.at("s1", "en", seq=3)
>>> entry.shared.setdefault("plenary", "three messages")
'three messages'
>>> cache.at("s1", "en", seq=3).shared
{'plenary': 'three messages'}
>>> cache.at("s1", "en", seq=4).shared  # a move: nothing of position 3 is shown at position 4
{}
>>> cache.at("s1", "en", seq=3).shared  # an older reader renders its own, and keeps nothing
{}
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entry:
    """The parts of one session's panel in one language: ``shared`` ones at log position ``seq``
    (rendered from the public view), and each seat's ``sheets`` (which do not depend on ``seq``)."""

    seq: int
    shared: dict[str, Any] = field(default_factory=dict)
    sheets: dict[str, Any] = field(default_factory=dict)
    by_content: dict[Any, Any] = field(default_factory=dict)
    """Shared parts keyed by everything they are rendered from (an earlier draft's changes: the draft
    and the one before it), carried over from one position to the next."""
    said: tuple[list[Any], list[Any]] = ([], [])
    """The plenary messages last rendered and their HTML, one each: the plenary only grows, so the
    next render reuses them when they are still its first messages (compared, not assumed)."""


class PanelParts:
    """Entries per ``(session, language)``, each at the newest log position seen (see the module)."""

    def __init__(self, capacity: int = 1024) -> None:
        if capacity < 1:
            raise ValueError("PanelParts needs a capacity of at least 1")
        self.capacity = capacity
        self._entries: OrderedDict[tuple[str, str], Entry] = OrderedDict()
        self._lock = threading.Lock()

    def at(self, session_id: str, lang: str, seq: int) -> Entry:
        """The entry of ``session_id`` in ``lang`` at position ``seq``: the kept one if it is at that
        position, else a fresh one (kept when ``seq`` is newer than the kept one's, or none is kept).
        A fresh entry carries over the seats' sheets, which never change during a session, the parts
        kept by their content, and the plenary messages rendered so far."""
        key = (session_id, lang)
        with self._lock:
            kept = self._entries.get(key)
            if kept is not None and kept.seq == seq:
                self._entries.move_to_end(key)
                return kept
            fresh = (
                Entry(seq)
                if kept is None
                else Entry(seq, sheets=kept.sheets, by_content=kept.by_content, said=kept.said)
            )
            if kept is None or seq > kept.seq:
                self._entries[key] = fresh
                self._entries.move_to_end(key)
                while len(self._entries) > self.capacity:
                    self._entries.popitem(last=False)
            return fresh

    def __len__(self) -> int:
        return len(self._entries)
