"""The questionary glue: menus, text and yes/no prompts, with long choices wrapped to the terminal."""

from __future__ import annotations

from typing import Any, Literal

from wallet_doctor.wizard.wrap import wrap

# What the user picked in a menu, and its value: ("answer", choice id), ("tree", tree id), ("page", its place
# among the pages offered), ("help", "") ...
ActionKind = Literal[
    "answer",
    "help",
    "back",
    "restart",
    "describe",
    "quit",
    "tree",
    "page",
    "menu",
    "solved",
    "escalate",
    "done",
    "rest",
    "more",
    "walk",
]
Action = tuple[ActionKind, str]


class Prompter:
    """questionary prompts. `io` (input=, output=) lets tests drive the real prompts through a pipe."""

    def __init__(self, **io: Any) -> None:
        self.io = io
        self.echoes: list[int] = []  # the lines each answered menu left on screen, oldest first

    def select(
        self,
        message: str,
        choices: list[tuple[str, Action]],
        instruction: str,
        extras: int = 0,
        default: Action | None = None,
        letters: str = "",
    ) -> Action:
        """Pick one of `choices`; the last `extras` of them (help, back, quit) are set apart by a line.
        Long labels are wrapped to the terminal, not cut off. `default`, when one of the choices, is
        where the cursor starts (the earlier answer, after going back). `letters` are keys that pick
        the choice at their place at once (y and n for a yes or no)."""
        import questionary

        from wallet_doctor.render.wrap import prompt_lines

        width = self.width()
        message, instruction, echo = prompt_lines(message, instruction, width)
        wrapped = [_WrappedChoice.make(echo(title), wrap(title, width - 7), value) for title, value in choices]
        options: list[Any] = list(wrapped)
        if extras:
            options.insert(len(options) - extras, questionary.Separator("   " + "─" * min(20, width - 4)))
        start = next((c for c in wrapped if c.value == default), None)
        question = questionary.select(
            message,
            choices=options,
            instruction=instruction,
            use_shortcuts=len(choices) <= 36,
            default=start,
            **self.io,
        )
        _WrappedChoice.attach(wrapped, question)
        _end_of_input_quits(question)
        _letters_pick(question, letters, [value for _, value in choices])
        answer: Action = question.unsafe_ask()
        from wallet_doctor.wizard.wrap import cells

        title = next((c.plain for c in wrapped if c.value == answer), "")
        # The lines the echo "? message title" takes: the message as drawn (folded), the title after it.
        drawn = f"? {message} {title}".split("\n")
        self.echoes.append(sum(max(1, -(-cells(line) // width)) for line in drawn))
        return answer

    def erase_answered(self, count: int) -> None:
        """Take the last `count` answered prompts off the screen (going back: the question being left
        and the one undone), so the transcript shows only the answers that stand. Only on a terminal
        that understands cursor movement."""
        import os
        import sys

        from wallet_doctor.files import is_terminal

        if self.io or os.environ.get("TERM") == "dumb" or not is_terminal(sys.stdout):
            return
        echoes, self.echoes = self.echoes[-count:], self.echoes[:-count]
        if len(echoes) == count:
            sys.stdout.write("\x1b[1A\x1b[2K" * sum(echoes))
            sys.stdout.flush()

    def width(self) -> int:
        """The terminal's width, as the rich console measures it, and never under 30 columns."""
        from wallet_doctor.render.terminal import terminal_size

        return max(30, terminal_size().columns)

    def text(self, message: str, default: str = "") -> str:
        """A line of text typed by the user; `default` is offered."""
        import questionary

        answer: str = questionary.text(message, default=default, **self.io).unsafe_ask()
        return answer

    def confirm(self, message: str, default: bool, yes: str, no: str, instruction: str = "") -> bool:
        """Yes or no, in the user's language, as every other menu: arrow keys, 1 or 2, and y or n too
        (questionary's own confirm speaks only English)."""
        choices: list[tuple[str, Action]] = [(yes, ("answer", "yes")), (no, ("answer", "no"))]
        answer = self.select(message, choices, instruction, default=choices[0 if default else 1][1], letters="yn")
        return answer == ("answer", "yes")


def _end_of_input_quits(question: Any) -> None:
    """Ctrl-D in a menu ends the wizard (exit 130, as the README says); questionary's menus ignore it."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError())

    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings, bindings])


def _letters_pick(question: Any, letters: str, values: list[Action]) -> None:
    """Each of `letters` (upper or lower case) answers the menu with the choice at its place."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    if not letters:
        return
    from questionary.prompts.common import InquirerControl

    windows = question.application.layout.find_all_windows()
    control = next((w.content for w in windows if isinstance(w.content, InquirerControl)), None)
    bindings = KeyBindings()
    for index, (letter, value) in enumerate(zip(letters, values, strict=False)):
        for key in {letter.lower(), letter.upper()}:

            @bindings.add(key, eager=True)
            def _pick(event: Any, value: Action = value, index: int = index) -> None:
                if control is not None:  # echoed as if chosen with Enter
                    control.pointed_at, control.is_answered = index, True
                event.app.exit(result=value)

    application = question.application
    application.key_bindings = merge_key_bindings([application.key_bindings, bindings])


class _WrappedChoice:
    """A questionary Choice drawn wrapped in the menu but echoed whole once picked: the echo is one line
    that the terminal wraps itself, where a wrapped title would be cut at the edge."""

    _class: Any = None

    @classmethod
    def make(cls, plain: str, wrapped: str, value: Action) -> Any:
        """A choice showing `wrapped` in the menu and `plain` once picked."""
        if cls._class is None:
            import questionary

            class Choice(questionary.Choice):
                """questionary's Choice with the two titles."""

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


class PlainPrompter(Prompter):
    """Numbered menus read with input(): for TERM=dumb, a screen reader or a serial console, where the
    arrow-key menus would draw escape sequences. The same answers: a number, y/n for a yes or no, Enter
    for the default."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def select(
        self,
        message: str,
        choices: list[tuple[str, Action]],
        instruction: str,
        extras: int = 0,
        default: Action | None = None,
        letters: str = "",
    ) -> Action:
        """Print the numbered choices and read a number (or one of `letters`, or Enter for `default`)."""
        from wallet_doctor.messages import msg

        print(_folded(message, self.width()), flush=True)
        for number, (title, _) in enumerate(choices, 1):
            if extras and number == len(choices) - extras + 1:
                print("   --", flush=True)
            print(f"  {number}) {wrap(title, self.width() - 7)}", flush=True)
        values = [value for _, value in choices]
        start = values.index(default) + 1 if default in values else (1 if len(values) == 1 else None)
        ask = msg("plain.choose", self.lang).format(last=len(choices))
        if start is not None:
            ask += f" [{start}]"
        while True:
            typed = input(f"{ask}: ").strip().lower()
            if not typed and start is not None:
                return values[start - 1]
            if typed.isdigit() and 1 <= int(typed) <= len(choices):
                return values[int(typed) - 1]
            if len(typed) == 1 and typed in letters.lower() and letters.lower().index(typed) < len(values):
                return values[letters.lower().index(typed)]
            print(msg("plain.again", self.lang).format(last=len(choices)), flush=True)

    def text(self, message: str, default: str = "") -> str:
        """A line of text; Enter alone takes `default`."""
        message = _folded(message, self.width())
        shown = f"{message} [{default}] " if default else f"{message} "
        return input(shown).strip() or default

    def erase_answered(self, count: int) -> None:
        """Nothing is taken off a plain terminal's screen: it cannot move the cursor."""


def _folded(text: str, width: int) -> str:
    """`text` broken into lines of `width` cells at the places render/wrap.py allows (Chinese too)."""
    from wallet_doctor.render.wrap import wrap as line_spans
    from wallet_doctor.wizard.wrap import cells

    if cells(text) <= width:
        return text
    return "\n".join(text[start:end].rstrip() for start, end in line_spans(text, width))
