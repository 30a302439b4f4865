"""hexatable: run, simulate and analyse multilateral negotiations.

The Six-Party Talks on the Korean Peninsula nuclear issue are the built-in case:

>>> import hexatable
>>> case = hexatable.open_case("p5-process")
>>> case.info.id
'p5-process'
"""

from hexatable.case import Case, CaseError, load_case, open_case

__all__ = ["Case", "CaseError", "load_case", "open_case"]
__version__ = "0.1.0"
