"""`wallet-doctor run`: walk a tree to a diagnosis, in the wizard or from answers given as flags or a file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from wallet_doctor.commands.common import catalog_in_force, color, language, may_prompt, print_json
from wallet_doctor.errors import EXIT_NEEDS_ANSWER, EXIT_OK
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg

if TYPE_CHECKING:
    from wallet_doctor.answers import AnswerSet
    from wallet_doctor.engine import Walk
    from wallet_doctor.model import Catalog
    from wallet_doctor.probes import ProbeConfig


def run(
    tree: str | None,
    *,
    answer_flags: Sequence[str],
    answers_file: str | None,
    output: str,
    lang: str | None,
    no_input: bool,
    no_color: bool,
    report: Path | None,
    record: Path | None,
    overwrite: bool,
    probe: bool | None,
    trees: Sequence[Path] | None,
    no_builtin: bool,
) -> int:
    """Walk to an outcome and return the exit code: 0 at an outcome, 3 when an answer is missing in
    scripted mode, 130 when the user stops the wizard. `output` is text, json or markdown."""
    from wallet_doctor import answers as answer_input
    from wallet_doctor.engine import drive
    from wallet_doctor.resume import tree_options

    speak = language(lang)  # first, so that even an unreadable answers file is reported in it
    given = answer_input.read_file(answers_file) if answers_file else answer_input.AnswerSet()
    tree_id = answer_input.choose_tree(tree, given)
    from wallet_doctor.files import check_target

    for target in (report, record):  # refused before the walk, not after the outcome is printed
        if target is not None:
            check_target(target, overwrite=overwrite)
    catalog = catalog_in_force(trees, no_builtin)
    answers = answer_input.combined(_still_fitting(catalog, tree_id, given, speak), answer_flags)
    interactive = output == "text" and may_prompt(no_input)
    probes = _probe_config() if (probe if probe is not None else interactive) else None
    options = tree_options(trees or [], no_builtin)
    if interactive:
        from wallet_doctor.wizard import run_wizard

        code, walk = run_wizard(
            drive(catalog, tree_id, answers),
            speak,
            color=color(no_color),
            report_path=report,
            probes=probes,
            resume_options=options,
            offer_saved=tree is None and not answers,
        )
        _save_record(walk, record, overwrite, announce=None)
        return code

    auto = None
    if probes is not None:
        from wallet_doctor.probes import probe_answers

        auto = probe_answers(probes)
    walk = drive(catalog, tree_id, answers, auto)
    _print_walk(walk, speak, output, options)
    _save_record(walk, record, overwrite, announce=speak)
    if not walk.finished:
        if report is not None:
            typer.echo(f"wallet-doctor: {msg('report.not_yet', speak)}", err=True)
        return EXIT_NEEDS_ANSWER
    if report is not None:
        from datetime import datetime

        from wallet_doctor.report import report_data, save_report

        save_report(report_data(walk, speak, datetime.now().astimezone()), report, overwrite=overwrite)
        typer.echo(f"{msg('report.saved', speak)} {report}", err=True)
    return EXIT_OK


def _still_fitting(catalog: Catalog, tree_id: str, given: AnswerSet, lang: str) -> dict[str, str]:
    """The answers file's answers; for a recorded walk whose trees changed, only those that still fit,
    with a warning for each tree changed and each answer dropped."""
    if not given.digests:
        return given.answers
    from wallet_doctor.record import replay_warnings

    from_file, warnings = replay_warnings(catalog, tree_id, given.answers, given.digests, lang)
    for warning in warnings:
        typer.echo(f"wallet-doctor: {msg('warning.prefix', lang)}{locale(lang).colon}{warning}", err=True)
    return from_file


def _save_record(walk: Walk, record: Path | None, overwrite: bool, *, announce: str | None) -> None:
    """Write the walk's answers to `record`, if given; `announce` is the language to say so in, if any."""
    if record is None:
        return
    from datetime import datetime

    from wallet_doctor.record import save_record

    save_record(walk, record, datetime.now().astimezone(), overwrite=overwrite)
    if announce is not None:
        typer.echo(f"{msg('record.saved', announce)} {record}", err=True)


def _probe_config() -> ProbeConfig:
    from wallet_doctor.probes import ProbeConfig

    return ProbeConfig.from_environment()


def _print_walk(walk: Walk, lang: str, output: str, options: Sequence[str]) -> None:
    from wallet_doctor.render.data import walk_data

    data = walk_data(walk, lang)
    if output == "json":
        print_json(data)
    elif output == "markdown":
        from wallet_doctor.render.markdown import render_walk

        typer.echo(render_walk(data), nl=False)
    else:
        from wallet_doctor.render.text import render_walk as render_text
        from wallet_doctor.resume import resume_command

        typer.echo(render_text(data, resume_command(walk, lang, options)), nl=False)
