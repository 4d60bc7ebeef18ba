"""A pseudo-locale (an accented, bracketed variant of English, as Android's en-XA) proves that adding a
language is one entry in locales.py plus its words and tree texts, and finds every string that is still
hard-wired: any plain English word (or Chinese character) left in a pseudo-locale session is untranslated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURE_FLAGS, VALID
from tests.prompting import DOWN, ENTER, ScriptedPrompter, make_wizard
from wallet_doctor import locales, messages
from wallet_doctor.engine import Walk
from wallet_doctor.model import Catalog, Text
from wallet_doctor.wizard import Action

PSEUDO = "en-XA"
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÁƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Format fields and code spans are not words to translate.
_KEEP = re.compile(r"(\{[^}]*\}|`[^`]*`)")


def pseudo(text: str) -> str:
    """`text` accented letter by letter and marked at both ends, its {fields} and `code` left alone."""
    parts = _KEEP.split(text)
    return "⟦" + "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in parts) + "⟧"


@pytest.fixture
def pseudo_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """en-XA as a new language would arrive: a locale entry, its words, and its tree texts."""
    entry = locales.Locale(
        code=PSEUDO,
        name=pseudo("English"),
        colon=": ",
        list_separator=", ",
        sentence_separator=" ",
        fallback=(),  # nothing to fall back to: a missing word shows, it is not hidden by English
        serves=("en-xa",),
    )
    monkeypatch.setitem(locales.LOCALES, PSEUDO, entry)
    for texts in messages._MESSAGES.values():
        monkeypatch.setitem(texts, PSEUDO, texts["en"] if not texts["en"].strip() else pseudo(texts["en"]))
    english = Text.get

    def get(self: Text, lang: str) -> str:
        return pseudo(english(self, "en")) if lang == PSEUDO else english(self, lang)

    monkeypatch.setattr(Text, "get", get)
    yield


def untranslated(output: str, catalog: Catalog, typed: tuple[str, ...] = ()) -> list[str]:
    """The plain English words (3 letters or more) and Chinese characters of `output` that are not ids,
    probe names, command words, paths, link targets, hashes or what the user `typed`."""
    ids = {*catalog.trees, *catalog.shared}
    for tree in catalog.trees.values():
        ids |= set(tree.nodes)
        ids |= {c.id for q in tree.questions for c in q.choices}
        ids |= {q.probe for q in tree.questions if q.probe}
    commands = {"wallet", "doctor", "run", "list", "show", "validate", "lang", "trees", "builtin", "CHOICE"}
    allowed = ids | commands | set(typed)
    # The fixture folder's path is shown in resume commands; its words are wherever the clone lies (ci-try).
    output = output.replace(str(VALID), "")
    output = re.sub(r"\]\([^)]*\)", "]", output)  # link targets
    output = re.sub(r"\b[0-9a-f]{8,}\b", "", output)  # content hashes
    words = re.findall(r"[A-Za-z_]{3,}|[\u4e00-\u9fff]", output)
    return sorted({w for w in words if w not in allowed and not all(part in allowed for part in w.split("_"))})


class RecordingPrompter(ScriptedPrompter):
    """Keeps every menu's labels and instruction too, which the dummy terminal does not show."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(keys)
        self.shown: list[str] = []

    def select(
        self,
        message: str,
        choices: list[tuple[str, Action]],
        instruction: str,
        extras: int = 0,
        default: Action | None = None,
        letters: str = "",
    ) -> Action:
        self.shown += [instruction, *(title for title, _ in choices)]
        return super().select(message, choices, instruction, extras, default, letters)


