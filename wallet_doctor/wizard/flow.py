"""The interactive wizard's flow: turns the engine's questions into arrow-key prompts and its outcome into a
rich diagnosis (diagnosis.py), with the case report (case_report.py) and the interrupted walk (resuming.py)
mixed in. It holds no diagnostic logic of its own; every answer goes through the engine."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wallet_doctor.engine import Walk
from wallet_doctor.errors import EXIT_INTERRUPTED, EXIT_OK
from wallet_doctor.locales import LANGUAGES, locale
from wallet_doctor.messages import msg
from wallet_doctor.model import TRIAGE, Question
from wallet_doctor.render.text import clean
from wallet_doctor.wizard.case_report import CaseReport
from wallet_doctor.wizard.diagnosis import Diagnosis
from wallet_doctor.wizard.prompter import Action, Prompter
from wallet_doctor.wizard.resuming import Resuming
from wallet_doctor.wizard.wrap import cells, rule

if TYPE_CHECKING:
    from rich.console import Console

    from wallet_doctor.model import Catalog
    from wallet_doctor.probes import ProbeConfig
    from wallet_doctor.search import Match


# Start over asks first when it would discard this many answers or more.
_LONG_WALK = 3


class Wizard(Diagnosis, CaseReport, Resuming):
    """The interactive walk: asks the engine's questions, shows the outcome, offers related trees and a report."""

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
        resume_options: Sequence[str] = (),
        offer_saved: bool = False,
    ) -> None:
        self.walk = walk
        self.offer_saved = offer_saved  # offer to continue a walk interrupted earlier (the bare command)
        self.lang = lang
        self._console = console
        self.color = color
        self.prompter = prompter
        self.report_path = report_path
        self.now = now
        self.description: str | None = None
        self.probes = probes
        self._probed: set[str] = set()  # checks probed once: after going back to one, the user answers it
        self.device: str | None = None  # where the problem is: "here" (this computer) or "other"; asked once
        self._shown_tree: str | None = None
        self.resume_options = tuple(resume_options)  # --trees DIR, --no-builtin: for the resume command
        self.outcome: dict[str, Any] | None = None  # the last diagnosis shown, as walk_data() gives it
        self.outcome_walk: Walk | None = None  # the walk that reached it, for the report
        self.solved: bool | None = None  # the answer to "did this solve it?" for that diagnosis
        self.tried: list[tuple[str, str]] = []  # steps walked one at a time, and what came of each
        self.report_offered = False
        self.saved_report: Path | None = None
        self.history: list[Walk] = []  # the walks left for a related problem or a typed search, to go back to
        self.undone: Action | None = None  # the answer just taken back: the cursor starts on it
        # The answers that lead to a page picked from typed words, by question: the cursor starts on them, and
        # the person confirms or changes each (a page is never reached behind their back).
        self.suggested: dict[str, str] = {}
        self._last_action: str = ""  # what the last question's menu chose

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
            if self.offer_saved:
                self.offer_to_continue()
            while True:
                if self.walk.finished and self.opens_describe():
                    continue
                if self.walk.finished:
                    following = self.after_outcome()
                    if following is None:
                        self.offer_report()
                        self.summarise()
                        return EXIT_OK
                    self.walk = following
                    continue
                if not self.ask():
                    if self.outcome_walk is not None:  # a diagnosis reached before a related problem
                        self.offer_report()
                        self.summarise()
                        return EXIT_OK
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
            self._line(rule(clean(tree.title.get(self.lang)), self.prompter.width()))
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
        if self.walk.can_go_back or self.history:
            extras.append((msg("menu.back", self.lang), ("back", "")))
            extras.append((msg("menu.restart", self.lang), ("restart", "")))
        extras.append((msg("menu.quit", self.lang), ("quit", "")))
        # Where the walk stands, in the instruction (shown while the menu is open, not in its echo).
        number = len(self.walk.answers) + 1
        where = msg("menu.where", self.lang).format(
            number=number, total=number - 1 + _questions_left(self.walk.catalog, question.id)
        )
        action, value = self.prompter.select(
            clean(question.text.get(self.lang)),
            choices + extras,
            f"{where}{msg('menu.instruction', self.lang)}",
            len(extras),
            default=self.undone or self._suggested(question),
        )
        self.undone = None
        previous, self._last_action = self._last_action, action
        if action == "answer":
            self.walk = self.walk.answer(value)
        elif action == "help" and question.help is not None:
            from wallet_doctor.render.terminal import help_view

            self.console.print(help_view(question.help.get(self.lang), self.lang))
        elif action == "back":
            self.go_back(tidy=previous == "answer")
        elif action == "restart":
            self.start_over()
        elif action == "describe":
            self.describe()
        elif action == "quit":
            return False
        return True

    def _suggested(self, question: Question) -> Action | None:
        """Where the cursor starts on `question` for a page picked from typed words: the answer leading there."""
        choice = self.suggested.get(question.id)
        return ("answer", choice) if choice is not None and question.choice(choice) is not None else None

    def go_back(self, tidy: bool = False) -> None:
        """Undo the last answer, with the cursor on it when the question is asked again; from the first
        question after a typed search or a related problem, back to where that began. With `tidy` (the
        undone answer was picked just before), the two menus' lines are taken off the screen when nothing
        else was drawn between them (a probe's result, a tree's heading)."""
        question = self.walk.question
        last = self.walk.answers[-1] if self.walk.answers else None
        # Drawn between: a probe's result, or a tree's heading (another tree).
        quiet = question is not None and not question.probe and last is not None and last.by == "user"
        same_tree = last is not None and question is not None and last.question.tree == question.tree
        if tidy and quiet and same_tree:
            self.prompter.erase_answered(2)  # this question's echo and the undone one's
        else:
            self._shown_tree = None  # the tree's heading again, to say where the walk now stands
        if self.walk.answers:
            last = self.walk.answers[-1]
            self.undone = ("answer", last.choice.id)
            self.walk = self.walk.back()
        elif self.history:
            self.walk = self.history.pop()
            self._shown_tree = None

    def start_over(self) -> None:
        """Back to the very first question, after asking when that discards a long walk."""
        answered = len(self.walk.answers) + sum(len(w.answers) for w in self.history)
        if answered >= _LONG_WALK and not self.confirm(
            msg("restart.confirm", self.lang).format(count=answered), default=False
        ):
            return
        first = self.history[0] if self.history else self.walk
        self.walk = Walk.start(first.catalog, first.tree)
        self.history = []
        self.suggested = {}
        self._shown_tree = None

    def probe(self, question: Question) -> bool:
        """Run the check's probe; True when it answered the question. A probe tests this computer only, so
        it answers only when the problem is on this computer (asked once); for a phone or tablet its result
        is information and the question is still asked."""
        from rich.text import Text

        from wallet_doctor.probes import run_probe
        from wallet_doctor.render.terminal import Item

        assert question.probe is not None and self.probes is not None
        if self.device is None:
            self.device = self.ask_device()
        self.console.print(
            Text(
                f"{msg('probe.running', self.lang)}{locale(self.lang).colon}"
                f"{msg(f'probe.name.{question.probe}', self.lang)}",
                style="dim",
            )
        )
        result = run_probe(question.probe, self.probes)
        said = result.said(self.lang)
        choice = question.choice(result.status) if result.answered else None
        sentences = locale(self.lang).sentence_separator
        if choice is None:
            self.console.print(Text(f"{msg('probe.not_run', self.lang)}{sentences}{said}", style="dim"))
            return False
        if self.device == "other":
            elsewhere = msg(f"probe.elsewhere.{question.probe}.{result.status}", self.lang)
            self.console.print(Text(msg("probe.elsewhere", self.lang), style="bold"))
            self.console.print(Item(Text("  "), Text(f"{said}{sentences}{elsewhere}")))
            return False
        self.console.print(
            Text.assemble(("✓ " if result.status == "pass" else "✗ ", "bold"), clean(choice.label.get(self.lang)))
        )
        self.console.print(Item(Text("  "), Text(said, style="dim")))
        self.walk = self.walk.answer(choice.id, by="probe", detail=result.detail)
        return True

    def ask_device(self) -> str:
        """Which device has the problem: "other" (a phone or tablet, the usual case) or "here"."""
        from rich.text import Text

        self.console.print(Text(msg("device.why", self.lang), style="dim"))
        choices: list[tuple[str, Action]] = [
            (msg("device.other", self.lang), ("answer", "other")),
            (msg("device.here", self.lang), ("answer", "here")),
        ]
        return self.prompter.select(msg("device.ask", self.lang), choices, msg("menu.instruction", self.lang))[1]

    def at_triage_start(self) -> bool:
        """Whether the walk stands at triage's first question (where describing the problem is offered)."""
        return self.walk.tree == TRIAGE and not self.walk.answers

    def opens_describe(self) -> bool:
        """At a page that only sends the person to the box for their own words (`opens: describe`), that box
        instead, from triage's first question as the menu's own "describe it" would; going back from there
        returns to the question that led to the page. False (the page is shown) anywhere else."""
        outcome, catalog = self.walk.outcome, self.walk.catalog
        if outcome is None or outcome.opens != "describe" or TRIAGE not in catalog.trees:
            return False
        self.history.append(self.walk.back())
        self.walk = Walk.start(catalog, TRIAGE)
        self._shown_tree = None
        self.describe()
        return True

    def describe(self) -> None:
        """Typed words or a pasted error message find the pages and trees that may fit. A page picked is
        walked to through its questions, the answers that lead there pre-selected; a tree is walked from
        its start."""
        from wallet_doctor.page_search import find_pages
        from wallet_doctor.search import search, shown

        words = self.prompter.text(msg("describe.prompt", self.lang)).strip()
        catalog = self.walk.catalog
        matches = search(catalog, words)
        pages = find_pages(catalog, words, matches)
        if not matches and not pages:
            self.console.print(msg("describe.none", self.lang))
            self.undone = ("describe", "")  # the cursor on "describe it" again, to try other words
            return
        self.description = words
        # The suggestions in the language typed (English words under a Chinese interface get English titles);
        # the pages first, then the trees, each with the words that made it match.
        typed = "zh-CN" if any(cells(c) == 2 for c in words) else "en"
        choices: list[tuple[str, Action]] = [
            (clean(page.outcome.title.get(typed)), ("page", str(at))) for at, page in enumerate(pages)
        ]
        choices += [
            (_suggestion(clean(m.tree.title.get(typed)), _why_matched(m, words), typed), ("tree", m.tree.id))
            for m in shown(matches)[: _DESCRIBE_CHOICES - len(pages)]
        ]
        choices.append((msg("describe.menu", typed), ("menu", "")))
        action, value = self.prompter.select(msg("describe.pick", typed), choices, msg("menu.instruction", typed))
        if action == "menu":
            self.undone = ("describe", "")  # back at the menu, the cursor where the person left it
        elif action == "tree":
            self.history.append(self.walk)
            self.walk = Walk.start(catalog, value)
            self._shown_tree = None
        elif action == "page":
            page = pages[int(value)]
            self.console.print(msg("describe.page_way", self.lang))
            if page.from_triage:  # the walk stands at triage's first question: its way starts here
                self.suggested = dict(page.from_triage)
            else:
                self.history.append(self.walk)
                self.walk = Walk.start(catalog, page.tree)
                self._shown_tree = None
                self.suggested = dict(page.answers)

    def confirm(self, message: str, default: bool) -> bool:
        """A yes or no question in the user's language."""
        yes, no = msg("yes", self.lang), msg("no", self.lang)
        return self.prompter.confirm(message, default, yes, no, msg("menu.instruction.yes_no", self.lang))


