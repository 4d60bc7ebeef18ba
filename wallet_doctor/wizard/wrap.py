"""Folding text to terminal cells, where a Chinese character takes two: menu labels and section rules."""

from __future__ import annotations


def wrap(text: str, width: int) -> str:
    """`text` folded to `width` terminal cells (Chinese counts double, and breaks by its own rules: see
    render/wrap.py), continuation lines indented."""
    from wallet_doctor.render.wrap import wrap as line_spans

    if cells(text) <= width:
        return text
    return "\n      ".join(text[start:end] for start, end in line_spans(text, width))


def rule(title: str, width: int) -> str:
    """`──── title ────` across `width` terminal cells (Chinese counts double); a title too long for that
    is folded, with the rule on the line under it."""
    used = cells(title)
    if used + 6 > width:  # too long for one line with its rules: the title folded, a rule under it
        from wallet_doctor.render.wrap import wrap as line_spans

        lines = [title[start:end].rstrip() for start, end in line_spans(title, width)]
        return "\n".join([*lines, "─" * width])
    side = max(2, (width - used - 2) // 2)
    return f"{'─' * side} {title} {'─' * max(2, width - used - 2 - side)}"


def cells(text: str) -> int:
    """The terminal cells `text` takes: two for a wide (Chinese) character, one for the others. Measured
    without rich, which the first question is drawn before."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
