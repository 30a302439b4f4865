"""The timeline of a case: events in date order, filtered by date, actor and event type.

An actor filter matches an event when the actor acts in it or is its target, directly or through a
person or group affiliated with it (``--actor PRK`` finds what Kim Jong Un did). Actors may be named
by id or by any of their names and aliases, in any language (``朝鲜``, ``DPRK``, ``North Korea``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hexatable.case.dates import PartialDate
from hexatable.case.models import Actor, Case, Event


class UnknownActorError(LookupError):
    """No actor of the case has this id or name."""

    def __init__(self, query: str, known: Iterable[str]) -> None:
        self.query = query
        super().__init__(f"no actor '{query}' in this case (actors: {', '.join(known)})")


def resolve_actor(case: Case, query: str) -> Actor:
    """The actor with id ``query`` (any case), or whose name, short name or alias is ``query``.

    >>> from hexatable.case import open_case
    >>> resolve_actor(open_case("six-party-talks"), "北韩").id
    'PRK'
    """
    wanted = query.strip().casefold()
    for actor in case.actors:
        if actor.id.casefold() == wanted:
            return actor
    for actor in case.actors:
        if any(name.casefold() == wanted for name in actor.all_names()):
            return actor
    raise UnknownActorError(query, (a.id for a in case.actors))


def involved(case: Case, event: Event) -> set[str]:
    """The ids of everyone in an event, with the actors their persons and groups belong to."""
    direct = {*event.actors, *event.targets}
    affiliations = {
        actor.affiliation
        for actor_id in direct
        if (actor := case.actor_index.get(actor_id)) and actor.affiliation
    }
    return direct | affiliations


def timeline(
    case: Case,
    *,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    actor: str | None = None,
    cameo: Iterable[int] = (),
) -> list[Event]:
    """The case's events in date order, keeping those that match every filter given.

    Parameters
    ----------
    since, until
        Keep events with a day in ``[since, until]``; a partial date covers its whole month or year.
    actor
        An actor id, name or alias (see :func:`resolve_actor`).
    cameo
        CAMEO root codes; keep events of any of them.

    >>> from hexatable.case import open_case
    >>> case = open_case("six-party-talks")
    >>> events = timeline(case, since=PartialDate(2007, 2), until=PartialDate(2007, 2), actor="PRK")
    >>> all(e.date.overlaps(dt.date(2007, 2, 1), dt.date(2007, 2, 28)) for e in events)
    True
    """
    start: dt.date | None = since.earliest() if since else None
    end: dt.date | None = until.latest() if until else None
    actor_id = resolve_actor(case, actor).id if actor else None
    codes = set(cameo)
    found = [
        event
        for event in case.events
        if event.date.overlaps(start, end)
        and (actor_id is None or actor_id in involved(case, event))
        and (not codes or event.cameo in codes)
    ]
    return sorted(found, key=lambda e: (e.date.sort_key(), e.id))
