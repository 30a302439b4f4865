"""The JSON Schema of a case file, for editors that validate YAML as it is typed."""

from __future__ import annotations

from typing import Any

from hexatable.case.models import CaseFile

SCHEMA_ID = "https://hexatable.org/schema/case-file.json"


def case_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every YAML file of a case folder satisfies."""
    schema = CaseFile.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
