"""The step-by-step walk of a diagnosis (detect, resolve, verify): each step alone with "done, fixed",
"done, still broken", "I cannot do this" (and why it matters) or, for a conditional group, "does not apply";
it stops at the first step that fixes it, and keeps what was tried for escalation and the case report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wallet_doctor.locales import locale
from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean, condition

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from wallet_doctor.probes import ProbeConfig
    from wallet_doctor.report import Tried
    from wallet_doctor.wizard.prompter import Action, Prompter


def walk_steps(
    outcome: dict[str, Any],
    lang: str,
    console: Console,
    prompter: Prompter,
    check: tuple[str, ProbeConfig] | None = None,
) -> tuple[bool, list[Tried]]:
    """Go through `outcome`'s steps (walk_data()'s) one at a time, showing "step k of n". Whether a step
    fixed it, and the steps tried with what came of each. `check` (a probe and its configuration) is run
    again after a step done without fixing it: only given when the problem is on this computer."""
    from rich.text import Text

    from wallet_doctor.render.terminal import step_view

    tried: list[Tried] = []
    steps = outcome["steps"]
    for number, step in enumerate(steps, 1):
        console.print()
        console.print(step_view(step, number, len(steps), lang))
        choices: list[tuple[str, Action]] = [
            (msg("walk.fixed", lang), ("solved", "fixed")),
            (msg("walk.still_broken", lang), ("solved", "still_broken")),
            (msg("walk.cannot", lang), ("solved", "cannot")),
        ]
        if "if" in step:
            choices.append((msg("walk.not_apply", lang), ("solved", "skipped")))
        _, result = prompter.select(msg("walk.ask", lang), choices, msg("menu.instruction", lang))
        if result == "skipped":
            continue
        tried.append((condition(step["if"], lang) if "if" in step else clean(step["text"]), result))
        if result == "fixed":
            return True, tried
        if result == "cannot":
            why = "walk.cannot.warning" if step.get("warning") else "walk.cannot.other"
            console.print(Text(msg(why, lang), style="dim"))
        elif result == "still_broken" and check is not None:
            from wallet_doctor.probes import run_probe

            said = run_probe(*check).said(lang)
            console.print(Text(f"{msg('walk.checked_again', lang)}{locale(lang).colon}{said}", style="dim"))
    console.print()
    console.print(Text(msg("walk.none_fixed", lang), style="bold"))
    return False, tried


def tried_view(tried: list[Tried], lang: str) -> RenderableType:
    """The steps tried, numbered, each with what came of it, under its heading."""
    from rich.console import Group
    from rich.text import Text

    from wallet_doctor.render.terminal import Item

    lines: list[RenderableType] = [Text(msg("report.tried", lang), style="bold underline")]
    for number, (text, result) in enumerate(tried, 1):
        lines.append(Item(Text(f"{number}. "), Text(f"{text} → {msg(f'walk.result.{result}', lang)}")))
    return Group(*lines)
