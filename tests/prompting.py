"""Drive the wizard's real questionary prompts with keystrokes through prompt_toolkit's pipe input.

Each prompt gets its own pipe holding the keys meant for it; the pipe is closed at once, so a prompt
given too few keys ends with EOFError instead of waiting for ever."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from wallet_doctor.engine import Walk
from wallet_doctor.render.terminal import make_console
from wallet_doctor.wizard import Action, Prompter, Wizard

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CTRL_C = "\x03"


class ScriptedPrompter(Prompter):
    """A Prompter whose every prompt reads the next string of keys."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__()
        self.keys = list(keys)
        self.asked: list[str] = []
        self.offered: list[list[str]] = []  # the choices of each select, by label

    @contextlib.contextmanager
    def _next_io(self, message: str) -> Iterator[None]:
        from prompt_toolkit.input import create_pipe_input
        from prompt_toolkit.output import DummyOutput

        self.asked.append(message)
        keys = self.keys.pop(0) if self.keys else ""
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            pipe.close()
            self.io = {"input": pipe, "output": DummyOutput()}
            yield

    def select(
        self,
        message: str,
        choices: list[tuple[str, Action]],
        instruction: str,
        extras: int = 0,
        default: Action | None = None,
        letters: str = "",
    ) -> Action:
        self.offered.append([label for label, _ in choices])
        with self._next_io(message):
            return super().select(message, choices, instruction, extras, default, letters)

    def text(self, message: str, default: str = "") -> str:
        with self._next_io(message):
            return super().text(message, default)

    def width(self) -> int:
        return 80


def make_wizard(walk: Walk, keys: list[str], lang: str = "en", **options: Any) -> tuple[Wizard, io.StringIO]:
    """A wizard on `walk` that reads one string of keys per prompt and draws into the returned buffer."""
    screen = io.StringIO()
    console = make_console(color=False, width=80)
    console.file = screen
    prompter = ScriptedPrompter(keys)
    return Wizard(walk, lang, console, prompter, now=lambda: datetime(2026, 11, 22, 9, 30), **options), screen


def run_wizard(walk: Walk, keys: list[str], lang: str = "en", **options: Any) -> tuple[int, str, ScriptedPrompter]:
    """Run the wizard on `walk`; the exit code, the screen text and the prompter (whose `asked` lists
    every prompt shown)."""
    wizard, screen = make_wizard(walk, keys, lang, **options)
    code = wizard.run()
    assert isinstance(wizard.prompter, ScriptedPrompter)
    return code, screen.getvalue(), wizard.prompter
