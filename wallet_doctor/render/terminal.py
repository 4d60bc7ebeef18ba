"""The diagnosis for a person at a terminal, drawn with rich: a box with the severity, title and summary,
the numbered steps (conditional ones lettered under their condition), warnings set apart, then each section.
Lines are broken by wrap.py, which knows Chinese. Tree text is always passed as plain Text, never as markup."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from wallet_doctor.locales import locale
from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean, condition, letter

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

SEVERITY_STYLE = {
    "info": ("i", "blue"),
    "low": ("·", "green"),
    "medium": ("!", "yellow"),
    "high": ("!!", "red"),
    "critical": ("!!!", "bold white on red"),
}


MAX_WIDTH = 500  # terminal cells: wider than any real terminal


def terminal_size() -> os.terminal_size:
    """The terminal's columns and lines ($COLUMNS and $LINES first; 80 by 24 when there is no terminal):
    the one measure that the rich console and the wizard's prompts share. COLUMNS may say anything: it is
    held to MAX_WIDTH (100000000 once drew rules of 300 MB)."""
    import shutil

    size = shutil.get_terminal_size((80, 24))
    return os.terminal_size((min(MAX_WIDTH, size.columns), size.lines))


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
    """The outcome part of `walk_data()` as one rich renderable: `outcome_head`, `outcome_rest`, and the
    reminder never to share a secret."""
    from rich.console import Group
    from rich.text import Text

    return Group(outcome_head(outcome, lang), *outcome_rest(outcome["sections"], lang), Text(""), never_share(lang))


def outcome_head(outcome: dict[str, Any], lang: str) -> RenderableType:
    """What to do now, for the first screen: severity, title, summary, the numbered steps (a conditional
    group's steps lettered under its condition). Nothing else, so that it fits above the next prompt."""
    from rich.console import Group

    return Group(*(part for _, part in _head_parts(outcome, lang)))


def outcome_pages(outcome: dict[str, Any], lang: str, console: Console, room: int) -> list[tuple[int, RenderableType]]:
    """`outcome_head` cut into pages of at most `room` lines on `console`, never inside a step, for a
    terminal too short to show it whole above a prompt: (the number of the last step on it, the page)."""
    from rich.console import Group

    pages: list[tuple[int, RenderableType]] = []
    current: list[RenderableType] = []
    used = last = 0
    for number, part in _head_parts(outcome, lang):
        height = len(console.render_lines(part, console.options, pad=False))
        if number and current and used + height > room:
            pages.append((last, Group(*current)))
            current, used = [], 0
        current.append(part)
        used += height
        last = number or last
    pages.append((last, Group(*current)))
    return pages


def _head_parts(outcome: dict[str, Any], lang: str) -> list[tuple[int, RenderableType]]:
    """The head in pieces that stay whole: the box with the steps' heading (0), then each step by number."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    mark, style = SEVERITY_STYLE[outcome["severity"]]
    severity = msg(f"severity.{outcome['severity']}", lang)
    # The severity heads the box and the title goes inside it, so a long title wraps and never clips it.
    header = Text.assemble((f" {mark} ", style), " ", f"{msg('severity', lang)}{_colon(lang)}{severity} ")
    box = Group(
        Item(Text(""), Text(clean(outcome["title"]), style="bold")), Item(Text(""), Text(clean(outcome["summary"])))
    )
    parts: list[tuple[int, RenderableType]] = [
        (
            0,
            Group(
                Panel(box, title=header, title_align="left", border_style=style.split()[-1]),
                Text(msg("steps", lang), style="bold underline"),
            ),
        )
    ]
    numbers = len(str(len(outcome["steps"])))
    for number, step in enumerate(outcome["steps"], 1):
        label = Text(f"{number}.".rjust(numbers + 1) + " ", style="bold")
        if "if" in step:
            lines: list[RenderableType] = [Item(label, Text(condition(step["if"], lang), style="italic"))]
            for index, inner in enumerate(step["steps"]):
                lines.append(Item(Text(f"{letter(index)}. "), *_step_text(inner, lang), indent=numbers + 2))
            parts.append((number, Group(*lines)))
        else:
            parts.append((number, Item(label, *_step_text(step, lang))))
    return parts


def step_view(step: dict[str, Any], number: int, total: int, lang: str) -> RenderableType:
    """One step of an outcome alone, for the step-by-step walk: "Step k of n" and the step (a conditional
    group's condition, its steps lettered under it)."""
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    where = Rule(msg("walk.where", lang).format(number=number, total=total), style="dim", align="left")
    if "if" not in step:
        return Group(where, Item(Text(""), *_step_text(step, lang)))
    lines: list[RenderableType] = [where, Item(Text(""), Text(condition(step["if"], lang), style="italic"))]
    for index, inner in enumerate(step["steps"]):
        lines.append(Item(Text(f"{letter(index)}. "), *_step_text(inner, lang), indent=2))
    return Group(*lines)


def outcome_rest(sections: list[dict[str, Any]], lang: str) -> list[RenderableType]:
    """Each of `sections` (of `walk_data()`'s outcome) under its heading."""
    from rich.text import Text

    parts: list[RenderableType] = []
    for section in sections:
        parts += [Text(""), Text(clean(section["title"]), style="bold underline")]
        mark = _SECTION_MARK.get(section["id"], "-")
        for item in section["items"]:
            if item["warning"]:
                parts.append(Item(Text("⚠ ", style="bold red"), Text(clean(item["text"]), style="bold")))
            else:
                parts.append(Item(Text(f"{mark} "), Text(clean(item["text"]))))
    return parts


def never_share(lang: str) -> RenderableType:
    """The reminder never to share a password, code or recovery phrase."""
    from rich.text import Text

    return Item(Text(""), Text(msg("never_share", lang), style="italic"))


def outcome_summary(outcome: dict[str, Any], lang: str, report: str | None) -> RenderableType:
    """The last words of a walk: the diagnosis, its one or two most important steps (warnings first), and
    where the report was saved."""
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    severity = msg(f"severity.{outcome['severity']}", lang)
    parts: list[RenderableType] = [
        Rule(msg("summary.title", lang), style="dim"),
        Item(
            Text(f"{msg('diagnosis', lang)}{_colon(lang)}", style="bold"),
            Text(msg("summary.diagnosis", lang).format(title=clean(outcome["title"]), severity=severity)),
        ),
    ]
    steps = [(n, s) for n, s in enumerate(outcome["steps"], 1) if "if" not in s]
    first = sorted(steps, key=lambda pair: not pair[1]["warning"])[:2]
    if first:
        parts.append(Text(msg("summary.first", lang), style="bold"))
        parts += [Item(Text(f"{n}. ", style="bold"), *_step_text(step, lang)) for n, step in sorted(first)]
    if report is not None:
        parts.append(Item(Text(f"{msg('report.saved', lang)} "), Text(report)))
    parts.append(never_share(lang))
    return Group(*parts)


_SECTION_MARK = {"contact": "•", "prepare": "☐", "escalate": "→", "later": "•"}


def _colon(lang: str) -> str:
    return locale(lang).colon


def _step_text(step: dict[str, Any], lang: str) -> tuple[Text, int]:
    """A step's text, and how many of its first characters must stay on one line (a warning's label)."""
    from rich.text import Text

    if not step["warning"]:
        return Text(clean(step["text"])), 0
    label = f"⚠ {msg('warning', lang)}{_colon(lang)}"
    return Text.assemble((label, "bold red"), (clean(step["text"]), "bold")), len(label)


class Item:
    """A mark ("1. ", "a. ", "• ") and a text broken into lines by `wrap` (Chinese, English and mixed
    text each by their own rules), continuation lines under the text, the whole `indent` cells in."""

    def __init__(self, mark: Text, text: Text, keep: int = 0, indent: int = 0) -> None:
        self.mark, self.text, self.keep, self.indent = mark, text, keep, indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.text import Text

        from wallet_doctor.render.wrap import wrap

        lead = self.indent + cell_len(self.mark.plain)
        width = max(options.max_width - lead, 8)
        for number, (start, end) in enumerate(wrap(self.text.plain, width, self.keep, cell_len)):
            line = Text(" " * self.indent, no_wrap=True, overflow="ignore", end="\n")
            line.append_text(self.mark if number == 0 else Text(" " * cell_len(self.mark.plain)))
            line.append_text(self.text[start:end])
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement(min(options.max_width, 8 + self.indent), options.max_width)


def help_view(text: str, lang: str) -> RenderableType:
    """A question's help text in a box headed "Why we ask"."""
    from rich.panel import Panel
    from rich.text import Text

    body = Item(Text(""), Text(clean(text)))  # broken by wrap.py's rules, like the diagnosis
    return Panel(body, title=msg("why", lang), title_align="left", border_style="cyan")
