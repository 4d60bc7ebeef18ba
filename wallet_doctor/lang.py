"""Which language to speak: --lang, then $WALLET_DOCTOR_LANG, then the locale, then the default (Simplified
Chinese). What each language is and which locale settings it serves is in locales.py."""

from __future__ import annotations

import os

from wallet_doctor.errors import UnknownLanguage
from wallet_doctor.locales import DEFAULT, LANGUAGES, match

LANG_ENV = "WALLET_DOCTOR_LANG"


def normalise(value: str) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans' -> 'zh-CN'; 'en_GB' -> 'en'; anything else (zh-TW too) -> None."""
    return match(value)


def resolve(option: str | None) -> str:
    """The language to use. An explicit but unknown --lang is an error; a locale setting we do not speak
    (zh_TW.UTF-8, fr_FR) is passed over for the next, then the default."""
    if option:
        chosen = normalise(option)
        if chosen is None:
            raise UnknownLanguage(option, LANGUAGES)
        return chosen
    for source in (
        os.environ.get(LANG_ENV),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        if source and (chosen := normalise(source)):
            return chosen
    return DEFAULT
