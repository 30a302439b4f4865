"""From a document to draft events: the pure core of ingest.

:func:`extract` reads a :class:`~hexatable.ingest.read.SourceDocument` sentence by sentence
(:mod:`hexatable.ingest.segment`) and returns an :class:`Extraction`. (Rules filled in below.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hexatable.ingest.read import SourceDocument
from hexatable.ingest.types import ActorMention, Cue, DraftEvent, Lang, ProposedActor


class ActorFinder(Protocol):
    """What :func:`extract` needs of a gazetteer (:class:`hexatable.ingest.gazetteer.Gazetteer`)."""

    def find(self, text: str, lang: Lang) -> list[ActorMention]: ...

    def propose(self, text: str, lang: Lang) -> list[ActorMention]: ...

    def label(self, actor_id: str, lang: Lang) -> str: ...

    def state_of(self, actor_id: str) -> str | None: ...


class CueFinder(Protocol):
    """What :func:`extract` needs of a verb dictionary (:class:`hexatable.ingest.verbs.VerbDictionary`)."""

    def find(self, text: str, lang: Lang) -> list[Cue]: ...


@dataclass(frozen=True)
class Extraction:
    """What ingest found in one document: draft events, proposed actors, unresolved dates, warnings.

    ``events`` are in document order with unique ids ``<source_id>-<line>-<n>``; ``proposed`` holds
    each unknown name once (first occurrence); ``unresolved`` the date expressions whose year could
    not be worked out from the text; ``warnings`` anything a reviewer should know (sentences with an
    actor and a cue but no date to attach, ...).
    """

    source_id: str
    document: SourceDocument
    lang: Lang
    events: tuple[DraftEvent, ...]
    proposed: tuple[ProposedActor, ...] = ()
    unresolved: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def extract(
    document: SourceDocument,
    *,
    lang: Lang,
    gazetteer: ActorFinder,
    verbs: CueFinder,
    source_id: str,
    year: int | None = None,
) -> Extraction:
    """The draft events of ``document`` (placeholder body until the rules land)."""
    return Extraction(source_id=source_id, document=document, lang=lang, events=())
