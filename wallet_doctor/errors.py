"""The project's own error types. They carry what went wrong and how to fix it; the CLI renders them once.

Exit codes live here too, so that every adapter maps an error to the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USAGE = 2
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
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        node = f"node '{self.node}': " if self.node else ""
        return f"{where}: {self.severity}: {node}{self.message} Fix: {self.fix}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class WalletDoctorError(Exception):
    """An error the user can fix; `str()` is the whole message, ending with what to do."""

    exit_code = EXIT_INVALID

    def __str__(self) -> str:
        # Messages quote what the user gave (-a keys, answers files, recorded walks): shown with control
        # characters as escapes, so they cannot drive the terminal the message is printed on.
        return printable(super().__str__())


def printable(text: str) -> str:
    """`text` with terminal control characters, bidirectional controls and line separators written as
    escapes (newlines and tabs kept), and so are surrogates: a file name that is not UTF-8 (byte 0xE9 held
    as U+DCE9) is shown as \\xe9, since a UTF-8 terminal cannot take it."""
    import re

    from wallet_doctor.render.text import CONTROL_CHARACTERS

    unsafe = f"[{CONTROL_CHARACTERS}\ud800-\udfff]"
    if text.isprintable() or not re.search(unsafe, text):
        return text
    return re.sub(unsafe, _escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode holds it
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")


class InvalidTrees(WalletDoctorError):
    """The trees in force have errors; `problems` lists every one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        lines = [str(p) for p in errors]
        lines.append(f"{len(errors)} error(s) in the trees. Fix them, then check with `wallet-doctor validate`.")
        super().__init__("\n".join(lines))


class UnknownTree(WalletDoctorError):
    def __init__(self, tree_id: str, known: Sequence[str]) -> None:
        self.tree_id = tree_id
        super().__init__(
            f"There is no tree '{tree_id}'{did_you_mean(tree_id, known)}. "
            f"Valid trees: {', '.join(sorted(known))}. `wallet-doctor list` describes them."
        )


class UnknownQuestion(WalletDoctorError):
    def __init__(self, question_id: str, tree_id: str, known: Sequence[str]) -> None:
        self.question_id = question_id
        super().__init__(
            f"Tree '{tree_id}' asks no question '{question_id}'{did_you_mean(question_id, known)}. "
            f"Valid questions: {', '.join(sorted(known))}. `wallet-doctor show {tree_id}` shows them."
        )


class UnknownChoice(WalletDoctorError):
    def __init__(self, question_id: str, choice_id: str, known: Sequence[str]) -> None:
        self.question_id = question_id
        self.choice_id = choice_id
        self.known = tuple(known)
        super().__init__(
            f"Question '{question_id}' has no choice '{choice_id}'{did_you_mean(choice_id, known)}. "
            f"Valid choices: {', '.join(known)}."
        )


class BadAnswers(WalletDoctorError):
    """An answers file or flag that cannot be read."""


class UnsafeFile(WalletDoctorError):
    """A file wallet-doctor was asked to write cannot be written safely."""


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
