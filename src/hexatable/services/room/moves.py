"""The moves a participant may send, one schema per event type: the single check every route shares.

REST (``POST /api/sessions/{id}/events``), the no-JavaScript form (``POST /room/{id}/act``) and the
WebSocket all hand the room service a plain mapping; :func:`parse_move` checks it against these
schemas (pydantic v2, a union discriminated on ``type``) before anything else looks at it. Types are
strict (``true`` is not a version, ``123`` is not a text), every string is bounded and free of control
characters, and a refusal names the field. Whether a well-formed move is *allowed* (the right version,
an issue on the agenda, the chair's turn) is the negotiation engine's question, asked afterwards.

>>> parse_move({"type": "message", "text": "  We need a written assurance. "})
{'type': 'message', 'text': 'We need a written assurance.'}
>>> try:
...     parse_move({"type": "support", "version": True})
... except MoveError as refused:
...     print(refused)
version: Input should be a valid integer
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

MAX_TEXT = 2000
"""Characters in a plenary or side-room message."""
MAX_ID = 64
"""Characters in an id: a seat, issue, option."""
MAX_ITEMS = 64
"""Entries in a list or mapping of ids (options of a draft, members of a side room, changes)."""
MAX_NUMBER = 100_000
"""The largest version, offer or side-room number a move may name."""
MAX_TITLE = 200
"""Characters in a session's title."""
MAX_CASE = 300
"""Characters in a ``case`` (a built-in id or a case folder's path)."""
MAX_BODY = 32 * 1024
"""Bytes in one move's JSON (a REST body or a WebSocket frame): a full message of Chinese text
escaped as ``\\uXXXX`` fits with room to spare."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def no_control_characters(value: str) -> str:
    """Refuse NUL and the other control characters (tab and line breaks are text); PostgreSQL refuses
    NUL in text, and the others have no business in a negotiation."""
    if _CONTROL.search(value):
        raise ValueError("control characters (such as NUL) are not allowed")
    return value


_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def no_blanks(value: str) -> str:
    """Refuse spaces and control characters in an id."""
    if _BLANK_OR_CONTROL.search(value):
        raise ValueError("an id has no spaces or control characters")
    return value


Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID), AfterValidator(no_blanks)]
"""A seat, issue or option id: 1 to 64 characters, no spaces or control characters."""
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(no_control_characters),
]
"""A message: 1 to 2,000 characters once the surrounding blanks are stripped."""
Number = Annotated[int, Field(strict=True, ge=1, le=MAX_NUMBER)]
Ids = Annotated[list[Id], Field(max_length=MAX_ITEMS)]


class _Move(BaseModel):
    """Fields every move may carry: the seat may name itself (the service checks it is the caller's)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    seat: Id | None = None


class TableDraftMove(_Move):
    type: Literal["table_draft"]
    options: Ids


class SupportMove(_Move):
    type: Literal["support"]
    version: Number


class ObjectMove(_Move):
    type: Literal["object"]
    version: Number
    issue: Id
    toward: Id | None = None


class ReserveMove(_Move):
    type: Literal["reserve"]
    version: Number


class AmendMove(_Move):
    type: Literal["amend"]
    version: Number
    changes: Annotated[dict[Id, Id], Field(max_length=MAX_ITEMS)]


class GoOnMove(_Move):
    type: Literal["go_on"]
    go_on: bool


class WalkOutMove(_Move):
    type: Literal["walk_out"]


class ReturnMove(_Move):
    type: Literal["return"]


class RecessMove(_Move):
    type: Literal["recess"]


class ResumeMove(_Move):
    type: Literal["resume"]


class CloseMove(_Move):
    type: Literal["close"]


class MessageMove(_Move):
    type: Literal["message"]
    text: Text


class ProposeMove(_Move):
    type: Literal["propose"]
    options: Ids


class AcceptMove(_Move):
    type: Literal["accept"]
    offer: Number


class EndMove(_Move):
    type: Literal["end"]


class SideRoomMove(_Move):
    type: Literal["side_room"]
    members: Annotated[list[Id], Field(max_length=16)]


class SideMessageMove(_Move):
    type: Literal["side_message"]
    room: Number
    text: Text


Move = Annotated[
    TableDraftMove
    | SupportMove
    | ObjectMove
    | ReserveMove
    | AmendMove
    | GoOnMove
    | WalkOutMove
    | ReturnMove
    | RecessMove
    | ResumeMove
    | CloseMove
    | MessageMove
    | ProposeMove
    | AcceptMove
    | EndMove
    | SideRoomMove
    | SideMessageMove,
    Field(discriminator="type"),
]
"""Any move a participant may send (the clock's ``time_up`` is not one: only the server records it)."""
MOVES: TypeAdapter[Move] = TypeAdapter(Move)
MOVE_TYPES: tuple[str, ...] = tuple(MOVES.json_schema()["discriminator"]["mapping"])


class MoveError(ValueError):
    """A move that does not fit its schema; ``field`` names where (``type`` for the kind itself)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def parse_move(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` checked against its type's schema, as plain data (absent optional fields left out,
    texts stripped); :class:`MoveError` naming the first field that does not fit."""
    if not isinstance(data, Mapping):
        raise MoveError("event", "an object with a 'type'")
    kind = data.get("type")
    if kind is None:
        raise MoveError("type", f"required; use one of {', '.join(MOVE_TYPES)}")
    if not isinstance(kind, str) or kind not in MOVE_TYPES:
        shown = repr(kind) if isinstance(kind, str) and len(kind) <= MAX_ID else "this"
        raise MoveError("type", f"unknown event type {shown}; use one of {', '.join(MOVE_TYPES)}")
    try:
        move = MOVES.validate_python(dict(data))
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"][1:]) or "event"
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"not a field of a {kind} event"
        raise MoveError(where, message) from None
    return move.model_dump(exclude_none=True)


def bounded_text(field: str, value: object, limit: int, *, blank: bool = True) -> str:
    """A free-text field of a request (a title, a case) checked for type, length and control characters
    before it reaches the database; :class:`MoveError` naming ``field`` otherwise."""
    if not isinstance(value, str):
        raise MoveError(field, "a string")
    if len(value) > limit:
        raise MoveError(field, f"at most {limit} characters")
    if not blank and not value.strip():
        raise MoveError(field, "required")
    try:
        return no_control_characters(value)
    except ValueError as error:
        raise MoveError(field, str(error)) from None
