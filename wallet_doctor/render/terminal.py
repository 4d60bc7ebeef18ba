"""The diagnosis for a person at a terminal, drawn with rich: a header with a severity mark, numbered
steps, warnings set apart, a checklist. Tree text is always passed as plain Text, never as markup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean, condition, letter

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

SEVERITY_STYLE = {
    "info": ("i", "blue"),
    "low": ("·", "green"),
    "medium": ("!", "yellow"),
    "high": ("!!", "red"),
    "critical": ("!!!", "bold white on red"),
}


def make_console(color: bool, width: int | None = None) -> Console:
    import shutil

    from rich.console import Console

    # rich assumes 80 columns on a dumb terminal unless given both dimensions; ask the terminal itself.
    size = shutil.get_terminal_size((80, 24))
    return Console(
        no_color=not color,
        highlight=False,
        emoji=False,
        width=width or size.columns,
        height=size.lines,
        soft_wrap=False,
    )


def outcome_view(outcome: dict[str, Any], lang: str) -> RenderableType:
    """The outcome part of `walk_data()` as one rich renderable."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    mark, style = SEVERITY_STYLE[outcome["severity"]]
    severity = msg(f"severity.{outcome['severity']}", lang)
    header = Text.assemble(
        (f" {mark} ", style),
        " ",
        (clean(outcome["title"]), "bold"),
        f"   [{msg('severity', lang)}: {severity}]",
    )
    parts: list[RenderableType] = [
        Panel(Text(clean(outcome["summary"])), title=header, title_align="left", border_style=style.split()[-1])
    ]

    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", no_wrap=True)
    steps.add_column(ratio=1, overflow="fold")
    for number, step in enumerate(outcome["steps"], 1):
        if "if" in step:
            steps.add_row(Text(f"{number}.", style="bold"), Text(condition(step["if"], lang), style="italic"))
            nested = Table.grid(padding=(0, 1))
            nested.add_column(justify="right", no_wrap=True)
            nested.add_column(ratio=1, overflow="fold")
            for index, inner in enumerate(step["steps"]):
                nested.add_row(Text(f"{letter(index)}."), _step_text(inner, lang))
            steps.add_row(Text(""), nested)
        else:
            steps.add_row(Text(f"{number}.", style="bold"), _step_text(step, lang))
    parts += [Text(msg("steps", lang), style="bold underline"), steps]

    for section in outcome["sections"]:
        mark = _SECTION_MARK.get(section["id"], "-")
        listing = Table.grid(padding=(0, 1))
        listing.add_column(no_wrap=True)
        listing.add_column(ratio=1, overflow="fold")
        for item in section["items"]:
            listing.add_row(*_bullet(mark, item))
        parts += [Text(""), Text(clean(section["title"]), style="bold underline"), listing]
    parts += [Text(""), Text(msg("never_share", lang), style="italic")]
    return Group(*parts)


_SECTION_MARK = {"contact": "•", "prepare": "☐", "escalate": "→", "later": "•"}


def _step_text(step: dict[str, Any], lang: str) -> Text:
    from rich.text import Text

    if not step["warning"]:
        return Text(clean(step["text"]))
    # Chinese takes a full-width colon and no space: rich breaks lines at spaces, and a space here
    # would leave the label alone on its line before a long unspaced sentence.
    label = f"⚠ {msg('warning', lang)}" + ("：" if lang == "zh-CN" else ": ")
    return Text.assemble((label, "bold red"), (clean(step["text"]), "bold"))


def _bullet(mark: str, item: dict[str, Any]) -> tuple[Text, Text]:
    from rich.text import Text

    if item["warning"]:
        return Text("⚠", style="bold red"), Text(clean(item["text"]), style="bold")
    return Text(mark), Text(clean(item["text"]))


def help_view(text: str, lang: str) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    return Panel(Text(clean(text)), title=msg("why", lang), title_align="left", border_style="cyan")
