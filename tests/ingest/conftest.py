"""The built-in gazetteer and verb dictionary as fixtures, read once a session
(:func:`tests.ingest.builtin_runs.builtin`). A test file that needs other dictionaries (a fake, a user's
layer) defines its own fixture of the same name, which takes the place of these in that file."""

from __future__ import annotations

import pytest

from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.verbs import VerbDictionary
from tests.ingest.builtin_runs import builtin


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return builtin()[0]


@pytest.fixture(scope="session")
def verbs() -> VerbDictionary:
    return builtin()[1]
