"""The interactive wizard: turns the engine's questions into arrow-key prompts and its outcome into a
rich diagnosis. It holds no diagnostic logic of its own; every answer goes through the engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wallet_doctor.engine import Walk
from wallet_doctor.errors import EXIT_INTERRUPTED, EXIT_OK, UnsafeFile
from wallet_doctor.messages import msg
from wallet_doctor.model import TRIAGE, Question
from wallet_doctor.render.text import clean

if TYPE_CHECKING:
    from rich.console import Console

    from wallet_doctor.probes import ProbeConfig

MAX_WIDTH = 500  # terminal cells: wider than any real terminal
Action = tuple[str, str]  # ("answer", choice id), ("help", ""), ("back", ""), ("tree", tree id) ...


class Prompter:
    """questionary prompts. `io` (input=, output=) lets tests drive the real prompts through a pipe."""

    def __init__(self, **io: Any) -> None:
        self.io = io

    def select(self, message: str, choices: list[tuple[str, Action]], instruction: str, extras: int = 0) -> Action:
        """Pick one of `choices`; the last `extras` of them (help, back, quit) are set apart by a line.
        Long labels are wrapped to the terminal, not cut off."""
        import questionary

        width = self.width()
        wrapped = [_WrappedChoice.make(title, _wrap(title, width - 7), value) for title, value in choices]
        options: list[Any] = list(wrapped)
        if extras:
            options.insert(len(options) - extras, questionary.Separator("   " + "─" * min(20, width - 4)))
        question = questionary.select(
            message, choices=options, instruction=instruction, use_shortcuts=len(choices) <= 36, **self.io
        )
        _WrappedChoice.attach(wrapped, question)
        _end_of_input_quits(question)
        answer: Action = question.unsafe_ask()
        return answer

    def width(self) -> int:
        import shutil

        # COLUMNS is read first and may say anything: 100000000 drew rules of 300 MB.
        return min(MAX_WIDTH, max(30, shutil.get_terminal_size((80, 24)).columns))

    def text(self, message: str, default: str = "") -> str:
        import questionary

        answer: str = questionary.text(message, default=default, **self.io).unsafe_ask()
        return answer

    def confirm(self, message: str, default: bool, yes: str, no: str) -> bool:
        """Yes or no, in the user's language (questionary's own confirm speaks only English)."""
        import questionary

        options = [questionary.Choice(title=yes, value=True), questionary.Choice(title=no, value=False)]
        question = questionary.select(
            message, choices=options, default=options[0] if default else options[1], **self.io
        )
        _end_of_input_quits(question)
        answer: bool = question.unsafe_ask()
        return answer


def _end_of_input_quits(question: Any) -> None:
    """Ctrl-D in a menu ends the wizard (exit 130, as the README says); questionary's menus ignore it."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError())

    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings, bindings])


class _WrappedChoice:
    """A questionary Choice drawn wrapped in the menu but echoed whole once picked: the echo is one line
    that the terminal wraps itself, where a wrapped title would be cut at the edge."""

    _class: Any = None

    @classmethod
    def make(cls, plain: str, wrapped: str, value: Action) -> Any:
        if cls._class is None:
            import questionary

            class Choice(questionary.Choice):
                control: Any = None
                plain = ""
                wrapped = ""

                @property
                def title(self) -> str:
                    answered = self.control is not None and self.control.is_answered
                    return self.plain if answered else self.wrapped

                @title.setter
                def title(self, value: str) -> None:
                    self.wrapped = value

            cls._class = Choice
        choice = cls._class(title=wrapped, value=value)
        choice.plain = plain
        return choice

    @staticmethod
    def attach(choices: list[Any], question: Any) -> None:
        """Let each choice see the menu's control, to know when it has been answered."""
        from questionary.prompts.common import InquirerControl

        windows = question.application.layout.find_all_windows()
        control = next((w.content for w in windows if isinstance(w.content, InquirerControl)), None)
        for choice in choices:
            choice.control = control


