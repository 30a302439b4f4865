"""Read YAML and remember where every value stands, so errors can name line and column.

PyYAML composes the document into nodes that carry their marks; :func:`read_located` turns the node
tree into plain Python data (safe types only) and a map from each value's path to its position. A
mapping entry is located at its key (where a reader looks for a field); a list item at its first
character. Duplicate keys, which PyYAML would silently overwrite, are reported, and so is nesting deeper
than :data:`MAX_DEPTH` (libyaml composes recursively in C: 50,000 levels crash the interpreter).

>>> doc = read_located("events:\\n  - id: a\\n    date: 2003\\n")
>>> doc.data
{'events': [{'id': 'a', 'date': 2003}]}
>>> doc.where(("events", 0, "date"))
(3, 5)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

Path = tuple[str | int, ...]

_Loader: type[yaml.CSafeLoader | yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C loader where libyaml is available: much faster."""


MAX_DEPTH = 100
"""The deepest nesting of lists and mappings read (a case nests about 8 deep)."""

MAX_VALUES = 1_000_000
"""The most values (scalars, lists and mappings, aliases counted at each use) one document may hold.
The largest built-in case file holds a few thousand; an alias repeats what it names, so a few lines of
aliases of aliases could otherwise expand to billions."""

SAFE_COMPOSE_DEPTH = 5_000
"""Nesting libyaml composes safely (it recurses in C; 20,000 levels passed, 50,000 crashed). A text that
could nest deeper (by :func:`_depth_bound`) is scanned for its depth before it is composed."""


class YamlSyntaxError(Exception):
    """The text is not YAML we can read; ``line``/``column`` count from 1."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass
class LocatedDocument:
    data: object
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The position of the value at ``path``, or of its nearest located ancestor."""
        key = tuple(path)
        while key not in self.positions and key:
            key = key[:-1]
        return self.positions.get(key, (1, 1))

    def has(self, path: Sequence[str | int]) -> bool:
        return tuple(path) in self.positions


def read_located(text: str) -> LocatedDocument:
    """Parse ``text`` (one YAML document) into data and positions; raise :class:`YamlSyntaxError`."""
    try:
        if _depth_bound(text) > SAFE_COMPOSE_DEPTH:
            _check_depth(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(filter(None, [error.context, error.problem])) or "invalid YAML"
        raise YamlSyntaxError(line, column, f"YAML syntax: {message}") from None
    except yaml.YAMLError as error:  # e.g. a reader error on a control character
        raise YamlSyntaxError(1, 1, f"YAML syntax: {error}") from None
    document = LocatedDocument(data=None)
    if node is None:
        return document
    document.positions[()] = _mark(node)
    document.data = _convert(node, (), document.positions, 0, [0])
    return document


def _depth_bound(text: str) -> int:
    """An upper bound on the nesting of ``text``, cheaply: each flow level opens with a bracket, and a
    line's block levels are bounded by its indentation (two levels per step: a list under a key may
    share its indentation) plus its compact ``- - x`` entries, so by three times its length."""
    longest = max(map(len, text.splitlines()), default=0)
    return text.count("[") + text.count("{") + 3 * longest + 2


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, from the parser's events (libyaml's parser keeps
    its own stack; only composing recurses)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise YamlSyntaxError(line, column, f"YAML nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_STR = "tag:yaml.org,2002:str"
_constructor = yaml.SafeLoader("")  # only used to construct scalars with the safe resolver's types


def _convert(
    node: yaml.Node, path: Path, positions: dict[Path, tuple[int, int]], depth: int, built: list[int]
) -> object:
    if depth > MAX_DEPTH:
        raise YamlSyntaxError(*_mark(node), f"YAML nested more than {MAX_DEPTH} levels deep")
    built[0] += 1  # values built so far in this document
    if built[0] > MAX_VALUES:
        # Aliases copy what they name; aliases of aliases grow exponentially (a "billion laughs" file).
        raise YamlSyntaxError(
            *_mark(node), f"YAML expands to more than {MAX_VALUES:,} values (aliases of aliases?)"
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlSyntaxError(*_mark(key_node), "YAML merge keys (<<) are not supported")
            key = _convert(key_node, path, {}, depth + 1, built)
            if isinstance(key, list | dict):
                raise YamlSyntaxError(*_mark(key_node), "a mapping key must be a plain value")
            if key in result:
                raise YamlSyntaxError(*_mark(key_node), f"duplicate key '{key}'")
            child = (*path, str(key))
            positions[child] = _mark(key_node)
            result[key] = _convert(value_node, child, positions, depth + 1, built)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            child = (*path, index)
            positions[child] = _mark(item_node)
            items.append(_convert(item_node, child, positions, depth + 1, built))
        return items
    if node.tag == _STR:  # most scalars of a case are strings: skip the constructor machinery
        return node.value
    try:
        return _constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise YamlSyntaxError(*_mark(node), f"YAML: {error.problem}") from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise YamlSyntaxError(*_mark(node), f"YAML: {error}") from None
