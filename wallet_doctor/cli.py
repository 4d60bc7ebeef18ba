"""The command line: declares the options and dispatches to commands/<verb>.py, which returns the exit code.

No `from __future__ import annotations` here: typer reads these annotations at every call, and string
annotations would make it evaluate each one again (about 10 ms a call, see bench/).
"""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wallet_doctor import __version__
from wallet_doctor.error_handler import error_handler
from wallet_doctor.errors import EXIT_INVALID
from wallet_doctor.locales import DEFAULT, LANGUAGES


class _Boundary(TyperGroup):
    """The app's command group: whichever command runs, it runs inside the one error boundary."""

    def invoke(self, ctx: Any) -> Any:
        """Run the chosen command (or the wizard, with none) inside the error boundary."""
        with error_handler():
            return super().invoke(ctx)


class Format(StrEnum):
    """How `run` prints its result."""

    text = "text"
    json = "json"
    markdown = "markdown"


class ListFormat(StrEnum):
    """How the listing commands print: text for people, JSON for programs."""

    text = "text"
    json = "json"


app = typer.Typer(
    cls=_Boundary,
    name="wallet-doctor",
    help="Diagnose digital-wallet problems step by step (zh-CN / en). Run with no command for the guided wizard.",
    add_completion=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TreesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--trees",
        help="A folder of your own trees, beside the built-in ones (same id replaces). Repeatable. "
        "Also $WALLET_DOCTOR_TREES.",
        show_default=False,
        readable=False,  # sources.check_folder says what is wrong, with exit 4 (click's check exits 2)
    ),
]
NoBuiltinOption = Annotated[
    bool, typer.Option("--no-builtin", help="Use only the folders given with --trees, not the built-in trees.")
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        help=f"{' or '.join(LANGUAGES)}. Default: $WALLET_DOCTOR_LANG, then the locale, then {DEFAULT}.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wallet-doctor {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    lang: LangOption = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR, TERM=dumb).")] = False,
    probe: Annotated[
        bool | None,
        typer.Option("--probe/--no-probe", help="Let automatic checks answer check questions.", show_default=False),
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Save a case report at the outcome.")] = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """With no command: the guided wizard, starting at triage (the options are run's)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(run, lang=lang, no_color=no_color, probe=probe, report=report, trees=trees, no_builtin=no_builtin)
        return
    # `wallet-doctor --lang en list`: an option given before a command is that command's, as if given after it
    # (one given after it wins); one the command does not take is refused, naming it.
    given = {
        name: value for name, value in ctx.params.items() if name != "version" and value not in (None, False, [], ())
    }
    if not given:
        return
    command = ctx.command.get_command(ctx, ctx.invoked_subcommand)  # type: ignore[attr-defined]
    takes = {param.name for param in command.params} if command is not None else set()
    for name in given:
        if name not in takes:
            from wallet_doctor.commands.common import language
            from wallet_doctor.messages import msg

            option = next(p.opts[0] for p in ctx.command.params if p.name == name)
            raise typer.BadParameter(
                msg("error.option_not_for_command", language(lang)).format(
                    option=option, command=ctx.invoked_subcommand
                ),
                ctx,
            )
    ctx.default_map = {ctx.invoked_subcommand: given}


@app.command()
def run(
    tree: Annotated[
        str | None, typer.Argument(help="The tree to walk; default: triage (or the answers file's).")
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", help="QUESTION=CHOICE; repeatable; overrides --answers.", show_default=False),
    ] = None,
    answers_file: Annotated[
        str | None, typer.Option("--answers", help="An answers file, YAML or JSON; - reads standard input.")
    ] = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="How to print the result.")] = Format.text,
    lang: LangOption = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt: exit 3 when an answer is missing.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR, TERM=dumb).")] = False,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Save a case report at the outcome: Markdown, or JSON for a .json file."),
    ] = None,
    record: Annotated[
        Path | None,
        typer.Option("--record", help="Write the walk's answers to a file that replays it (YAML, or JSON for .json)."),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Let --report and --record replace an existing file.")
    ] = False,
    probe: Annotated[
        bool | None,
        typer.Option(
            "--probe/--no-probe",
            help="Let automatic checks (internet, clock, proxy) answer check questions. "
            "Default: on in the wizard, off in scripted mode.",
            show_default=False,
        ),
    ] = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Walk a tree to a diagnosis: interactively in a terminal, or from answers given as flags or a file.

    Without a terminal (or with --no-input, or CI set) it never prompts: a missing answer exits 3 and
    prints the next question with its choices.
    """

    from wallet_doctor.commands.run import run as run_command

    code = run_command(
        tree,
        answer_flags=answer or [],
        answers_file=answers_file,
        output=output.value,
        lang=lang,
        no_input=no_input,
        no_color=no_color,
        report=report,
        record=record,
        overwrite=overwrite,
        probe=probe,
        trees=trees,
        no_builtin=no_builtin,
    )
    raise typer.Exit(code)


@app.command("list")
def list_trees(
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """List the trees: id, title and size."""
    from wallet_doctor.commands.list import list_trees as list_command

    raise typer.Exit(list_command(output.value, lang, trees, no_builtin))


@app.command()
def show(
    tree: Annotated[str, typer.Argument(help="The tree to outline.")],
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Outline a tree: each question, its choices and where they lead."""
    from wallet_doctor.commands.show import show as show_command

    raise typer.Exit(show_command(tree, lang, trees, no_builtin))


