"""The program's own words (headings, prompts, errors), in every language of locales.py: one table per area
(wizard.py, probes.py, docs.py, commands.py, errors.py), looked up through msg()."""

from __future__ import annotations

from wallet_doctor.locales import fallback_chain
from wallet_doctor.messages import commands, docs, errors, probes, wizard

# One table: a key is written in one area only (tests/test_registries.py checks that none is written twice).
_AREAS = (wizard.MESSAGES, probes.MESSAGES, docs.MESSAGES, commands.MESSAGES, errors.MESSAGES)
_MESSAGES: dict[str, dict[str, str]] = {key: texts for area in _AREAS for key, texts in area.items()}


def msg(key: str, lang: str) -> str:
    """The message `key` in `lang`, else in `lang`'s fallback languages in order (locales.py)."""
    texts = _MESSAGES[key]
    for code in fallback_chain(lang):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()))
