"""The command line: parses options, calls the core, prints, and maps errors to exit codes. Nothing else.

No `from __future__ import annotations` here: typer reads these annotations at every call, and string
annotations would make it evaluate each one again (about 10 ms a call, see bench/).
"""

import functools
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from wallet_doctor import __version__
from wallet_doctor.errors import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_NEEDS_ANSWER,
    BadAnswers,
    WalletDoctorError,
)

BUG_REPORT = "Please report it with the command you ran and this message to the wallet-doctor issue tracker."


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


app = typer.Typer(
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
    typer.Option("--lang", "-l", help="zh-CN or en. Default: $WALLET_DOCTOR_LANG, then the locale, then zh-CN."),
]

F = TypeVar("F", bound=Callable[..., Any])


def guarded(command: F) -> F:
    """Turn the project's errors into a message and an exit code; never show a traceback for them."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except WalletDoctorError as exc:
            typer.echo(f"wallet-doctor: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            typer.echo("", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader (head, a closed pipe) went away; there is no one left to tell.
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


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
) -> None:
    """With no command: the guided wizard, starting at triage."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(run)


@app.command()
@guarded
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
    from datetime import datetime

    from wallet_doctor import answers as answer_input
    from wallet_doctor.engine import drive
    from wallet_doctor.model import TRIAGE

    given = answer_input.read_file(answers_file) if answers_file else answer_input.AnswerSet()
    if tree and given.tree and tree != given.tree:
        raise BadAnswers(
            f"The answers file is for tree '{given.tree}', but you asked for '{tree}'. "
            "Drop the TREE argument or use another file."
        )
    tree_id = tree or given.tree or TRIAGE
    from wallet_doctor.files import check_target

    for target in (report, record):  # refused before the walk, not after the outcome is printed
        if target is not None:
            check_target(target, overwrite=overwrite)
    language, catalog = _setup(lang, trees, no_builtin)
    from_file = given.answers
    if given.digests:
        from wallet_doctor.record import replay_warnings

        from_file, warnings = replay_warnings(catalog, tree_id, given.answers, given.digests)
        for warning in warnings:
            typer.echo(f"wallet-doctor: warning: {warning}", err=True)
    answers = {**from_file, **answer_input.parse_flags(answer or [])}
    interactive = output is Format.text and _may_prompt(no_input)
    probes = _probe_config() if (probe if probe is not None else interactive) else None
    if interactive:
        from wallet_doctor.wizard import run_wizard

        code, walk = run_wizard(
            drive(catalog, tree_id, answers), language, color=_color(no_color), report_path=report, probes=probes
        )
        if record is not None:
            from wallet_doctor.record import save_record

            save_record(walk, record, datetime.now().astimezone(), overwrite=overwrite)
        raise typer.Exit(code)

    auto = None
    if probes is not None:
        from wallet_doctor.probes import probe_answers

        auto = probe_answers(probes)
    walk = drive(catalog, tree_id, answers, auto)
    _print_walk(walk, language, output, tree_id)
    if record is not None:
        from wallet_doctor.record import save_record

        save_record(walk, record, datetime.now().astimezone(), overwrite=overwrite)
        typer.echo(f"Answers recorded: {record}", err=True)
    if not walk.finished:
        if report is not None:
            typer.echo("wallet-doctor: no report saved: the walk has not reached a diagnosis yet.", err=True)
        raise typer.Exit(EXIT_NEEDS_ANSWER)
    if report is not None:
        from wallet_doctor.report import report_data, save_report

        save_report(report_data(walk, language, datetime.now().astimezone()), report, overwrite=overwrite)
        typer.echo(f"Report saved: {report}", err=True)


def _probe_config() -> Any:
    from wallet_doctor.probes import ProbeConfig

    return ProbeConfig.from_environment()


def _may_prompt(no_input: bool) -> bool:
    from wallet_doctor.files import is_terminal

    return not no_input and not os.environ.get("CI") and is_terminal(sys.stdin) and is_terminal(sys.stdout)


