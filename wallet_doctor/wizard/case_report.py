"""The wizard's case report, a part of Wizard (flow.py): offered once after a diagnosis, saved to --report's
path or to one the user names, asked for again where it cannot be saved, never silently dropped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wallet_doctor.errors import UnsafeFile
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg

if TYPE_CHECKING:
    from rich.console import Console

    from wallet_doctor.engine import Walk
    from wallet_doctor.wizard.prompter import Prompter


class CaseReport:
    """Saving the case report of the last diagnosis. Wizard (flow.py) mixes it in and sets the attributes below."""

    lang: str
    prompter: Prompter
    report_path: Path | None
    now: Callable[[], datetime]
    description: str | None
    outcome_walk: Walk | None
    solved: bool | None
    tried: list[tuple[str, str]]
    report_offered: bool
    saved_report: Path | None

    if TYPE_CHECKING:

        @property
        def console(self) -> Console: ...

        def confirm(self, message: str, default: bool) -> bool: ...

    def offer_report(self) -> None:
        """Save a case report of the last diagnosis reached: to --report's path, or, if the user wants one,
        to a file they name. A place where it cannot be saved is asked for again, never silently dropped:
        `~` is expanded, a missing folder may be created, and the absolute path saved is printed."""
        if self.outcome_walk is None or self.report_offered:
            return
        self.report_offered = True
        path = self.report_path
        if path is None and not self.confirm(msg("report.ask", self.lang), default=False):
            return
        while True:
            if path is None:
                default = f"wallet-case-{self.now():%Y%m%d-%H%M}.md"
                typed = self.prompter.text(msg("report.path", self.lang), default=default).strip()
                path = Path(typed or default)
            saved = self.save_report_at(path.expanduser())
            if saved is not None:
                self.console.print(labelled(msg("report.saved", self.lang), str(saved)), soft_wrap=True)
                self.saved_report = saved
                return
            if not self.confirm(msg("report.again", self.lang), default=True):
                self.console.print(msg("report.not_saved", self.lang))
                return
            path = None

    def save_report_at(self, path: Path) -> Path | None:
        """Write the report at `path` (asking before replacing a file or making a folder); its absolute
        path, or None when it was not written (and why was said)."""
        from wallet_doctor.report import report_data, save_report

        assert self.outcome_walk is not None
        folder = path.parent
        if not folder.exists():
            if not self.confirm(msg("report.make_folder", self.lang).format(folder=folder.absolute()), default=True):
                return None
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                self._say_not_saved(UnsafeFile("cannot_write_file", folder, exc.strerror))
                return None
        overwrite = False
        if path.exists() and path.is_file():
            overwrite = self.confirm(f"{path}: {msg('report.exists', self.lang)}", default=False)
            if not overwrite:
                return None
        report = report_data(
            self.outcome_walk, self.lang, self.now().astimezone(), self.description, self.solved, self.tried
        )
        try:
            save_report(report, path, overwrite=overwrite)
        except UnsafeFile as exc:
            self._say_not_saved(exc)
            return None
        return path.absolute()

    def _say_not_saved(self, exc: UnsafeFile) -> None:
        sentences = locale(self.lang).sentence_separator
        self.console.print(f"{msg('report.not_saved', self.lang)}{sentences}{exc.message(self.lang)}")


def labelled(label: str, value: str) -> str:
    """`label value`, with no space after a full-width colon (报告已保存：/path)."""
    return f"{label}{value}" if label.endswith("：") else f"{label} {value}"
