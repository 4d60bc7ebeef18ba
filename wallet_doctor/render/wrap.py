"""Line breaking for Chinese, English and mixed text in a terminal.

rich breaks lines at spaces and folds anything longer, which suits English only: in Chinese it leaves a
line starting with "，", splits "2023 年" or "约 8 天" at the space, and folds a long unspaced sentence after
a lone warning label. These rules are the usual ones for Chinese (line-start and line-end prohibited
punctuation) plus a few for mixed text:

- a line may break at a space, or between two characters when one of them is wide (Chinese);
- never before closing punctuation (，。、；：！？）」 and their ASCII forms), never after an opening one;
- never between a number and what follows it (its unit: "8 天", "15 days", "T+1（UPI"), nor inside a run of
  ASCII letters, digits and symbols (an English word, "96110", "96/110", "Wi-Fi");
- never inside the first `keep` characters (a label such as "⚠ 注意：" stays with the first word after it).

A piece longer than the whole width is cut where it must be: nothing is ever lost.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

NO_LINE_START = frozenset("，。、；：！？）】」』》〉”’…‥％%,.;:!?)]}·～〕｝")
NO_LINE_END = frozenset("（【「『《〈“‘([{〔｛")


@lru_cache(maxsize=4096)
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def cells(text: str) -> int:
    """The width of `text` in terminal cells: 2 for a wide (Chinese) character, else 1."""
    return sum(2 if _wide(c) else 1 for c in text)


def _may_break_between(before: str, after: str) -> bool:
    """Whether a line may end between two adjacent non-space characters."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before.isdigit() and _wide(after):
        return False  # a number and its unit: 8天, 3个
    return _wide(before) or _wide(after)


def break_points(text: str, keep: int = 0) -> list[tuple[int, int]]:
    """Where a line may end: (end of this line, start of the next), in order. At a space the space is
    dropped; between two characters nothing is."""
    points: list[tuple[int, int]] = []
    index = 1
    length = len(text)
    while index < length:
        char = text[index]
        if char.isspace():
            end = index
            while index < length and text[index].isspace():
                index += 1
            if index >= length or end <= keep:
                continue
            before, after = text[end - 1], text[index]
            if before.isdigit() or before in NO_LINE_END or after in NO_LINE_START:
                continue  # "8 天", "15 days": a number stays with its unit
            points.append((end, index))
            continue
        before = text[index - 1]
        if index > keep and not before.isspace() and _may_break_between(before, char):
            points.append((index, index))
        index += 1
    return points


def wrap(text: str, width: int, keep: int = 0, measure: Callable[[str], int] = cells) -> list[tuple[int, int]]:
    """`text` as lines of at most `width` cells (a wide character counts 2): (start, end) of each line.
    `measure` gives a piece's width (pass rich's cell_len to agree with rich exactly)."""
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    start = 0
    points = break_points(text, keep)
    position = 0
    while measure(text[start:]) > width:
        best: tuple[int, int] | None = None
        while position < len(points) and measure(text[start : points[position][0]]) <= width:
            if points[position][0] > start:
                best = points[position]
            position += 1
        if best is None:  # one piece is wider than the line: at a space if it has one, else where it must
            end = start + 1
            while end < len(text) and measure(text[start : end + 1]) <= width:
                end += 1
            space = text.rfind(" ", max(start, keep) + 1, end + 1)
            following = end
            if space > start:
                end, following = space, space + 1
                while following < len(text) and text[following] == " ":
                    following += 1
            lines.append((start, end))
            start = following
            while position < len(points) and points[position][0] <= start:
                position += 1
            continue
        lines.append((start, best[0]))
        start = best[1]
    lines.append((start, len(text)))
    return lines


def prompt_lines(message: str, instruction: str, width: int) -> tuple[str, str, Callable[[str], str]]:
    """A questionary prompt laid out for a terminal `width` cells wide, so the terminal never cuts a word:
    the question broken into lines after its "? ", the key instruction on a line of its own when it would
    not fit after it, and a function that breaks an answer to be echoed after the question's last line."""
    message = message.strip()
    message = "\n  ".join(message[start:end] for start, end in wrap(message, width - 3))
    column = 2 + cells(message.rsplit("\n", 1)[-1].lstrip()) + 1  # "? " or the indent, the text, a space
    if instruction and column + cells(instruction) > width:
        # On lines of its own, itself broken when longer than one ("Question 3 of about 12 (↑↓ ...)").
        instruction = "\n  " + "\n  ".join(instruction[s:e].rstrip() for s, e in wrap(instruction, width - 3))

    def echo(answer: str) -> str:
        # A stand-in for what the line already holds, so the answer breaks as if it were printed after it.
        lead = "x" * max(column - 1, 0)
        line = f"{lead} {answer}"
        lines = [line[start:end] for start, end in wrap(line, width - 3, keep=len(lead) - 1)]
        first = lines[0][len(lead) + 1 :]
        return "\n  ".join([first, *lines[1:]]) if first else "\n  " + "\n  ".join(lines[1:])

    return message, instruction, echo
