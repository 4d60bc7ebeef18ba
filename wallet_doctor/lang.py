"""Which language to speak: --lang, then $WALLET_DOCTOR_LANG, then the locale, then Simplified Chinese."""

from __future__ import annotations

import os

from wallet_doctor.errors import WalletDoctorError
from wallet_doctor.model import LANGUAGES

LANG_ENV = "WALLET_DOCTOR_LANG"
DEFAULT = "zh-CN"


def normalise(value: str) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans' -> 'zh-CN'; 'en_GB' -> 'en'; anything else -> None."""
    code = value.strip().split(".")[0].replace("_", "-").lower()
    if code.startswith("zh"):
        return "zh-CN"
    if code == "en" or code.startswith("en-"):
        return "en"
    return None


def resolve(option: str | None) -> str:
    """The language to use. An explicit but unknown --lang or $WALLET_DOCTOR_LANG is an error (set for this
    program, it was meant); an unknown locale is not (it serves every program)."""
    if option:
        chosen = normalise(option)
        if chosen is None:
            raise WalletDoctorError(f"Unknown language '{option}'. Use one of: {', '.join(LANGUAGES)}.")
        return chosen
    setting = os.environ.get(LANG_ENV, "").strip()
    if setting:
        chosen = normalise(setting)
        if chosen is None:
            raise WalletDoctorError(
                f"Unknown language '{setting}' in ${LANG_ENV}. Use one of: {', '.join(LANGUAGES)}, or unset it."
            )
        return chosen
    for source in (
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        if source and (chosen := normalise(source)):
            return chosen
    return DEFAULT
