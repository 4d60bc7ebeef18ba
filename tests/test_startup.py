"""Start-up stays fast: a scripted run never imports the interactive or rendering libraries."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO, VALID

PROBE = """
import sys
from wallet_doctor.cli import main
sys.argv = ["wallet-doctor", *{args!r}]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("questionary", "prompt_toolkit", "rich", "jsonschema") if m in sys.modules)
print("MODULES=" + " ".join(heavy), file=sys.stderr)
"""


def loaded_modules(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "WALLET_DOCTOR_LANG": "en"},
        timeout=60,
    )
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("MODULES="))
    return line.removeprefix("MODULES=").split()


def test_a_scripted_run_imports_neither_questionary_nor_prompt_toolkit_nor_rich() -> None:
    args = ("run", "--trees", str(VALID), "--no-builtin", "--format", "json", "-a", "triage_problem=login")

    assert loaded_modules(*args) == []


def test_a_scripted_run_of_the_builtin_triage_imports_none_either() -> None:
    assert loaded_modules("run", "--format", "json") == []


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wallet_doctor", "list", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )

    assert result.returncode == 0
    assert "triage" in [t["id"] for t in json.loads(result.stdout)["trees"]]
