"""The program's own words (headings, prompts, errors), in every language of locales.py: one table per area
(wizard.py, probes.py, docs.py, commands.py, errors.py), looked up through msg().

Only the wizard's area is read at import (a scripted walk needs its headings and nothing else); the others are
imported the first time msg() is asked for a key the loaded areas do not hold. _MESSAGES and _AREAS (for the
tests) are the whole table."""

from __future__ import annotations

from typing import Any

from wallet_doctor.locales import fallback_chain
from wallet_doctor.messages import wizard

# One table: a key is written in one area only (tests/test_registries.py checks that none is written twice).
_loaded: dict[str, dict[str, str]] = dict(wizard.MESSAGES)
_areas: list[dict[str, dict[str, str]]] = [wizard.MESSAGES]


def _load_all() -> None:
    if len(_areas) == 1:
        from wallet_doctor.messages import commands, docs, errors, probes

        for area in (probes.MESSAGES, docs.MESSAGES, commands.MESSAGES, errors.MESSAGES):
            _areas.append(area)
            _loaded.update(area)


def __getattr__(name: str) -> Any:
    if name in ("_MESSAGES", "_AREAS"):
        _load_all()
        return _loaded if name == "_MESSAGES" else tuple(_areas)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def msg(key: str, lang: str) -> str:
    """The message `key` in `lang`, else in `lang`'s fallback languages in order (locales.py)."""
    texts = _loaded.get(key)
    if texts is None:
        _load_all()
        texts = _loaded[key]
    for code in fallback_chain(lang):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()))
