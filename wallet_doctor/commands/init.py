"""`wallet-doctor init DIR`: a trees folder an author can start from."""

from __future__ import annotations

from pathlib import Path

import typer

from wallet_doctor.errors import EXIT_OK, WordedError


def init(directory: Path) -> int:
    """Write a small valid tree, its walk, a pre-commit config, the schema and a README into `directory`
    (created if missing); refuse a folder that already holds anything, so nothing is overwritten."""
    from wallet_doctor.files import write_all_atomic
    from wallet_doctor.scaffold import files

    try:
        if directory.exists() and not directory.is_dir():
            raise WordedError("error.init_is_file", path=directory)
        if directory.is_dir() and any(directory.iterdir()):
            raise WordedError("error.init_not_empty", path=directory)
        schema = (Path(__file__).resolve().parent.parent / "schemas" / "tree.schema.json").read_text("utf-8")
        written = {directory / name: text for name, text in files(schema).items()}
        for path in written:
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WordedError("error.init_cannot_write", path=directory, detail=exc.strerror) from None
    write_all_atomic(written)
    typer.echo(f"Wrote {len(written)} file(s) to {directory}. Next: read {directory / 'README.md'}.", err=True)
    return EXIT_OK
