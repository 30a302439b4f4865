"""Find every cross-reference in a record, from the :class:`~hexatable.case.models.Ref` markers.

A field typed ``ActorRef`` (or ``list[ActorRef]``, ``ActorRef | None``, inside nested records) holds
the id of an actor. :func:`references` walks a record and yields each reference with its path inside
the record, so the loader checks them all in one place and new fields need no new checking code.

>>> from hexatable.case.models import Delegation
>>> d = Delegation.model_validate({"actor": "PRK", "head": {"name": {"en": "Kim"}, "person": "kim"},
...     "provenance": [{"source": "s", "locator": "line 1", "quote": "q"}]})
>>> for path, ref, value in sorted(references(d), key=str):
...     print(path, ref.collection, value)
('actor',) actors PRK
('head', 'person') actors kim
('provenance', 0, 'source') sources s
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from hexatable.case.models import Citation, Ref

Path = tuple[str | int, ...]


def references(record: BaseModel, path: Path = ()) -> Iterator[tuple[Path, Ref, str]]:
    """Yield ``(path, ref, id)`` for every reference held by ``record`` and its nested records."""
    for name, annotation in _field_annotations(type(record)).items():
        yield from _walk(annotation, getattr(record, name), (*path, name))


@cache
def _field_annotations(model: type[BaseModel]) -> dict[str, Any]:
    annotations: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        annotation: Any = info.annotation
        if info.metadata:  # pydantic moves Annotated metadata of the outer type here
            annotation = Annotated[(annotation, *info.metadata)]
        annotations[name] = annotation
    return annotations


def _walk(annotation: Any, value: Any, path: Path) -> Iterator[tuple[Path, Ref, str]]:
    if value is None:
        return
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *metadata = get_args(annotation)
        for marker in metadata:
            if isinstance(marker, Ref):
                yield (path, marker, value)
                return
        yield from _walk(inner, value, path)
    elif origin is list:
        (item_type,) = get_args(annotation)
        for index, item in enumerate(value):
            yield from _walk(item_type, item, (*path, index))
    elif origin is dict:
        key_type, value_type = get_args(annotation)
        for key, item in value.items():
            yield from _walk(key_type, key, (*path, key))
            yield from _walk(value_type, item, (*path, key))
    elif origin in (Union, types.UnionType):
        for option in get_args(annotation):
            if option is not type(None):
                yield from _walk(option, value, path)
    elif isinstance(value, BaseModel):
        yield from references(value, path)


def citations(
    record: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterable[tuple[tuple[str | int, ...], Citation]]:
    """Every citation in a record and its nested records, with its path inside the record."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            here = (*path, name, index) if isinstance(value, list) else (*path, name)
            if isinstance(item, Citation):
                yield here, item
            elif isinstance(item, BaseModel):
                yield from citations(item, here)