def test_scripted_output_in_a_new_language_has_no_untranslated_word(
    cli, catalog: Catalog, pseudo_locale, tmp_path: Path
) -> None:
    args = ["--lang", PSEUDO, *FIXTURE_FLAGS]
    report = tmp_path / "case.md"
    saved = cli("run", "login", *args, "-a", "login_symptom=no_sms", "--report", str(report))
    outputs = [
        cli("run", "login", *args).stdout,  # a question still to answer
        cli("run", "login", *args, "-a", "login_symptom=no_sms").stdout,  # an outcome, as text
        cli("run", "login", *args, "-a", "login_symptom=no_sms", "--format", "markdown").stdout,
        cli("show", "network", *args).stdout,
        cli("list", *args).stdout,
        cli("search", "zzzz", *args).stderr,
        cli("run", "logn", *args).stderr,  # an error, with the command line's hint
        cli("run", "login", *args, "-a", "login_symptom=maybe").stderr,
        saved.stderr.replace(str(report), ""),
        report.read_text(encoding="utf-8"),
    ]

    typed = ("logn", "maybe", "zzzz")
    found = {n: untranslated(o, catalog, typed) for n, o in enumerate(outputs)}

    assert {n: words for n, words in found.items() if words} == {}


def test_the_wizard_in_a_new_language_has_no_untranslated_word(catalog: Catalog, pseudo_locale) -> None:
    # triage -> login -> no SMS; not solved; finish; no report.
    keys = [DOWN + ENTER, DOWN + ENTER, DOWN + ENTER, ENTER, ENTER]
    wizard, screen = make_wizard(Walk.start(catalog, "triage"), keys, lang=PSEUDO)
    prompter = RecordingPrompter(keys)
    wizard.prompter = prompter

    assert wizard.run() == 0
    assert untranslated("\n".join([screen.getvalue(), *prompter.asked, *prompter.shown]), catalog) == []


def test_generated_markdown_in_a_new_language_has_no_untranslated_word(
    catalog: Catalog, pseudo_locale, tmp_path: Path
) -> None:
    from wallet_doctor.docs import generate

    written = generate(catalog, tmp_path, [PSEUDO], ["markdown"])
    pages: dict[str, Any] = {p.name: p.read_text(encoding="utf-8") for p in written}
    # Mermaid's own syntax, the generated-file banner and the ids kept in comments for authors are not for readers.
    mermaid = re.compile(r"```mermaid.*?```|<!--.*?-->", re.S)
    found = {name: untranslated(mermaid.sub("", text.split("\n", 1)[1]), catalog) for name, text in pages.items()}

    assert {name: words for name, words in found.items() if words} == {}


def test_the_wizards_device_question_probe_step_walk_report_and_resume_are_translated(
    catalog: Catalog, pseudo_locale, tmp_path: Path
) -> None:
    import socket

    from wallet_doctor.probes import ProbeConfig

    def no_names(host: str, port: int) -> list[tuple[str, int]]:
        raise socket.gaierror(-2, "Name or service not known")

    probes = ProbeConfig(urls=("https://nowhere.invalid/",), timeout=1, resolver=no_names)
    report = tmp_path / "case.md"
    # a phone; the check: fail; the step walk: still broken, cannot, still broken; finish; then a second walk
    # stopped with Ctrl-C after one answer (the resume lines), and a third offered to continue it.
    keys = [ENTER, DOWN + ENTER, DOWN * 2 + ENTER, DOWN + ENTER, DOWN * 2 + ENTER, DOWN + ENTER, ENTER]
    wizard, screen = make_wizard(Walk.start(catalog, "network"), keys, lang=PSEUDO, probes=probes, report_path=report)
    prompter = RecordingPrompter(keys)
    wizard.prompter = prompter
    assert wizard.run() == 0

    again, screen_again = make_wizard(Walk.start(catalog, "triage"), [ENTER, "\x03"], lang=PSEUDO)
    assert again.run() == 130
    offered, screen_offered = make_wizard(Walk.start(catalog, "triage"), [DOWN + ENTER, "\x03"], lang=PSEUDO)
    offered.offer_saved = True
    offered_prompter = RecordingPrompter([DOWN + ENTER, "\x03"])
    offered.prompter = offered_prompter
    assert offered.run() == 130

    texts = [
        screen.getvalue(),
        *prompter.asked,
        *prompter.shown,
        report.read_text(encoding="utf-8").replace(str(report), ""),
        screen_again.getvalue(),
        screen_offered.getvalue(),
        *offered_prompter.asked,
        *offered_prompter.shown,
    ]
    shown = "\n".join(texts).replace(str(report), "")
    assert untranslated(shown, catalog, ("nowhere", "invalid", "wallet", "doctor")) == []
