"""The wizard's diagnosis, a part of Wizard (flow.py): what to do now, "did this solve it?", the step-by-step
walk (steps.py), the sections on demand, a related problem to walk next, and the summary at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wallet_doctor.engine import Walk
from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean
from wallet_doctor.validation import FRAUD_TREE
from wallet_doctor.wizard.case_report import labelled

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from wallet_doctor.probes import ProbeConfig
    from wallet_doctor.wizard.prompter import Action, ActionKind, Prompter

# Lines the prompt after a diagnosis needs: the question (which may wrap), three choices and a margin.
_PROMPT_LINES = 6


class Diagnosis:
    """What the wizard does at an outcome. Wizard (flow.py) mixes it in and sets the attributes below."""

    walk: Walk
    lang: str
    prompter: Prompter
    probes: ProbeConfig | None
    device: str | None
    outcome: dict[str, Any] | None
    outcome_walk: Walk | None
    solved: bool | None
    tried: list[tuple[str, str]]
    saved_report: Path | None
    history: list[Walk]
    undone: Action | None
    _shown_tree: str | None

    if TYPE_CHECKING:

        @property
        def console(self) -> Console: ...

    def after_outcome(self) -> Walk | None:
        """Show what to do now and offer to go through it one step at a time; ask whether it helped. The
        sections when it did not (or when asked), the prevention section when it did; then a related tree
        to walk next, or None to finish. Going back from the diagnosis returns the walk before its last
        answer."""
        from rich.console import Group
        from rich.text import Text

        from wallet_doctor.render.data import walk_data
        from wallet_doctor.render.terminal import outcome_rest

        outcome = walk_data(self.walk, self.lang)["outcome"]
        self.outcome, self.outcome_walk, self.solved, self.tried = outcome, self.walk, None, []
        # The head (what to do now) first, so a long diagnosis never scrolls it away unseen; the rest on demand.
        rest = [s for s in outcome["sections"] if s["id"] != "later"]
        later = [s for s in outcome["sections"] if s["id"] == "later"]
        self.console.print()
        self.show_steps(outcome)
        self.console.print()
        count = len(outcome["steps"])
        action: ActionKind = "rest"
        answer = ""
        while True:
            # Yes first: a person who already did the steps answers with Enter.
            choices: list[tuple[str, Action]] = [
                (msg("solved.yes", self.lang), ("solved", "yes")),
                (msg("solved.no", self.lang), ("solved", "no")),
                (msg("walk.offer", self.lang).format(count=count), ("walk", "")),
            ]
            if rest:
                choices.append((msg("solved.rest", self.lang).format(count=len(rest)), ("rest", "")))
            extras: list[tuple[str, Action]] = []
            if self.walk.can_go_back:
                extras.append((msg("menu.back", self.lang), ("back", "")))
            action, answer = self.prompter.select(
                msg("solved.ask", self.lang), choices + extras, msg("menu.instruction", self.lang), len(extras)
            )
            if action == "rest":
                self.console.print(Group(*outcome_rest(rest, self.lang), Text("")))
                rest = []
                continue
            if action == "back":
                self.outcome = self.outcome_walk = None
                self._shown_tree = None
                self.undone = ("answer", self.walk.answers[-1].choice.id)
                return self.walk.back()
            break
        if action == "walk":
            self.solved = self.walk_steps(outcome)
        else:
            self.solved = answer == "yes"
        if self.solved:
            if later:
                self.console.print(Group(*outcome_rest(later, self.lang), Text("")))
            # Not "glad" after a scam or a critical diagnosis: the danger outlasts the fix.
            grave = outcome["severity"] == "critical" or self.walk.current.tree == FRAUD_TREE
            key = "solved.thanks.critical" if grave else "solved.thanks"
            self.console.print(msg(key, self.lang))
            return None
        if self.tried:
            self.show_tried()
        if rest:
            self.console.print(Group(*outcome_rest(rest, self.lang), Text("")))
        choices = [
            (labelled(msg("next.related", self.lang), clean(r["title"])), ("tree", r["tree"]))
            for r in outcome["related"]
        ]
        choices.append((msg("next.done", self.lang), ("done", "")))
        action, value = self.prompter.select(msg("next.ask", self.lang), choices, msg("menu.instruction", self.lang))
        if action == "tree":
            self._shown_tree = None
            self.history.append(self.walk)
            return Walk.start(self.walk.catalog, value)
        return None

    def walk_steps(self, outcome: dict[str, Any]) -> bool:
        """The step-by-step walk of the outcome (steps.py); True when a step fixed it. Where the problem is
        on this computer, the walk's automatic check is run again after a step that did not."""
        from wallet_doctor.wizard.steps import walk_steps

        check = None
        if self.device == "here" and self.probes is not None and self.outcome_walk is not None:
            probed = [a.question.probe for a in self.outcome_walk.answers if a.question.probe]
            if probed:
                check = (probed[-1], self.probes)
        fixed, self.tried = walk_steps(outcome, self.lang, self.console, self.prompter, check)
        return fixed

    def show_tried(self) -> None:
        """What was tried, step by step, before the ways to get help."""
        from wallet_doctor.wizard.steps import tried_view

        self.console.print()
        self.console.print(tried_view(self.tried, self.lang))

    def show_steps(self, outcome: dict[str, Any]) -> None:
        """The head of the diagnosis; on a terminal too short for it and the next prompt, a page at a time,
        so that no step scrolls away unseen."""
        from wallet_doctor.render.terminal import outcome_pages

        pages = outcome_pages(outcome, self.lang, self.console, max(self.console.height - _PROMPT_LINES, 8))
        for (last, page), (following, _) in zip(pages, [*pages[1:], (0, None)], strict=True):
            self.console.print(page)
            if following:
                key = "steps.more" if following > last + 1 else "steps.more.one"
                more = msg(key, self.lang).format(first=last + 1, last=following)
                self.prompter.select(
                    msg("steps.more.ask", self.lang), [(more, ("more", ""))], msg("menu.instruction", self.lang)
                )

    def summarise(self) -> None:
        """End with the diagnosis, its most important steps and where the report went: the path on a line
        of its own that rich does not break (the terminal may wrap it), so that it can be copied whole."""
        from wallet_doctor.render.terminal import outcome_summary

        if self.outcome is not None:
            self.console.print()
            self.console.print(outcome_summary(self.outcome, self.lang, None))
            if self.saved_report is not None:
                self.console.print(labelled(msg("report.saved", self.lang), str(self.saved_report)), soft_wrap=True)
