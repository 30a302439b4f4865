"""The fixture the actor-role tests share (test_actors_passive_agent, test_actors_not_parties,
test_actors_scene_and_places): a fake gazetteer of the names they use, with the body each person
belongs to, a fake verb dictionary of their cues, and :func:`roles`, which runs ``extract`` on a text
and returns each event's actors and targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hexatable.ingest.extract import extract
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Lang
from tests.ingest.fakes import FakeFinder, FakeGazetteer, FakeVerbs

NAMES = {
    "美国": ("USA", None),
    "朝鲜": ("PRK", None),
    "中方": ("CHN", None),
    "中国": ("CHN", None),
    "韩国": ("KOR", None),
    "日本": ("JPN", None),
    "六方": ("CHN", None),
    "North Korea": ("PRK", None),
    "American": ("USA", None),
    "Japan": ("JPN", None),
    "China": ("CHN", None),
    "国际原子能机构": ("IAEA", None),
    "总干事甲": ("agency-chief", None),
    "联合国": ("UN", None),
    "the IAEA": ("IAEA", None),
    "Director Jia": ("agency-chief", None),
    "布什": ("george-bush", "USA"),
    "奥巴马": ("barack-obama", "USA"),
    "Bush": ("george-bush", "USA"),
    "US": ("USA", None),
}


BODIES = {"agency-chief": "IAEA"}


CUES = {
    "逮捕": 17,
    "批评": 11,
    "主持": 4,
    "发表声明": 1,
    "访问": 4,
    "宣布": 1,
    "会谈": 4,
    "提议": 3,
    "公布": 1,
    "同意": 3,
    "会见": 4,
    "制裁": 16,
    "支持": 5,
    "谴责": 11,
    "援助": 7,
    "blacklisted": 16,
    "反对": 11,
    "arrested": 17,
    "criticized": 11,
    "criticizes": 11,
    "visited": 4,
}


@dataclass
class BodiesGazetteer(FakeGazetteer):
    """The fake gazetteer, and the organisation each person belongs to (``Gazetteer.body_of``)."""

    bodies: dict[str, str] = field(default_factory=dict)

    def body_of(self, actor_id: str) -> str | None:
        return self.bodies.get(actor_id)


def roles(
    text: str, lang: Lang = "zh", names: dict[str, tuple[str, str | None]] | None = None
) -> list[tuple[list[str], list[str]]]:
    result = extract(
        document_from_text(text, name="t.txt"),
        lang=lang,
        gazetteer=BodiesGazetteer(names or NAMES, bodies=BODIES),
        verbs=FakeVerbs(CUES),
        source_id="t",
        finder=FakeFinder(lang, year=2009),
    )
    return [([a.actor for a in e.actors], sorted(t.actor for t in e.targets)) for e in result.events]
