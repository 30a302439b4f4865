"""The case model (core layer): typed records of a negotiation, loading, validation and provenance.

>>> from hexatable.case import open_case
>>> case = open_case("six-party-talks")
>>> sorted(case.info.parties)
['CHN', 'JPN', 'KOR', 'PRK', 'RUS', 'USA']
"""

from hexatable.case.builtin import builtin_case_ids, case_folder, open_case
from hexatable.case.cameo import CAMEO_ROOTS, cameo_label
from hexatable.case.dates import DateSpan, PartialDate
from hexatable.case.loader import load_case
from hexatable.case.models import (
    Actor,
    ActorKind,
    Basis,
    Case,
    CaseInfo,
    Citation,
    Commitment,
    Document,
    DocumentKind,
    Event,
    Issue,
    Scenario,
    ScoreSheet,
    Session,
    SessionKind,
    Source,
)
from hexatable.case.problems import CaseError, Problem
from hexatable.case.text import pick
from hexatable.case.timeline import UnknownActorError, resolve_actor, timeline

__all__ = [
    "CAMEO_ROOTS",
    "Actor",
    "ActorKind",
    "Basis",
    "Case",
    "CaseError",
    "CaseInfo",
    "Citation",
    "Commitment",
    "DateSpan",
    "Document",
    "DocumentKind",
    "Event",
    "Issue",
    "PartialDate",
    "Problem",
    "Scenario",
    "ScoreSheet",
    "Session",
    "SessionKind",
    "Source",
    "UnknownActorError",
    "builtin_case_ids",
    "cameo_label",
    "case_folder",
    "load_case",
    "open_case",
    "pick",
    "resolve_actor",
    "timeline",
]
