"""Folding text to terminal cells, where a Chinese character takes two: menu labels and section rules."""

from __future__ import annotations


def wrap(text: str, width: int) -> str:
    """`text` folded to `width` terminal cells (Chinese counts double), continuation lines indented."""
    if cells(text) <= width:
        return text
    lines: list[str] = []
    line = ""
    for word in breakable(text):
        if line and cells(line + word) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    lines.append(line.rstrip())
    return "\n      ".join(lines)


def breakable(text: str) -> list[str]:
    """Pieces a line may break between: English words with their trailing space, single CJK characters."""
    import re

    return re.findall(
        r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|\s+", text
    )


def rule(title: str, width: int) -> str:
    """`──── title ────` across `width` terminal cells (Chinese counts double)."""
    used = cells(title)
    side = max(2, (width - used - 2) // 2)
    return f"{'─' * side} {title} {'─' * max(2, width - used - 2 - side)}"


def cells(text: str) -> int:
    """The terminal cells `text` takes: two for a wide (Chinese) character, one for the others. Measured
    without rich, which the first question is drawn before."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
