"""A walk's result as Markdown, for tickets and help-centre pages. Tree text is escaped, never markup."""

from __future__ import annotations

import re
from typing import Any

from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean

# Newlines are folded, so tree text is one line; only the characters that form markup inside a line are
# escaped, plus a marker that would open a block (heading, list, quote) where the text begins a list item.
# Fewer escapes keep the raw file readable.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")


_PLAIN = re.compile(r"[^\\`*_\[\]<>|~&\n\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]*")


def escape(text: str) -> str:
    """Tree text as literal Markdown, wherever it stands in a line."""
    if _PLAIN.fullmatch(text) and not _BLOCK_START.match(text):
        return text  # nearly all tree text: nothing to escape
    inline = _SPECIAL.sub(r"\\\1", clean(text).replace("\n", " "))
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", inline, count=1)


def render_walk(data: dict[str, Any]) -> str:
    lang = data["lang"]
    lines: list[str] = []
    if "outcome" in data:
        outcome = data["outcome"]
        severity = msg(f"severity.{outcome['severity']}", lang)
        lines += [
            f"# {msg('diagnosis', lang)}: {escape(outcome['title'])}",
            "",
            f"**{msg('severity', lang)}:** {severity}",
            "",
            escape(outcome["summary"]),
            "",
            f"## {msg('steps', lang)}",
            "",
        ]
        for number, step in enumerate(outcome["steps"], 1):
            mark = f"**{msg('warning', lang)}:** " if step["warning"] else ""
            lines.append(f"{number}. {mark}{escape(step['text'])}")
        for key in ("prepare", "escalate"):
            if outcome[key]:
                lines += ["", f"## {msg(key, lang)}", ""]
                for item in outcome[key]:
                    mark = f"**{msg('warning', lang)}:** " if item["warning"] else ""
                    box = "- [ ] " if key == "prepare" else "- "
                    lines.append(f"{box}{mark}{escape(item['text'])}")
        if outcome["related"]:
            lines += ["", f"## {msg('related', lang)}", ""]
            lines.extend(f"- {escape(r['title'])} (`{r['tree']}`)" for r in outcome["related"])
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
