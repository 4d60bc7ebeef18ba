"""Which language to speak: --lang, then $WALLET_DOCTOR_LANG, then the locale, then the default (Simplified
Chinese). What each language is and which locale settings it serves is in locales.py."""

from __future__ import annotations

import os

from wallet_doctor.errors import UnknownLanguage, WordedError
from wallet_doctor.locales import DEFAULT, ELSEWHERE, LANGUAGES, match

LANG_ENV = "WALLET_DOCTOR_LANG"


def normalise(value: str) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans' -> 'zh-CN'; 'en_GB' -> 'en'; anything else (zh-TW too) -> None."""
    return match(value)


def resolve(option: str | None) -> str:
    """The language to use. An explicit but unknown --lang or $WALLET_DOCTOR_LANG is an error (set for this
    program, it was meant); a locale setting we do not speak (zh_TW.UTF-8, fr_FR) is passed over for the
    next, then the default (it serves every program)."""
    if option:
        chosen = normalise(option)
        if chosen is None:
            raise UnknownLanguage(option, LANGUAGES)
        return chosen
    setting = os.environ.get(LANG_ENV, "").strip()
    if setting:
        chosen = normalise(setting)
        if chosen is None:
            raise WordedError(
                "error.unknown_language_env", given=setting, variable=LANG_ENV, known=", ".join(LANGUAGES)
            )
        return chosen
    return from_locale()


def from_locale() -> str:
    """The language the locale settings ask for (LC_ALL, LC_MESSAGES, LANG, the first we speak); English
    when they name only languages we do not (fr_FR, C, zh_TW); the default when none is set at all."""
    settings = [s for s in (os.environ.get(n, "").strip() for n in ("LC_ALL", "LC_MESSAGES", "LANG")) if s]
    for source in settings:
        if chosen := normalise(source):
            return chosen
    return ELSEWHERE if settings else DEFAULT
