"""Runs of ``extract`` over a text of ours with the built-in gazetteer and verb dictionary, and the rows
the tests compare: each event's actor ids, target ids and CAMEO root.

:func:`builtin` loads the two dictionaries once a session; tests/ingest/conftest.py hands the same pair
to the tests as the fixtures ``gazetteer`` and ``verbs``. A runner given no dictionaries uses them too;
a test that needs others (a user's layer, a fake) passes its own.
"""

from __future__ import annotations

from functools import cache

from hexatable.ingest.extract import Extraction, extract
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from hexatable.ingest.verbs import VerbDictionary


@cache
def builtin() -> tuple[Gazetteer, VerbDictionary]:
    """The built-in gazetteer and verb dictionary, read once."""
    return Gazetteer.builtin(), VerbDictionary.builtin()


def run(
    text: str, gazetteer: Gazetteer | None = None, verbs: VerbDictionary | None = None, *, lang: Lang = "en"
) -> Extraction:
    """What ``extract`` finds in ``text`` (one file, ``t.txt``) with these dictionaries, the built-in
    ones where none is given."""
    builtin_gazetteer, builtin_verbs = builtin()
    return extract(
        document_from_text(text, name="t.txt"),
        lang=lang,
        gazetteer=builtin_gazetteer if gazetteer is None else gazetteer,
        verbs=builtin_verbs if verbs is None else verbs,
        source_id="t",
    )


def roles_of(result: Extraction) -> list[tuple[list[str], list[str]]]:
    """(actor ids, target ids) of each event of ``result``, in the order found."""
    return [([a.actor for a in e.actors], [t.actor for t in e.targets]) for e in result.events]


def roles(
    text: str, gazetteer: Gazetteer | None = None, verbs: VerbDictionary | None = None, *, lang: Lang = "en"
) -> list[tuple[list[str], list[str]]]:
    """(actor ids, target ids) of each event :func:`run` finds in ``text``."""
    return roles_of(run(text, gazetteer, verbs, lang=lang))


def events(
    text: str, gazetteer: Gazetteer | None = None, verbs: VerbDictionary | None = None, *, lang: Lang = "en"
) -> list[tuple[list[str], list[str], int]]:
    """(actor ids, target ids, CAMEO root) of each event :func:`run` finds in ``text``."""
    return [
        ([a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo)
        for e in run(text, gazetteer, verbs, lang=lang).events
    ]


def actor_codes(
    text: str, gazetteer: Gazetteer | None = None, verbs: VerbDictionary | None = None, *, lang: Lang = "en"
) -> list[tuple[list[str], int]]:
    """(actor ids, CAMEO root) of each event :func:`run` finds in ``text``."""
    return [([a.actor for a in e.actors], e.cameo) for e in run(text, gazetteer, verbs, lang=lang).events]