def _color(no_color: bool) -> bool:
    return not (no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb") and sys.stdout.isatty()


def _print_walk(walk: Any, lang: str, output: Format, tree_id: str) -> None:
    from wallet_doctor.render.data import walk_data

    data = walk_data(walk, lang)
    if output is Format.json:
        _print_json(data)
    elif output is Format.markdown:
        from wallet_doctor.render.markdown import render_walk

        typer.echo(render_walk(data), nl=False)
    else:
        from wallet_doctor.render.text import render_walk as render_text

        command = ["wallet-doctor", "run", tree_id]
        for question, choice in walk.as_answers().items():
            command += ["-a", f"{question}={choice}"]
        typer.echo(render_text(data, command), nl=False)


def _setup(lang: str | None, trees: list[Path] | None, no_builtin: bool) -> tuple[str, Any]:
    """What nearly every command starts with: the language to speak and the catalog in force."""
    from wallet_doctor.lang import resolve
    from wallet_doctor.sources import open_catalog

    language = resolve(lang)  # an unknown --lang is refused before any tree is read
    return language, open_catalog(trees or [], builtin=not no_builtin)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command("list")
@guarded
def list_trees(
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """List the trees: id, title and size."""
    from wallet_doctor.render.data import SCHEMA_VERSION

    language, catalog = _setup(lang, trees, no_builtin)
    rows: list[dict[str, Any]] = [
        {
            "id": t.id,
            "title": t.title.get(language),
            "summary": t.summary.get(language),
            "version": t.version,
            "questions": sum(1 for _ in t.questions),
            "outcomes": sum(1 for _ in t.outcomes),
            "keywords": list(t.keywords_in(language)),
        }
        for t in sorted(catalog.trees.values(), key=lambda t: t.id)
    ]
    if output is ListFormat.json:
        _print_json({"schema_version": SCHEMA_VERSION, "trees": rows})
        return
    from wallet_doctor.render.text import clean

    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        typer.echo(f"{r['id']:<{width}}  {clean(r['title'])}  ({r['questions']} questions, {r['outcomes']} outcomes)")


@app.command()
@guarded
def show(
    tree: Annotated[str, typer.Argument(help="The tree to outline.")],
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Outline a tree: each question, its choices and where they lead."""
    from wallet_doctor.errors import UnknownTree
    from wallet_doctor.outline import outline

    language, catalog = _setup(lang, trees, no_builtin)
    if tree not in catalog.trees:
        raise UnknownTree(tree, list(catalog.trees))
    typer.echo(outline(catalog, tree, language), nl=False)


@app.command()
@guarded
def paths(
    tree: Annotated[str, typer.Argument(help="The tree whose walks to list.")],
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Every sequence of answers through a tree and the outcome it reaches (jumps followed)."""
    from wallet_doctor.paths import all_paths
    from wallet_doctor.render.data import SCHEMA_VERSION

    language, catalog = _setup(lang, trees, no_builtin)
    walks = all_paths(catalog, tree)
    if output is ListFormat.json:
        rows = [{"answers": w.as_answers(), "outcome": w.outcome.id if w.outcome else None} for w in walks]
        _print_json({"schema_version": SCHEMA_VERSION, "tree": tree, "paths": rows})
        return
    from wallet_doctor.render.text import clean

    for w in walks:
        flags = " ".join(f"-a {q}={c}" for q, c in w.as_answers().items())
        assert w.outcome is not None
        typer.echo(f"{flags} => {w.outcome.id}: {clean(w.outcome.title.get(language))}")


@app.command()
@guarded
def search(
    words: Annotated[list[str], typer.Argument(help="Symptoms or an error message, in Chinese or English.")],
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Find the tree for a symptom, e.g. `wallet-doctor search 转账失败` or `search cannot withdraw`."""
    from wallet_doctor.render.data import SCHEMA_VERSION
    from wallet_doctor.search import search as find

    language, catalog = _setup(lang, trees, no_builtin)
    matches = find(catalog, " ".join(words))
    if output is ListFormat.json:
        rows = [
            {"tree": m.tree.id, "title": m.tree.title.get(language), "score": m.score, "matched": list(m.matched)}
            for m in matches
        ]
        _print_json({"schema_version": SCHEMA_VERSION, "query": " ".join(words), "matches": rows})
        return
    if not matches:
        typer.echo("No tree matches. Try other words, or run `wallet-doctor` and pick from the menu.", err=True)
        raise typer.Exit(EXIT_INVALID)
    from wallet_doctor.render.text import clean

    for m in matches:
        typer.echo(f"{m.tree.id}  {clean(m.tree.title.get(language))}  (wallet-doctor run {m.tree.id})")


@app.command()
@guarded
def validate(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="A tree file or a folder of trees to check on its own. Default: the trees in force.",
            readable=False,  # sources.check_folder says what is wrong, with exit 4 (click's check exits 2)
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    output: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    trees: TreesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Check trees: syntax, types, translations, references, cycles, dead ends. Exit 4 on any error."""
    from wallet_doctor.sources import check_path, load, tree_folders

    if directory is not None:
        check_path(directory)
        folders = [directory]
    else:
        folders = tree_folders(trees or [], builtin=not no_builtin)
    catalog, problems = load(folders, use_cache=False)  # an author asking for a check gets a fresh one
    errors = [p for p in problems if p.is_error or strict]
    if output is ListFormat.json:
        from wallet_doctor.render.data import SCHEMA_VERSION

        _print_json(
            {
                "schema_version": SCHEMA_VERSION,
                "valid": not errors,
                "problems": [
                    {
                        "file": p.file,
                        "line": p.line,
                        "severity": p.severity,
                        "node": p.node,
                        "message": p.message,
                        "fix": p.fix,
                    }
                    for p in problems
                ],
            }
        )
    else:
        for problem in problems:
            typer.echo(str(problem))
        warnings = sum(1 for p in problems if not p.is_error)
        count = sum(1 for p in problems if p.is_error)
        trees_count, files = len(catalog.trees), len(catalog.trees) + len({b.loc.file for b in catalog.shared.values()})
        summary = f"{count} error(s), {warnings} warning(s) in {trees_count} tree(s)."
        typer.echo(summary if problems else f"All {files} file(s) are valid: {trees_count} tree(s).", err=True)
    if errors:
        raise typer.Exit(EXIT_INVALID)


@app.command()
@guarded
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
    from wallet_doctor.batch import run_batch

    language, catalog = _setup(lang, trees, no_builtin)
    if cases == "-":
        from wallet_doctor.files import standard_input

        summary = run_batch(standard_input("the cases"), catalog, language, sys.stdout)
    else:
        try:
            stream = Path(cases).open("rb")  # noqa: SIM115 - closed by the with below; opened apart to word errors
        except FileNotFoundError:
            raise WalletDoctorError(f"The cases file '{cases}' does not exist.") from None
        except OSError as exc:
            raise WalletDoctorError(f"Cannot read the cases file '{cases}': {exc.strerror}.") from None
        with stream:
            summary = run_batch(stream, catalog, language, sys.stdout)
    sys.stdout.flush()
    for line in summary.lines():
        typer.echo(line, err=True)
    raise typer.Exit(summary.exit_code)


class DocsFormat(StrEnum):
    markdown = "markdown"
    html = "html"


@app.command()
@guarded
def docs(
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder to write into (created if missing).")],
    langs: Annotated[
        list[str] | None, typer.Option("--lang", "-l", help="A language to write; repeatable. Default: zh-CN and en.")
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
    from wallet_doctor.docs import generate
    from wallet_doctor.lang import resolve
    from wallet_doctor.sources import open_catalog

    catalog = open_catalog(trees or [], builtin=not no_builtin)
    languages = [resolve(code) for code in langs] if langs else ["zh-CN", "en"]
    formats_chosen = [f.value for f in formats or list(DocsFormat)]
    written = generate(catalog, out, list(dict.fromkeys(languages)), formats_chosen, overwrite=overwrite)
    typer.echo(f"Wrote {len(written)} file(s) to {out}.", err=True)


def main() -> None:
    """The console script: run the app; an unexpected error is a bug, reported without a traceback."""
    from wallet_doctor.files import CLOSED_OUTPUT, write_failure

    if sys.stdout is None:
        print(CLOSED_OUTPUT, file=sys.stderr)
        sys.exit(EXIT_INVALID)
    try:
        try:
            app(prog_name="wallet-doctor")
        finally:
            sys.stdout.flush()  # a full disk shows here, not at exit where Python would only warn
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:
        failure = write_failure(exc)
        if failure is not None:
            print(failure, file=sys.stderr)
            sys.exit(EXIT_INVALID)
        if os.environ.get("WALLET_DOCTOR_DEBUG"):
            raise
        print(f"wallet-doctor: unexpected error: {type(exc).__name__}: {exc}\n{BUG_REPORT}", file=sys.stderr)
        sys.exit(EXIT_BUG)
