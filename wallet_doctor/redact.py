"""Hide what must never travel in a report: card, phone and identity numbers in text the user typed."""

from __future__ import annotations

import re

# Longest patterns first, so that an 18-character ID is not taken for a phone number inside it.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ID",
        re.compile(
            r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])"
        ),
    ),
    ("CARD", re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")),
    ("PHONE", re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")),
    ("PHONE", re.compile(r"(?<![\d\w])\+\d{1,3}[ -]?\d(?:[ -]?\d){6,12}(?!\d)")),
    ("CODE", re.compile(r"(?<!\d)\d{6}(?!\d)")),
)


def redact(text: str) -> str:
    """`text` with identity numbers, card numbers, phone numbers and 6-digit codes replaced by [ID] etc."""
    for label, pattern in _PATTERNS:
        text = pattern.sub(f"[{label}]", text)
    return text