@app.command()
def paths(
    tree: Annotated[str, typer.Argument(help="The tree whose walks to list.")],
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Every sequence of answers through a tree and the outcome it reaches (jumps followed)."""
    from wallet_doctor.commands.paths import paths as paths_command

    raise typer.Exit(paths_command(tree, output.value, lang, trees, no_builtin))


@app.command()
def search(
    words: Annotated[list[str], typer.Argument(help="Symptoms or an error message, in Chinese or English.")],
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Find the tree and the pages for a symptom, e.g. `wallet-doctor search 转账失败` or `search cannot withdraw`;
    each page comes with the answers that lead to it."""
    from wallet_doctor.commands.search import search as search_command

    raise typer.Exit(search_command(words, output.value, lang, trees, no_builtin))


class ValidateFormat(StrEnum):
    """How `validate` prints its problems: text for people, JSON for programs, GitHub annotations for CI."""

    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Tree files or folders to check, in the context of the trees in force (a file given replaces "
            "the one of the same path or tree id); only their problems are shown. Default: the trees in force.",
            readable=False,  # sources.check_folder says what is wrong, with exit 4 (click's check exits 2)
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    output: Annotated[ValidateFormat, typer.Option("--format", "-f")] = ValidateFormat.text,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Check trees: syntax, types, translations, references, cycles, dead ends. Exit 4 on any error.

    Every problem has a stable code (WD101 ...), listed in docs/tree-format.md.
    """
    from wallet_doctor.commands.validate import validate as validate_command

    raise typer.Exit(validate_command(paths or [], strict, output.value, trees, no_builtin))


@app.command("test")
def walks_test(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Walk files, or folders of them (read recursively). Default: ./walks.", show_default=False),
    ] = None,
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Replay golden walks (a tree, its answers, and the outcome and steps to expect) against the trees in force.

    Prints each failure and a coverage line: the outcomes of your own trees (--trees), or of every tree,
    that no walk reaches. Exit 0 when every walk passes, 4 when any fails. The walk format is in
    docs/tree-format.md.
    """
    from wallet_doctor.commands.test import test as test_command

    raise typer.Exit(test_command(paths or [], output.value, trees, no_builtin))


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="A new or empty folder to write into.")],
) -> None:
    """Start a trees folder: a small valid tree, one walk, a pre-commit config and a README saying how to
    check them. Refuses a folder that is not empty."""
    from wallet_doctor.commands.init import init as init_command

    raise typer.Exit(init_command(directory))


@app.command()
def batch(
    cases: Annotated[str, typer.Argument(help="A JSON Lines file of cases, or - for standard input.")],
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Triage many cases: one JSON object a line in ({"id", "tree", "answers", "lang"}), one result a line out.

    Each result is what `run --format json` prints, plus the case id; a bad line gives an error object
    and the batch goes on. Exit 0 only when every case reached an outcome (3 when some need an answer,
    4 when a line was bad). A summary goes to standard error.
    """
    from wallet_doctor.commands.batch import batch as batch_command

    raise typer.Exit(batch_command(cases, lang, trees, no_builtin))


class DocsFormat(StrEnum):
    """What `docs` writes: Markdown pages, or the HTML troubleshooter."""

    markdown = "markdown"
    html = "html"


@app.command()
def docs(
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder to write into (created if missing).")],
    langs: Annotated[
        list[str] | None,
        typer.Option("--lang", "-l", help=f"A language to write; repeatable. Default: {' and '.join(LANGUAGES)}."),
    ] = None,
    formats: Annotated[
        list[DocsFormat] | None,
        typer.Option("--format", "-f", help="markdown or html; repeatable. Default: both."),
    ] = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace files in --out that wallet-doctor docs did not write.")
    ] = False,
) -> None:
    """Write documentation generated from the trees: Markdown pages with Mermaid flowcharts, and a
    self-contained HTML troubleshooter per language. Regenerate the committed pages with
    `wallet-doctor docs --out docs/trees --format markdown`."""
    from wallet_doctor.commands.docs import docs as docs_command

    chosen = [f.value for f in formats or list(DocsFormat)]
    raise typer.Exit(docs_command(out, langs, chosen, trees, no_builtin, overwrite))


def main() -> None:
    """The console script. The boundary also covers what fails before a command starts, and the output
    still buffered when it ends (a full disk shows there, not at exit where Python would only warn)."""
    from wallet_doctor.files import CLOSED_OUTPUT

    if sys.stdout is None:
        print(CLOSED_OUTPUT, file=sys.stderr)
        sys.exit(EXIT_INVALID)
    try:
        with error_handler():
            try:
                app(prog_name="wallet-doctor")
            finally:
                sys.stdout.flush()
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
