"""Plain text for terminals and logs: no colour, no markup, control characters removed from tree text."""

from __future__ import annotations

import re
import shlex
from typing import Any

from wallet_doctor.messages import msg

# Terminal control characters, bidirectional marks and overrides (U+061C is Arabic's), and the Unicode line
# and paragraph separators, which some terminals and editors break lines at (newline and tab are kept).
CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def clean(text: str) -> str:
    """Tree text made safe for a terminal: no escape sequences, no bidirectional overrides."""
    return _CONTROL.sub("", text)


def render_walk(data: dict[str, Any], command: list[str] | None = None) -> str:
    """The outcome, or the question still to answer, of `walk_data()` as plain text."""
    lang = data["lang"]
    lines: list[str] = []
    if data["path"]:
        lines.append(f"{msg('answers_so_far', lang)}:")
        lines.extend(f"  - {clean(step['text'])} -> {clean(step['label'])}" for step in data["path"])
        lines.append("")
    if "outcome" in data:
        lines.extend(outcome_lines(data["outcome"], lang))
    else:
        lines.extend(question_lines(data["question"], lang, command))
    return "\n".join(lines) + "\n"


def outcome_lines(outcome: dict[str, Any], lang: str) -> list[str]:
    severity = msg(f"severity.{outcome['severity']}", lang)
    lines = [
        f"{msg('diagnosis', lang)}: {clean(outcome['title'])}  [{msg('severity', lang)}: {severity}]",
        clean(outcome["summary"]),
        "",
        f"{msg('steps', lang)}:",
    ]
    for number, step in enumerate(outcome["steps"], 1):
        mark = f"[{msg('warning', lang)}] " if step["warning"] else ""
        lines.append(f"  {number}. {mark}{clean(step['text'])}")
    for key in ("prepare", "escalate"):
        if outcome[key]:
            lines += ["", f"{msg(key, lang)}:"]
            for item in outcome[key]:
                mark = f"[{msg('warning', lang)}] " if item["warning"] else ""
                lines.append(f"  - {mark}{clean(item['text'])}")
    if outcome["related"]:
        lines += ["", f"{msg('related', lang)}:"]
        lines.extend(f"  - {clean(r['title'])} (wallet-doctor run {r['tree']})" for r in outcome["related"])
    return lines


def question_lines(question: dict[str, Any], lang: str, command: list[str] | None) -> list[str]:
    lines = [f"{msg('question', lang)} ({question['id']}): {clean(question['text'])}"]
    if question["help"]:
        lines.append(f"  {msg('why', lang)}: {clean(question['help'])}")
    lines.append(f"{msg('choices', lang)}:")
    width = max(len(c["id"]) for c in question["choices"])
    lines.extend(f"  {c['id']:<{width}}  {clean(c['label'])}" for c in question["choices"])
    if command is not None:
        again = shlex.join([*command, "-a", f"{question['id']}=CHOICE"])
        lines += ["", f"{msg('answer_with', lang)}: {again}"]
    return lines