def _wrap(text: str, width: int) -> str:
    """`text` folded to `width` terminal cells (Chinese counts double), continuation lines indented."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    lines: list[str] = []
    line = ""
    for word in _breakable(text):
        if line and cell_len(line + word) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    lines.append(line.rstrip())
    return "\n      ".join(lines)


def _breakable(text: str) -> list[str]:
    """Pieces a line may break between: English words with their trailing space, single CJK characters."""
    import re

    return re.findall(
        r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|\s+", text
    )


def _rule(title: str, width: int) -> str:
    """`──── title ────` across `width` terminal cells (Chinese counts double), without importing rich."""
    import unicodedata

    cells = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in title)
    side = max(2, (width - cells - 2) // 2)
    return f"{'─' * side} {title} {'─' * max(2, width - cells - 2 - side)}"


class Wizard:
    def __init__(
        self,
        walk: Walk,
        lang: str,
        console: Console | None,
        prompter: Prompter,
        report_path: Path | None = None,
        now: Callable[[], datetime] = datetime.now,
        probes: ProbeConfig | None = None,
        color: bool = True,
    ) -> None:
        self.walk = walk
        self.lang = lang
        self._console = console
        self.color = color
        self.prompter = prompter
        self.report_path = report_path
        self.now = now
        self.description: str | None = None
        self.probes = probes
        self._probed: set[str] = set()  # checks probed once: after going back to one, the user answers it
        self._shown_tree: str | None = None

    @property
    def console(self) -> Console:
        """The rich console, made on first use: rich is not imported before the first question is drawn."""
        if self._console is None:
            from wallet_doctor.render.terminal import make_console

            self._console = make_console(self.color)
        return self._console

    def _line(self, text: str) -> None:
        if self._console is None:
            print(text, flush=True)
        else:
            from rich.text import Text

            self._console.print(Text(text))

    def run(self) -> int:
        """Walk to an outcome and beyond; the exit code: 0 at an outcome, 130 when the user stops."""
        try:
            while True:
                if self.walk.finished:
                    following = self.after_outcome()
                    if following is None:
                        self.offer_report()
                        return EXIT_OK
                    self.walk = following
                    continue
                if not self.ask():
                    self.say_how_to_resume()
                    return EXIT_INTERRUPTED
        except (KeyboardInterrupt, EOFError):
            self.console.print()
            self.say_how_to_resume()
            return EXIT_INTERRUPTED

    # -- questions ---------------------------------------------------------------------------------

    def ask(self) -> bool:
        """Ask the current question once; False when the user quits."""
        question = self.walk.question
        assert question is not None
        if question.tree != self._shown_tree:
            tree = self.walk.catalog.trees[question.tree]
            self._line(_rule(clean(tree.title.get(self.lang)), self.prompter.width()))
            self._shown_tree = question.tree
        if question.probe and self.probes is not None and question.id not in self._probed:
            self._probed.add(question.id)
            if self.probe(question):
                return True
        choices: list[tuple[str, Action]] = [
            (clean(c.label.get(self.lang)), ("answer", c.id)) for c in question.choices
        ]
        if self.at_triage_start():
            choices.append((msg("menu.describe", self.lang), ("describe", "")))
        extras: list[tuple[str, Action]] = []
        if question.help is not None:
            extras.append((msg("menu.help", self.lang), ("help", "")))
        if self.walk.can_go_back:
            extras.append((msg("menu.back", self.lang), ("back", "")))
            extras.append((msg("menu.restart", self.lang), ("restart", "")))
        extras.append((msg("menu.quit", self.lang), ("quit", "")))
        action, value = self.prompter.select(
            clean(question.text.get(self.lang)), choices + extras, msg("menu.instruction", self.lang), len(extras)
        )
        if action == "answer":
            self.walk = self.walk.answer(value)
        elif action == "help" and question.help is not None:
            from wallet_doctor.render.terminal import help_view

            self.console.print(help_view(question.help.get(self.lang), self.lang))
        elif action == "back":
            self.walk = self.walk.back()
            self._shown_tree = None
        elif action == "restart":
            self.walk = Walk.start(self.walk.catalog, self.walk.tree)
            self._shown_tree = None
        elif action == "describe":
            self.describe()
        elif action == "quit":
            return False
        return True

    def probe(self, question: Question) -> bool:
        """Run the check's probe; True when it answered the question."""
        from rich.text import Text

        from wallet_doctor.probes import run_probe

        assert question.probe is not None and self.probes is not None
        self.console.print(
            Text(f"{msg('probe.running', self.lang)} {clean(question.text.get(self.lang))}", style="dim")
        )
        result = run_probe(question.probe, self.probes)
        choice = question.choice(result.status) if result.answered else None
        if choice is None:
            self.console.print(Text(f"{msg('probe.not_run', self.lang)} ({result.detail})", style="dim"))
            return False
        self.console.print(
            Text.assemble(
                ("✓ " if result.status == "pass" else "✗ ", "bold"),
                clean(choice.label.get(self.lang)),
                f" ({result.detail})",
            )
        )
        self.walk = self.walk.answer(choice.id, by="probe", detail=result.detail)
        return True

    def at_triage_start(self) -> bool:
        return self.walk.tree == TRIAGE and not self.walk.answers

    def describe(self) -> None:
        """Typed words or a pasted error message find the tree to walk."""
        from wallet_doctor.search import search

        words = self.prompter.text(msg("describe.prompt", self.lang)).strip()
        matches = search(self.walk.catalog, words)[:5]
        if not matches:
            self.console.print(msg("describe.none", self.lang))
            return
        self.description = words
        choices: list[tuple[str, Action]] = [(clean(m.tree.title.get(self.lang)), ("tree", m.tree.id)) for m in matches]
        choices.append((msg("describe.menu", self.lang), ("menu", "")))
        action, value = self.prompter.select(
            msg("describe.pick", self.lang), choices, msg("menu.instruction", self.lang)
        )
        if action == "tree":
            self.walk = Walk.start(self.walk.catalog, value)
            self._shown_tree = None

    # -- the outcome -------------------------------------------------------------------------------

    def after_outcome(self) -> Walk | None:
        """Show the diagnosis, ask whether it helped; a related tree to walk next, or None to finish."""
        from wallet_doctor.render.data import walk_data
        from wallet_doctor.render.terminal import outcome_view

        outcome = walk_data(self.walk, self.lang)["outcome"]
        self.console.print()
        self.console.print(outcome_view(outcome, self.lang))
        self.console.print()
        solved = self.prompter.select(
            msg("solved.ask", self.lang),
            [(msg("solved.yes", self.lang), ("solved", "yes")), (msg("solved.no", self.lang), ("solved", "no"))],
            msg("menu.instruction", self.lang),
        )
        if solved == ("solved", "yes"):
            self.console.print(msg("solved.thanks", self.lang))
            return None
        choices: list[tuple[str, Action]] = [
            (f"{msg('next.related', self.lang)} {clean(r['title'])}", ("tree", r["tree"])) for r in outcome["related"]
        ]
        if outcome["escalate"]:
            choices.append((msg("next.escalate", self.lang), ("escalate", "")))
        choices.append((msg("next.done", self.lang), ("done", "")))
        action, value = self.prompter.select(msg("next.ask", self.lang), choices, msg("menu.instruction", self.lang))
        if action == "tree":
            self._shown_tree = None
            return Walk.start(self.walk.catalog, value)
        if action == "escalate":
            from rich.text import Text

            self.console.print(Text(msg("escalate", self.lang), style="bold underline"))
            for number, item in enumerate(outcome["escalate"], 1):
                self.console.print(Text(f"{number}. {clean(item['text'])}"))
        return None

    def offer_report(self) -> None:
        from wallet_doctor.report import report_data, save_report

        path = self.report_path
        if path is None:
            if not self.confirm(msg("report.ask", self.lang), default=False):
                return
            default = f"wallet-case-{self.now():%Y%m%d-%H%M}.md"
            path = Path(self.prompter.text(msg("report.path", self.lang), default=default).strip() or default)
        overwrite = False
        if path.exists():
            overwrite = self.confirm(f"{path}: {msg('report.exists', self.lang)}", default=False)
            if not overwrite:
                self.console.print(msg("report.not_saved", self.lang))
                return
        report = report_data(self.walk, self.lang, self.now().astimezone(), self.description)
        try:
            save_report(report, path, overwrite=overwrite)
        except UnsafeFile as exc:
            self.console.print(f"{msg('report.not_saved', self.lang)} {exc}")
            return
        self.console.print(f"{msg('report.saved', self.lang)} {path}")

    def confirm(self, message: str, default: bool) -> bool:
        return self.prompter.confirm(message, default, msg("yes", self.lang), msg("no", self.lang))

    def say_how_to_resume(self) -> None:
        from rich.text import Text

        self.console.print(msg("resume", self.lang))
        self.console.print(Text("  " + resume_command(self.walk, self.lang)))


