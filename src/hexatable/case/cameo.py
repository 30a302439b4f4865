"""CAMEO event root codes (Gerner, Schrodt, Yilmaz & Abu-Jabr 2002, *Conflict and Mediation Event
Observations (CAMEO): A New Event Data Framework for the Analysis of Foreign Policy Interactions*).

Events of a case are typed by the twenty root codes; the labels here are the codebook's, in English and
in our Chinese rendering.

>>> CAMEO_ROOTS[4]["en"]
'consult'
>>> cameo_label(15, "zh")
'展示军事态势'
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

CAMEO_ROOTS: dict[int, dict[str, str]] = {
    1: {"en": "make public statement", "zh": "发表公开声明"},
    2: {"en": "appeal", "zh": "呼吁"},
    3: {"en": "express intent to cooperate", "zh": "表达合作意向"},
    4: {"en": "consult", "zh": "磋商"},
    5: {"en": "engage in diplomatic cooperation", "zh": "开展外交合作"},
    6: {"en": "engage in material cooperation", "zh": "开展物质合作"},
    7: {"en": "provide aid", "zh": "提供援助"},
    8: {"en": "yield", "zh": "让步"},
    9: {"en": "investigate", "zh": "调查"},
    10: {"en": "demand", "zh": "要求"},
    11: {"en": "disapprove", "zh": "不赞成"},
    12: {"en": "reject", "zh": "拒绝"},
    13: {"en": "threaten", "zh": "威胁"},
    14: {"en": "protest", "zh": "抗议"},
    15: {"en": "exhibit military posture", "zh": "展示军事态势"},
    16: {"en": "reduce relations", "zh": "降低关系"},
    17: {"en": "coerce", "zh": "强制"},
    18: {"en": "assault", "zh": "攻击"},
    19: {"en": "fight", "zh": "交战"},
    20: {"en": "use unconventional mass violence", "zh": "使用非常规大规模暴力"},
}


def parse_cameo(value: object) -> object:
    """Accept ``4``, ``"4"`` and ``"04"``; anything else is left for the integer check."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


CameoCode = Annotated[int, Field(ge=1, le=20), BeforeValidator(parse_cameo)]
"""A CAMEO root code, 1 to 20."""


def cameo_label(code: int, lang: str = "en") -> str:
    """The readable label of a root code in ``lang`` (English if the language is unknown)."""
    labels = CAMEO_ROOTS[code]
    return labels.get(lang, labels["en"])
