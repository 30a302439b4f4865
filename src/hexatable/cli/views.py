"""Plain-data views of a case for the CLI: the ``--json`` output and what the Rich tables show.

The JSON shapes here are the CLI's documented, stable output (``docs/cli.md``); the tests read them.
Every view is in one language (``lang``), falling back to English where a text lacks it.
"""

from __future__ import annotations

from typing import Any

from hexatable.case import Case, Event, Session, cameo_label, pick
from hexatable.case.models import Citation, document_sort_key
from hexatable.case.references import citations

JSON_VERSION = 1
"""Bumped when a JSON shape changes incompatibly."""


def actor_name(case: Case, actor_id: str, lang: str) -> str:
    """An actor's short name (or full name) in ``lang``; the id itself when unknown."""
    actor = case.actor_index.get(actor_id)
    if actor is None:
        return actor_id
    return pick(actor.short, lang) or pick(actor.names, lang)


def citation_view(citation: Citation) -> dict[str, Any]:
    return citation.model_dump(mode="json", exclude_none=True)


def event_view(case: Case, event: Event, lang: str) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": str(event.date),
        "date_text": event.date.format(lang),
        "actors": list(event.actors),
        "targets": list(event.targets),
        "cameo": event.cameo,
        "cameo_label": cameo_label(event.cameo, lang),
        "text": pick(event.text, lang),
        "session": event.session,
        "document": event.document,
        "provenance": [citation_view(c) for c in event.provenance],
    }


def timeline_view(case: Case, events: list[Event], lang: str, filters: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "case": case.id,
        "lang": lang,
        "filters": filters,
        "count": len(events),
        "events": [event_view(case, e, lang) for e in events],
    }


def counts(case: Case) -> dict[str, int]:
    """How many records of each kind the case holds."""
    return {
        "sources": len(case.sources),
        "actors": len(case.actors),
        "issues": len(case.issues),
        "sessions": len(case.sessions),
        "documents": len(case.documents),
        "commitments": len(case.commitments()),
        "events": len(case.events),
        "scenarios": len(case.scenarios),
        "forecasts": len(case.forecasts),
        "conflicts": len(case.conflicts),
        "roadmaps": len(case.roadmaps),
        "implementation": len(case.implementation),
        "citations": sum(1 for _ in citations(case)),
    }


def session_view(case: Case, session: Session, lang: str) -> dict[str, Any]:
    return {
        "id": session.id,
        "kind": session.kind.value,
        "status": session.status.value,
        "title": pick(session.title, lang),
        "parent": session.parent,
        "date": str(session.date) if session.date else None,
        "date_text": session.date.format(lang) if session.date else None,
        "venue": pick(session.venue, lang) or None,
        "chair": session.chair,
        "parties": session.party_ids(),
        "delegations": [
            {
                "actor": d.actor,
                "head": pick(d.head.name, lang) if d.head else None,
                "title": pick(d.head.title, lang) if d.head and d.head.title else None,
            }
            for d in session.delegations
        ],
        "positions": len(session.positions),
        "documents": [d.id for d in case.documents_of(session.id)],
    }


def overview_view(case: Case, lang: str) -> dict[str, Any]:
    """The ``show`` command's data: parties, sessions in tree order, documents, counts."""
    ordered: list[Session] = []

    def visit(parent: str | None) -> None:
        for child in case.children_of(parent):
            ordered.append(child)
            visit(child.id)

    visit(None)  # every parent exists and there are no cycles: the loader checked both
    return {
        "version": JSON_VERSION,
        "case": case.id,
        "lang": lang,
        "title": pick(case.info.title, lang),
        "summary": pick(case.info.summary, lang),
        "parties": [{"id": p, "name": actor_name(case, p, lang)} for p in case.info.parties],
        "sessions": [session_view(case, s, lang) for s in ordered],
        "documents": [
            {
                "id": d.id,
                "kind": d.kind.value,
                "title": pick(d.title, lang),
                "date": str(d.date) if d.date else None,
                "date_text": d.date.format(lang) if d.date else None,
                "session": d.session,
                "commitments": len(d.commitments),
            }
            for d in sorted(case.documents, key=document_sort_key)
        ],
        "counts": counts(case),
    }
