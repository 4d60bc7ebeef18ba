"""Shared fixtures: the repository's paths, a small valid catalog, and a CLI runner with fixed settings."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wallet_doctor.cli import app
from wallet_doctor.model import Catalog
from wallet_doctor.sources import open_catalog

REPO = Path(__file__).resolve().parent.parent
TREES = REPO / "tests" / "trees"
VALID = TREES / "valid"
INVALID = TREES / "invalid"
FIXTURE_FLAGS = ["--trees", str(VALID), "--no-builtin"]


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests see no user settings: English unless a test says otherwise, no colour, not a terminal, and a
    catalog cache of their own."""
    for name in ("WALLET_DOCTOR_LANG", "WALLET_DOCTOR_TREES", "LC_ALL", "LC_MESSAGES", "LANG", "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WALLET_DOCTOR_LANG", "en")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")  # the wizard pages a diagnosis taller than the terminal
    monkeypatch.setenv("WALLET_DOCTOR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))  # interrupted walks


@pytest.fixture
def catalog() -> Catalog:
    """The small valid catalog of tests/trees/valid: triage, network (with a check) and login."""
    return open_catalog([VALID], builtin=False)


class Cli:
    """Runs the real typer app in-process and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Any:
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)

    def json(self, *args: str, input: str | None = None) -> tuple[int, dict[str, Any]]:
        result = self(*args, "--format", "json", input=input)
        return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    monkeypatch.chdir(REPO)
    return Cli()


@pytest.fixture
def hang_up_as_default() -> Any:
    """Children inherit an ignored SIGHUP from a run under nohup, and rightly keep ignoring it (files.py leaves an
    ignored signal ignored): a test that hangs a child up starts it with the default disposition."""
    previous = signal.signal(signal.SIGHUP, signal.SIG_DFL)
    yield
    signal.signal(signal.SIGHUP, previous)
