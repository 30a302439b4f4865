"""The EC emission-standards case: Bueno de Mesquita (1994), table p. 78; Scholz, Calbert & Smith
(2011), Table 1. Positions are the year of introduction on a 4–10 scale; saliences are used as
probabilities (s / 100)."""

from __future__ import annotations

from hexatable.forecast.inputs import ForecastInput

ACTORS = (
    "Netherlands",
    "Belgium",
    "Luxembourg",
    "Germany",
    "France",
    "Italy",
    "UK",
    "Ireland",
    "Denmark",
    "Greece",
)
CAPABILITY = (0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08)
POSITION = (4, 7, 4, 4, 10, 10, 10, 7, 4, 7)
SALIENCE = (80, 40, 20, 80, 60, 60, 90, 10, 100, 70)

KTAB_CSV = (
    "EC emissions,Bueno de Mesquita 1994 p. 78,10,1,\nActor,Description,Power,Year,Salience,\n"
    + "".join(
        f"{a},,{c},{x},{s},\n" for a, c, x, s in zip(ACTORS, CAPABILITY, POSITION, SALIENCE, strict=True)
    )
)


def ec_emissions() -> ForecastInput:
    """The table as a forecast input on the 4–10 scale."""
    return ForecastInput.build(
        ACTORS,
        CAPABILITY,
        [[x] for x in POSITION],
        [[s / 100] for s in SALIENCE],
        dimensions=["year"],
        scale=[(4, 10)],
        name="EC emission standards",
    )
