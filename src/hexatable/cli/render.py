"""Rich renderings of the CLI's views: tables and trees for people; ``--json`` bypasses these."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from hexatable.case import Case
from hexatable.cli.views import actor_name

_HEADINGS = {
    "en": {
        "parties": "Parties",
        "sessions": "Sessions",
        "documents": "Documents",
        "date": "Date",
        "who": "Who → toward whom",
        "type": "Type",
        "event": "Event",
        "title": "Title",
        "kind": "Kind",
        "commitments": "Commitments",
        "counts": "Counts",
        "events": "events",
        "none": "No event matches these filters.",
        "heads": "heads of delegation",
    },
    "zh": {
        "parties": "参与方",
        "sessions": "会议",
        "documents": "文件",
        "date": "日期",
        "who": "行为方 → 对象",
        "type": "类型",
        "event": "事件",
        "title": "标题",
        "kind": "类别",
        "commitments": "承诺",
        "counts": "统计",
        "events": "个事件",
        "none": "没有符合筛选条件的事件。",
        "heads": "代表团团长",
    },
}


def heading(lang: str, key: str) -> str:
    return _HEADINGS.get(lang, _HEADINGS["en"])[key]


def _names(case: Case, ids: list[str], lang: str) -> str:
    return ", ".join(actor_name(case, i, lang) for i in ids)


def timeline_table(case: Case, view: dict[str, Any]) -> RenderableType:
    lang = view["lang"]
    if not view["events"]:
        return Text(heading(lang, "none"), style="yellow")
    table = Table(
        title=f"{case.info.title.get(lang, case.info.title['en'])} — {view['count']} "
        f"{heading(lang, 'events')}",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=True,
    )
    table.add_column(heading(lang, "date"), no_wrap=True, style="cyan")
    # Chinese has no spaces to wrap at: fold long texts instead of cutting them off.
    table.add_column(heading(lang, "who"), ratio=1, overflow="fold")
    table.add_column(heading(lang, "type"), ratio=1, style="magenta", overflow="fold")
    table.add_column(heading(lang, "event"), ratio=4, overflow="fold")
    for event in view["events"]:
        who = _names(case, event["actors"], lang)
        if event["targets"]:
            who += " → " + _names(case, event["targets"], lang)
        table.add_row(event["date_text"], who, f"{event['cameo']:02d} {event['cameo_label']}", event["text"])
    return table


def overview(case: Case, view: dict[str, Any]) -> RenderableType:
    lang = view["lang"]
    parts: list[RenderableType] = [
        Panel(view["summary"] or "", title=f"[bold]{view['title']}[/] ({view['case']})", expand=True)
    ]

    parties = Table(title=heading(lang, "parties"), box=box.SIMPLE_HEAD)
    parties.add_column("id", style="bold")
    parties.add_column("en")
    parties.add_column("zh")
    for party in view["parties"]:
        actor = case.actor_index[party["id"]]
        parties.add_row(party["id"], actor.names["en"], actor.names.get("zh", ""))
    parts.append(parties)

    tree = Tree(f"[bold]{heading(lang, 'sessions')}[/]")
    branches: dict[str | None, Tree] = {None: tree}
    for session in view["sessions"]:
        label = Text.assemble(
            (session["title"], "bold"),
            "  ",
            (session["date_text"] or "", "cyan"),
            "  ",
            (session["venue"] or "", "dim"),
        )
        if session["status"] != "held":
            label.append(f"  [{session['status']}]", style="yellow")
        if session["documents"]:
            label.append(f"  📄 {len(session['documents'])}", style="green")
        parent = branches.get(session["parent"], tree)
        branch = parent.add(label)
        heads = [
            f"{actor_name(case, d['actor'], lang)}: {d['head']}" for d in session["delegations"] if d["head"]
        ]
        if heads:
            branch.add(Text("; ".join(heads), style="dim"))
        branches[session["id"]] = branch
    parts.append(tree)

    documents = Table(title=heading(lang, "documents"), box=box.SIMPLE_HEAD, expand=True)
    documents.add_column(heading(lang, "date"), style="cyan", no_wrap=True)
    documents.add_column(heading(lang, "title"), ratio=3, overflow="fold")
    documents.add_column(heading(lang, "kind"), ratio=1)
    documents.add_column(heading(lang, "commitments"), justify="right")
    for document in view["documents"]:
        documents.add_row(
            document["date_text"] or "",
            document["title"],
            document["kind"].replace("_", " "),
            str(document["commitments"]),
        )
    parts.append(documents)

    counts = "  ".join(f"{name}: [bold]{n}[/]" for name, n in view["counts"].items())
    parts.append(Text.from_markup(f"{heading(lang, 'counts')}  {counts}"))
    return Group(*parts)


def print_problems(console: Console, problems: list[str]) -> None:
    """Print located problems, one per line, for the error stream."""
    for problem in problems:
        console.print(problem, markup=False, highlight=False, soft_wrap=True)
