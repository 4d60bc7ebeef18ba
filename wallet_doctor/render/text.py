"""Plain text for terminals and logs: no colour, no markup, control characters removed from tree text."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, Any

from wallet_doctor.controls import CONTROL_CHARACTERS
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg

if TYPE_CHECKING:
    from wallet_doctor.render.shapes import QuestionData, WalkData

_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def clean(text: str) -> str:
    """Tree text made safe for a terminal: no escape sequences, no bidirectional overrides."""
    return _CONTROL.sub("", text)


def render_walk(data: WalkData, command: list[str] | None = None) -> str:
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
    if "describe" in data:
        lines.append(f"{data['describe']['text']}: wallet-doctor search WORDS")
    return "\n".join(lines) + "\n"


def outcome_lines(outcome: dict[str, Any], lang: str) -> list[str]:
    """Title and severity, the summary, the numbered steps (a conditional group's steps lettered under its
    condition), then each section once, then related trees."""
    severity = msg(f"severity.{outcome['severity']}", lang)
    lines = [
        f"{msg('diagnosis', lang)}: {clean(outcome['title'])}  [{msg('severity', lang)}: {severity}]",
        clean(outcome["summary"]),
        "",
        f"{msg('steps', lang)}:",
    ]
    for number, step in enumerate(outcome["steps"], 1):
        if "if" in step:
            lines.append(f"  {number}. {condition(step['if'], lang)}")
            lines.extend(f"     {letter(n)}. {_marked(s, lang)}" for n, s in enumerate(step["steps"]))
        else:
            lines.append(f"  {number}. {_marked(step, lang)}")
    for section in outcome["sections"]:
        lines += ["", f"{clean(section['title'])}:"]
        lines.extend(f"  - {_marked(item, lang)}" for item in section["items"])
    if outcome["related"]:
        lines += ["", f"{msg('related', lang)}:"]
        lines.extend(f"  - {clean(r['title'])} (wallet-doctor run {r['tree']})" for r in outcome["related"])
    return lines


def condition(text: str, lang: str) -> str:
    """A conditional group's condition as a lead-in: as written, ending in the language's colon once."""
    return clean(text).rstrip().rstrip(":：") + locale(lang).colon.rstrip()


def letter(index: int) -> str:
    """a, b, c ... for the steps of a conditional group (z, then aa: a group holds at most 8)."""
    return chr(ord("a") + index) if index < 26 else f"a{chr(ord('a') + index - 26)}"


def _marked(item: dict[str, Any], lang: str) -> str:
    mark = f"[{msg('warning', lang)}] " if item["warning"] else ""
    return f"{mark}{clean(item['text'])}"


def question_lines(question: QuestionData, lang: str, command: list[str] | None) -> list[str]:
    """The question of `walk_data()` as plain lines; with `command`, how to answer it."""
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
