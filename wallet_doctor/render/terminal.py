"""The diagnosis for a person at a terminal, drawn with rich: a header with a severity mark, numbered
steps, warnings set apart, a checklist. Tree text is always passed as plain Text, never as markup."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from wallet_doctor.locales import locale
from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean

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


def terminal_size() -> os.terminal_size:
    """The terminal's columns and lines ($COLUMNS and $LINES first; 80 by 24 when there is no terminal):
    the one measure that the rich console and the wizard's prompts share."""
    import shutil

    return shutil.get_terminal_size((80, 24))


def make_console(color: bool, width: int | None = None) -> Console:
    """A rich console for the wizard: `color` or none, `width` columns or the terminal's."""
    from rich.console import Console

    # rich assumes 80 columns on a dumb terminal unless given both dimensions; ask the terminal itself.
    size = terminal_size()
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
        text = Text(clean(step["text"]))
        if step["warning"]:
            # Chinese takes a full-width colon and no space: rich breaks lines at spaces, and a space here
            # would leave the label alone on its line before a long unspaced sentence.
            label = f"⚠ {msg('warning', lang)}{locale(lang).colon}"
            text = Text.assemble((label, "bold red"), (clean(step["text"]), "bold"))
        steps.add_row(Text(f"{number}.", style="bold"), text)
    parts += [Text(msg("steps", lang), style="bold underline"), steps]

    for key, mark in (("prepare", "☐"), ("escalate", "→")):
        if outcome[key]:
            listing = Table.grid(padding=(0, 1))
            listing.add_column(no_wrap=True)
            listing.add_column(ratio=1, overflow="fold")
            for item in outcome[key]:
                listing.add_row(*_bullet(mark, item))
            parts += [Text(""), Text(msg(key, lang), style="bold underline"), listing]
    parts += [Text(""), Text(msg("never_share", lang), style="italic")]
    return Group(*parts)


def _bullet(mark: str, item: dict[str, Any]) -> tuple[Text, Text]:
    from rich.text import Text

    if item["warning"]:
        return Text("⚠", style="bold red"), Text(clean(item["text"]), style="bold")
    return Text(mark), Text(clean(item["text"]))


def help_view(text: str, lang: str) -> RenderableType:
    """A question's help text in a panel titled "Why we ask", in `lang`."""
    from rich.panel import Panel
    from rich.text import Text

    return Panel(Text(clean(text)), title=msg("why", lang), title_align="left", border_style="cyan")