def resume_command(walk: Walk, lang: str) -> str:
    """The scripted command that brings a person back to where this walk stands."""
    import shlex

    words = ["wallet-doctor", "run", walk.tree, "--lang", lang]
    for question, choice in walk.as_answers().items():
        words += ["-a", f"{question}={choice}"]
    return shlex.join(words)


def run_wizard(
    walk: Walk, lang: str, *, color: bool, report_path: Path | None = None, probes: ProbeConfig | None = None
) -> tuple[int, Walk]:
    """The wizard at a real terminal: the exit code and the walk as it ended."""
    from wallet_doctor.files import stop_on_termination

    wizard = Wizard(walk, lang, None, Prompter(), report_path, probes=probes, color=color)
    # Killed with SIGTERM/SIGHUP (a closed terminal window), it stops as for Ctrl-C: the prompt puts the
    # terminal back (echo on) and the resume command is printed.
    with stop_on_termination(_stop_prompt):
        code = wizard.run()
    return code, wizard.walk


def _stop_prompt() -> None:
    """On SIGTERM/SIGHUP: end the menu on screen as Ctrl-C does, so that prompt_toolkit puts the terminal
    back itself (an exception raised inside its event loop would be printed and wait for Enter);
    between prompts, a plain KeyboardInterrupt."""
    from prompt_toolkit.application import get_app_or_none

    app = get_app_or_none()
    if app is not None and app.is_running and app.future is not None and not app.future.done():
        app.exit(exception=KeyboardInterrupt())
        return
    raise KeyboardInterrupt
