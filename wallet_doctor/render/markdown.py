"""A walk's result as Markdown, for tickets and help-centre pages. Tree text is escaped, never markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from wallet_doctor.controls import CONTROL_CHARACTERS
from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean, condition

if TYPE_CHECKING:
    from wallet_doctor.render.shapes import WalkData

# Newlines are folded, so tree text is one line; only the characters that form markup inside a line are
# escaped, plus a marker that would open a block (heading, list, quote) where the text begins a list item.
# Fewer escapes keep the raw file readable.
# `$` starts maths on GitHub; a bare URL (`https://...`, `www....`) becomes a link there: an escaped `:` or
# `.` keeps it text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_BARE_LINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<![\w.])(?i:www)(\.)")
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")


# Text with none of the above, no newline, tab or control character, and no bare link: returned as it is.
_PLAIN = re.compile(rf"[^\\`*_\[\]<>|~&$\n\t{CONTROL_CHARACTERS}]*")


def escape(text: str) -> str:
    """Tree text as literal Markdown, wherever it stands in a line."""
    if _PLAIN.fullmatch(text) and not _BLOCK_START.match(text) and not _BARE_LINK.search(text):
        return text  # nearly all tree text: nothing to escape
    inline = _SPECIAL.sub(r"\\\1", clean(text).replace("\n", " "))
    inline = _BARE_LINK.sub(lambda m: "\\:" if m[1] else m[0][:-1] + "\\.", inline)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", inline, count=1)


def outcome_lines(outcome: dict[str, Any], lang: str, level: int = 1, ids: bool = True) -> list[str]:
    """The outcome part of `walk_data()` as Markdown lines, its title a heading of `level`; without `ids`,
    no tree id beside a related problem's title (a case report is read by people, not scripts)."""
    title, heading = "#" * level, "#" * (level + 1)
    severity = msg(f"severity.{outcome['severity']}", lang)
    lines = [
        f"{title} {msg('diagnosis', lang)}: {escape(outcome['title'])}",
        "",
        f"**{msg('severity', lang)}:** {severity}",
        "",
        escape(outcome["summary"]),
        "",
        f"{heading} {msg('steps', lang)}",
        "",
    ]
    for number, step in enumerate(outcome["steps"], 1):
        if "if" in step:
            lines.append(f"{number}. *{escape(condition(step['if'], lang))}*")
            indent = " " * len(f"{number}. ")  # CommonMark nests a list under the item's text column
            lines.extend(f"{indent}- {_warning(s, lang)}{escape(s['text'])}" for s in step["steps"])
        else:
            lines.append(f"{number}. {_warning(step, lang)}{escape(step['text'])}")
    for section in outcome["sections"]:
        lines += ["", f"{heading} {escape(section['title'])}", ""]
        box = "- [ ] " if section["id"] == "prepare" else "- "
        lines.extend(f"{box}{_warning(item, lang)}{escape(item['text'])}" for item in section["items"])
    if outcome["related"]:
        lines += ["", f"{heading} {msg('related', lang)}", ""]
        lines.extend(f"- {escape(r['title'])}" + (f" (`{r['tree']}`)" if ids else "") for r in outcome["related"])
    return lines


def _warning(item: dict[str, Any], lang: str) -> str:
    return f"**{msg('warning', lang)}:** " if item["warning"] else ""


def render_walk(data: WalkData) -> str:
    """The outcome, or the question still to answer, of `walk_data()` as Markdown."""
    lang = data["lang"]
    lines: list[str] = []
    if "outcome" in data:
        lines += outcome_lines(data["outcome"], lang)
    else:
        question = data["question"]
        lines += [f"# {msg('question', lang)}: {escape(question['text'])}", ""]
        if question["help"]:
            lines += [f"*{msg('why', lang)}:* {escape(question['help'])}", ""]
        lines.extend(f"- `{c['id']}`: {escape(c['label'])}" for c in question["choices"])
    if data["path"]:
        lines += ["", f"## {msg('answers_so_far', lang)}", ""]
        lines.extend(f"- {escape(s['text'])} → {escape(s['label'])}" for s in data["path"])
    return "\n".join(lines) + "\n"
