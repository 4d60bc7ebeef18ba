"""The wizard's interrupted walk, a part of Wizard (flow.py): kept for the next start with the command that
resumes it, and offered for continuing at the start of the bare command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from wallet_doctor.messages import msg
from wallet_doctor.render.text import clean

if TYPE_CHECKING:
    from rich.console import Console

    from wallet_doctor.engine import Walk


class Resuming:
    """Keeping and offering an interrupted walk. Wizard (flow.py) mixes it in and sets the attributes below."""

    walk: Walk
    lang: str
    now: Callable[[], datetime]
    resume_options: tuple[str, ...]
    _shown_tree: str | None

    if TYPE_CHECKING:

        @property
        def console(self) -> Console: ...

        def confirm(self, message: str, default: bool) -> bool: ...

    def say_how_to_resume(self) -> None:
        """Keep the walk for the next start, and print the command that carries on from where it stands:
        one shell-quoted line that the terminal may wrap but rich does not break, so it pastes whole."""
        import shlex

        from rich.text import Text

        from wallet_doctor.resume import resume_command, save_interrupted

        saved = save_interrupted(self.walk, self.lang, self.now().astimezone().isoformat(timespec="seconds"))
        if saved is not None:
            self.console.print(msg("resume.saved", self.lang))
        self.console.print(msg("resume", self.lang))
        command = "  " + shlex.join(resume_command(self.walk, self.lang, self.resume_options))
        self.console.print(Text(command), soft_wrap=True)

    def offer_to_continue(self) -> None:
        """At the start of the bare command: a walk interrupted earlier is shown with its answers and
        offered for continuing; it is forgotten either way (a new interruption keeps the new walk)."""
        from wallet_doctor.engine import drive
        from wallet_doctor.resume import forget_interrupted, load_interrupted

        saved = load_interrupted(self.walk.catalog)
        if saved is None:
            return
        from rich.text import Text

        from wallet_doctor.render.terminal import Item

        walk = drive(self.walk.catalog, saved.tree, saved.answers)
        tree = self.walk.catalog.trees[saved.tree]
        when = saved.saved[:16].replace("T", " ")
        said = msg("resume.found", self.lang).format(tree=clean(tree.title.get(self.lang)), when=when)
        self.console.print(Item(Text(""), Text(said)))
        for earlier in walk.answers:
            question, label = earlier.question.text.get(self.lang), earlier.choice.label.get(self.lang)
            self.console.print(Item(Text("  · "), Text(f"{clean(question)} → {clean(label)}")))
        if self.confirm(msg("resume.ask", self.lang), default=True):
            self.walk = walk
            self._shown_tree = None
        forget_interrupted()