_DESCRIBE_CHOICES = 8  # pages and trees offered for typed words, at most (a menu of nine with "none of these")


def _questions_left(catalog: Catalog, node_id: str) -> int:
    """About how many questions are left from `node_id` (counted) to an outcome, jumps followed, for the
    'about m' of 'question n of about m': the number a walk takes when every answer is as likely as the
    others, rounded up (Catalog.expected_questions). Not the longest way: one long route through a big menu
    would promise a person in trouble 14 questions when most walks take 4."""
    return max(1, math.ceil(catalog.expected_questions(node_id) - 1e-9))


def _why_matched(match: Match, words: str) -> list[str]:
    """Up to three reasons a tree matched (not its title, which is shown anyway): its keywords found whole
    in the typed words, longest first; failing those, the typed words found in its keywords."""
    import re

    typed = words.casefold()
    titles = {match.tree.title.get(lang) for lang in LANGUAGES}
    keywords = [k for k in match.matched if k not in titles]
    whole = sorted((k for k in keywords if k.casefold() in typed), key=lambda k: (-len(k), k))
    if whole:
        return whole[:3]
    from wallet_doctor.search import COMMON_WORDS, MIN_WORD

    # The words search counts: a Latin one of MIN_WORD letters or more and not a common word ("on" is inside
    # "phone" but made nothing match); a Chinese run of two characters or more.
    counted = (w for w in re.split(r"\W+", typed) if len(w) >= (MIN_WORD if w.isascii() else 2))
    typed_words = dict.fromkeys(w for w in counted if w not in COMMON_WORDS)
    return [w for w in typed_words if any(w in k.casefold() for k in keywords)][:3]


def _suggestion(title: str, why: list[str], lang: str) -> str:
    """A search result as a menu label: the tree's title and why it matched."""
    if not why:
        return title
    quoted = locale(lang).list_separator.join(msg("describe.quote", lang).format(word=w) for w in why)
    return msg("describe.why", lang).format(title=title, words=quoted)


def run_wizard(
    walk: Walk,
    lang: str,
    *,
    color: bool,
    report_path: Path | None = None,
    probes: ProbeConfig | None = None,
    resume_options: Sequence[str] = (),
    offer_saved: bool = False,
) -> tuple[int, Walk]:
    """The wizard at a real terminal: the exit code and the walk as it ended. With `offer_saved`, a walk
    interrupted earlier is offered for continuing first."""
    import os

    from wallet_doctor.files import stop_on_termination
    from wallet_doctor.wizard.prompter import PlainPrompter

    # A dumb terminal (and a screen reader or serial console set to one) gets numbered menus, no escapes.
    prompter = PlainPrompter(lang) if os.environ.get("TERM") == "dumb" else Prompter()
    wizard = Wizard(
        walk,
        lang,
        None,
        prompter,
        report_path,
        probes=probes,
        color=color,
        resume_options=resume_options,
        offer_saved=offer_saved,
    )
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
