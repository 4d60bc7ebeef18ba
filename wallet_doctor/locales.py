"""The languages wallet-doctor speaks, as data: one entry per language, from which everything else derives
(the languages a tree must be written in, `--lang`'s choices, locale matching, punctuation, fallbacks).

Adding a language is one entry here, its words in messages/ and its texts in the trees."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    """One language: its code, its name in itself, its punctuation, and where to look when a text is missing."""

    code: str  # as trees and --lang write it
    name: str  # in the language itself, for language switchers
    colon: str  # after a label: "Warning: ..."
    list_separator: str  # between the items of an inline list
    sentence_separator: str  # between two sentences
    fallback: tuple[str, ...]  # the languages to use, in order, for a text missing in this one
    serves: tuple[str, ...]  # lower-case locale tags this language serves, with any longer tag they begin
    serves_exactly: tuple[str, ...] = ()  # tags served only when given exactly (a bare "zh")


LOCALES: dict[str, Locale] = {
    locale.code: locale
    for locale in (
        # Simplified Chinese. Traditional Chinese (zh-TW, zh-HK, zh-Hant) is another language, not this one.
        Locale(
            code="zh-CN",
            name="简体中文",
            colon="：",
            list_separator="、",
            sentence_separator="",
            fallback=("en",),
            serves=("zh-cn", "zh-hans", "zh-sg", "zh-my"),
            serves_exactly=("zh",),
        ),
        Locale(
            code="en",
            name="English",
            colon=": ",
            list_separator=", ",
            sentence_separator=" ",
            fallback=("zh-CN",),
            serves=("en",),
        ),
    )
}
LANGUAGES: tuple[str, ...] = tuple(LOCALES)
DEFAULT = "zh-CN"  # for a user whose environment names no language at all
# For locale settings that name only languages we do not speak (fr_FR, C, POSIX, zh_TW): English is the
# likelier second language there (and Traditional Chinese is never silently made Simplified).
ELSEWHERE = "en"


def locale(lang: str) -> Locale:
    """The entry for `lang` (one of LANGUAGES)."""
    return LOCALES[lang]


def fallback_chain(lang: str) -> tuple[str, ...]:
    """`lang`, then the languages its missing texts fall back to, in order."""
    entry = LOCALES.get(lang)
    return (lang, *entry.fallback) if entry is not None else (lang, *LANGUAGES)


def match(value: str) -> str | None:
    """The language that serves a locale setting or code ('zh_CN.UTF-8', 'zh-Hans', 'en_GB'), or None.
    'zh-TW' and 'zh-HK' match nothing: they are Traditional Chinese, which no entry serves."""
    tag = value.strip().split(".")[0].split("@")[0].replace("_", "-").lower()
    best: tuple[int, str] | None = None  # the most specific tag wins: en-xa over en for 'en-XA'
    for entry in LOCALES.values():
        served = [t for t in entry.serves if tag == t or tag.startswith(f"{t}-")]
        served += [t for t in entry.serves_exactly if tag == t]
        for t in served:
            if best is None or len(t) > best[0]:
                best = (len(t), entry.code)
    return best[1] if best is not None else None
