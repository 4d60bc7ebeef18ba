"""The project's own error types. They carry what went wrong as fields; the CLI words them once, in the
user's language.

Exit codes live here too, so that every adapter maps an error to the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from wallet_doctor.controls import CONTROL_CHARACTERS
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg

if TYPE_CHECKING:
    import re

EXIT_OK = 0
EXIT_BUG = 1
EXIT_NEEDS_ANSWER = 3
EXIT_INVALID = 4
EXIT_INTERRUPTED = 130


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a tree file: where, which node, what is wrong and the fix."""

    file: str
    line: int
    message: str
    fix: str
    node: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity} {self.code}: {self.text}"

    @property
    def text(self) -> str:
        """The message without its place and code: the node, what is wrong and the fix."""
        node = f"node '{self.node}': " if self.node else ""
        return f"{node}{self.message} Fix: {self.fix}"

    @property
    def code(self) -> str:
        """The problem's stable code (WD101 ...), listed in docs/tree-format.md."""
        from wallet_doctor.codes import code_for  # its patterns are compiled only when a problem is shown

        return code_for(self.message)

    @property
    def is_error(self) -> bool:
        """Whether the problem stops the trees from being used (a warning does not)."""
        return self.severity == "error"


class WalletDoctorError(Exception):
    """An error the user can fix. It is inert: raising it prints nothing. `message(lang)` words it, ending
    with what to do; the CLI's error boundary prints it once (click's `format_message()` is the model)."""

    exit_code = EXIT_INVALID

    def message(self, lang: str) -> str:
        """The whole message in `lang`. This base class holds an English text only; the errors below carry
        fields and word them in every language."""
        return printable(super().__str__())

    def __str__(self) -> str:
        # Messages quote what the user gave (-a keys, answers files, recorded walks): shown with control
        # characters as escapes, so they cannot drive the terminal the message is printed on.
        return printable(super().__str__())


def printable(text: str) -> str:
    """`text` with terminal control characters, bidirectional controls and line separators written as
    escapes (newlines and tabs kept), and so are surrogates: a file name that is not UTF-8 (byte 0xE9 held
    as U+DCE9) is shown as \\xe9, since a UTF-8 terminal cannot take it."""
    import re

    unsafe = f"[{CONTROL_CHARACTERS}\ud800-\udfff]"
    if text.isprintable() or not re.search(unsafe, text):
        return text
    return re.sub(unsafe, _escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode holds it
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")


class _Worded(WalletDoctorError):
    """An error that carries fields and words them per language; `str()` is its English message."""

    def __str__(self) -> str:
        return self.message("en")


class InvalidTrees(_Worded):
    """The trees in force have errors; `problems` lists every one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = tuple(problems)

    def message(self, lang: str) -> str:
        # A problem is worded for the tree's author, in English, like `validate`'s output.
        errors = [p for p in self.problems if p.is_error]
        return "\n".join([*map(str, errors), msg("error.invalid_trees", lang).format(count=len(errors))])


class UnknownTree(_Worded):
    """A tree id that is not in the catalog; `known` are the valid ones."""

    def __init__(self, tree_id: str, known: Sequence[str]) -> None:
        super().__init__()
        self.tree_id = tree_id
        self.known = tuple(sorted(known))

    def message(self, lang: str) -> str:
        return msg("error.unknown_tree", lang).format(
            tree=self.tree_id, close=_close(self.tree_id, self.known, lang), known=_listed(self.known, lang)
        )


class UnknownQuestion(_Worded):
    """An answer to a question that no walk from `tree_id` asks; `known` are the askable ones."""

    def __init__(self, question_id: str, tree_id: str, known: Sequence[str]) -> None:
        super().__init__()
        self.question_id = question_id
        self.tree_id = tree_id
        self.known = tuple(sorted(known))

    def message(self, lang: str) -> str:
        return msg("error.unknown_question", lang).format(
            tree=self.tree_id,
            question=self.question_id,
            close=_close(self.question_id, self.known, lang),
            known=_listed(self.known, lang),
        )


class UnknownChoice(_Worded):
    """A choice the question does not have; `known` are its choices, in order."""

    def __init__(self, question_id: str, choice_id: str, known: Sequence[str]) -> None:
        super().__init__()
        self.question_id = question_id
        self.choice_id = choice_id
        self.known = tuple(known)

    def message(self, lang: str) -> str:
        return msg("error.unknown_choice", lang).format(
            question=self.question_id,
            choice=self.choice_id,
            close=_close(self.choice_id, self.known, lang),
            known=_listed(self.known, lang),
        )


class UnknownLanguage(_Worded):
    """A language that is not one of `known`."""

    def __init__(self, given: str, known: Sequence[str]) -> None:
        super().__init__()
        self.given = given
        self.known = tuple(known)

    def message(self, lang: str) -> str:
        return msg("error.unknown_language", lang).format(given=self.given, known=_listed(self.known, lang))


class BrokenWalk(_Worded):
    """The trees lead a walk nowhere: to a node that does not exist (`node_id`), or round jumps for ever
    (`node_id` None). Only unvalidated trees can do this."""

    def __init__(self, node_id: str | None) -> None:
        super().__init__()
        self.node_id = node_id

    def message(self, lang: str) -> str:
        if self.node_id is None:
            return msg("error.endless_jumps", lang)
        return msg("error.missing_node", lang).format(node=self.node_id)


class WordedError(_Worded):
    """An error worded by the message `key` of messages/, its `{fields}` filled from `fields`."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__()
        self.key = key
        self.fields = fields

    def message(self, lang: str) -> str:
        return msg(self.key, lang).format(**self.fields)


class BadAnswers(WalletDoctorError):
    """An answers file or flag that cannot be read."""


class UnsafeFile(_Worded):
    """A file wallet-doctor was asked to write cannot be written safely: `reason` is exists, folder,
    no_folder or cannot_write (with the system's `detail`)."""

    def __init__(self, reason: str, path: object, detail: str | None = None) -> None:
        super().__init__()
        self.reason = reason
        self.path = str(path)
        self.detail = detail

    def message(self, lang: str) -> str:
        return msg(f"error.file_{self.reason}", lang).format(path=self.path, detail=self.detail)


def _close(word: str, known: Iterable[str], lang: str) -> str:
    found = closest(word, known)
    return msg("error.did_you_mean", lang).format(close=found) if found else ""


def _listed(words: Iterable[str], lang: str) -> str:
    return locale(lang).list_separator.join(words)


def closest(word: str, known: Iterable[str]) -> str | None:
    """The one of `known` closest to `word`, or None when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or '' when none is close (for English messages)."""
    found = closest(word, known)
    return f" (did you mean '{found}'?)" if found else ""
