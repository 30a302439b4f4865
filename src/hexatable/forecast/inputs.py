"""The input of every forecast model: actors with a capability, and per dimension a position and a salience.

A *dimension* is one numeric issue scale (an emission date, a 0–100 issue). Positions lie within the
scale's bounds; saliences are fractions in [0, 1] (a salience of 60 on the usual 0–100 form is 0.6);
capabilities are non-negative weights, of which only the ratios matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

CAPABILITY_LIMIT = 1e8
"""The largest capability accepted: KTAB's sanity limit (``smpread.cpp`` refuses above 10⁸). Larger
numbers overflow the products of capabilities the models form, and print as ``inf``."""


class ForecastInputError(ValueError):
    """The numbers cannot be forecast: ``field`` names what is wrong (``salience[2, 0]``)."""

    def __init__(self, field: str, message: str, where: str = "") -> None:
        self.field = field
        self.message = message
        self.where = where
        """Where the value was read (``file.csv:7``), when known."""
        super().__init__(f"{where}: {field}: {message}" if where else f"{field}: {message}")


@dataclass(frozen=True, eq=False)
class ForecastInput:
    """Actors, their capabilities, and their position and salience on each dimension.

    Parameters
    ----------
    actors
        Actor names, unique, in a fixed order (row ``i`` of every array).
    capability
        Shape ``(n,)``, non-negative, not all zero.
    position
        Shape ``(n, d)``: actor ``i``'s position on dimension ``k``.
    salience
        Shape ``(n, d)``, each in [0, 1].
    dimensions
        Dimension names, ``d`` of them.
    scale
        Shape ``(d, 2)``: the lower and upper bound of each dimension's scale.
    name
        A label for reports.
    origin
        Where each actor was read (``file.csv:7``), for messages; empty when not read from a file.

    Examples
    --------
    >>> data = ForecastInput.build(["A", "B"], [1, 1], [[0], [10]], [[1.0], [0.5]], scale=[(0, 10)])
    >>> data.n_actors, data.n_dimensions, data.position[:, 0].tolist()
    (2, 1, [0.0, 10.0])
    """

    actors: tuple[str, ...]
    capability: FloatArray
    position: FloatArray
    salience: FloatArray
    dimensions: tuple[str, ...]
    scale: FloatArray
    name: str = field(default="")
    origin: tuple[str, ...] = field(default=())

    def where(self, i: int) -> str:
        """Where actor ``i`` was read, or ``""``."""
        return self.origin[i] if i < len(self.origin) else ""

    def __post_init__(self) -> None:
        n, d = len(self.actors), len(self.dimensions)
        if n == 0:
            raise ForecastInputError("actors", "at least one actor is needed")
        if d == 0:
            raise ForecastInputError("dimensions", "at least one dimension is needed")
        if len(set(self.actors)) != n:
            duplicates = sorted({a for a in self.actors if self.actors.count(a) > 1})
            raise ForecastInputError("actors", f"duplicate actor names: {', '.join(duplicates)}")
        if len(set(self.dimensions)) != d:
            duplicates = sorted({x for x in self.dimensions if self.dimensions.count(x) > 1})
            raise ForecastInputError("dimensions", f"duplicate dimension names: {', '.join(duplicates)}")
        expected = {"capability": (n,), "position": (n, d), "salience": (n, d), "scale": (d, 2)}
        for name, shape in expected.items():
            array = getattr(self, name)
            if array.shape != shape:
                raise ForecastInputError(name, f"shape {array.shape}, expected {shape}")
            if not np.all(np.isfinite(array)):
                raise ForecastInputError(name, "values must be finite numbers")
            array.setflags(write=False)
        if np.any(self.capability < 0):
            i = int(np.argmin(self.capability))
            raise ForecastInputError(f"capability[{i}]", "must be ≥ 0", self.where(i))
        if np.any(self.capability > CAPABILITY_LIMIT):
            i = int(np.argmax(self.capability))
            raise ForecastInputError(
                f"capability[{i}]",
                f"{self.capability[i]:g} is above {CAPABILITY_LIMIT:g}, KTAB's limit (only ratios matter: "
                "divide every capability by the same number)",
                self.where(i),
            )
        if not self.capability.sum() > 0:
            raise ForecastInputError("capability", "at least one actor needs a positive capability")
        bad = np.argwhere((self.salience < 0) | (self.salience > 1))
        if bad.size:
            i, k = bad[0]
            raise ForecastInputError(f"salience[{i}, {k}]", f"{self.salience[i, k]} is not in [0, 1]")
        low, high = self.scale[:, 0], self.scale[:, 1]
        if np.any(high <= low):
            k = int(np.argmax(high <= low))
            raise ForecastInputError(f"scale[{k}]", "the upper bound must exceed the lower bound")
        outside = np.argwhere((self.position < low - 1e-9) | (self.position > high + 1e-9))
        if outside.size:
            i, k = outside[0]
            raise ForecastInputError(
                f"position[{i}, {k}]",
                f"{self.position[i, k]} is outside the scale [{low[k]:g}, {high[k]:g}]",
            )

    @classmethod
    def build(
        cls,
        actors: Sequence[str],
        capability: Sequence[float] | FloatArray,
        position: Sequence[Sequence[float]] | FloatArray,
        salience: Sequence[Sequence[float]] | FloatArray,
        *,
        dimensions: Sequence[str] | None = None,
        scale: Sequence[tuple[float, float]] | FloatArray | None = None,
        name: str = "",
        origin: Sequence[str] = (),
    ) -> ForecastInput:
        """Build an input from plain lists; the scale defaults to [0, 100] on every dimension."""
        position_array = np.asarray(position, dtype=np.float64)
        if position_array.ndim == 1:
            position_array = position_array[:, None]
        salience_array = np.asarray(salience, dtype=np.float64)
        if salience_array.ndim == 1:
            salience_array = salience_array[:, None]
        d = position_array.shape[1] if position_array.ndim == 2 else 0
        dims = tuple(dimensions) if dimensions is not None else tuple(f"dimension-{k + 1}" for k in range(d))
        scale_array = (
            np.asarray(scale, dtype=np.float64)
            if scale is not None
            else np.tile([0.0, 100.0], (len(dims), 1))
        )
        return cls(
            actors=tuple(actors),
            capability=np.asarray(capability, dtype=np.float64),
            position=position_array,
            salience=salience_array,
            dimensions=dims,
            scale=scale_array,
            name=name,
            origin=tuple(origin),
        )

    @property
    def n_actors(self) -> int:
        return len(self.actors)

    @property
    def n_dimensions(self) -> int:
        return len(self.dimensions)

    def dimension(self, k: int) -> ForecastInput:
        """The one-dimensional input of dimension ``k``."""
        return ForecastInput(
            actors=self.actors,
            capability=self.capability.copy(),
            position=self.position[:, k : k + 1].copy(),
            salience=self.salience[:, k : k + 1].copy(),
            dimensions=(self.dimensions[k],),
            scale=self.scale[k : k + 1].copy(),
            name=self.name,
            origin=self.origin,
        )

    def replace(
        self,
        *,
        capability: FloatArray | None = None,
        position: FloatArray | None = None,
        salience: FloatArray | None = None,
    ) -> ForecastInput:
        """A copy with some arrays replaced (used by the Monte Carlo perturbations)."""
        return ForecastInput(
            actors=self.actors,
            capability=self.capability.copy() if capability is None else capability,
            position=self.position.copy() if position is None else position,
            salience=self.salience.copy() if salience is None else salience,
            dimensions=self.dimensions,
            scale=self.scale.copy(),
            name=self.name,
            origin=self.origin,
        )
