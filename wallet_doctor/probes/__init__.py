"""Automatic checks that answer a check node by themselves: internet reachability, clock skew, proxy settings.

A probe never sends user data: it resolves and connects to public hosts (or reads the environment) and
returns pass, fail or could-not-run with a detail line. Could-not-run falls back to asking the user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wallet_doctor.probes.base import NOT_RUN, ProbeConfig, ProbeResult
from wallet_doctor.probes.clock import clock_probe
from wallet_doctor.probes.internet import internet_probe
from wallet_doctor.probes.proxy import proxy_probe

if TYPE_CHECKING:
    from wallet_doctor.model import Question

__all__ = ["PROBES", "ProbeConfig", "ProbeResult", "probe_answers", "run_probe"]

# The one registry of probes by the name a check node gives. The loader accepts the names in
# model.PROBES; tests/test_registries.py proves the two (and the JSON Schema) agree.
PROBES: dict[str, Callable[[ProbeConfig], ProbeResult]] = {
    "internet": internet_probe,
    "clock": clock_probe,
    "proxy": proxy_probe,
}


def run_probe(name: str, config: ProbeConfig) -> ProbeResult:
    """Run the probe `name`; an unexpected failure of the probe itself is could-not-run, never a crash."""
    probe = PROBES.get(name)
    if probe is None:
        return ProbeResult(NOT_RUN, f"there is no probe called '{name}'")
    try:
        return probe(config)
    except Exception as exc:  # noqa: BLE001 - a probe that breaks must fall back to asking, not stop the walk
        # The exception's text goes to the English detail (logs, JSON) only, never to the screen.
        return ProbeResult(NOT_RUN, f"the {name} check could not run: {type(exc).__name__}: {exc}")


def probe_answers(
    config: ProbeConfig, report: Callable[[str, ProbeResult], None] | None = None
) -> Callable[[Question], tuple[str, str] | None]:
    """An engine hook that answers a check by running its probe: (choice, detail), or None to ask the
    user when the probe could not run or the check has no such choice. `report` hears every result."""

    def answer(question: Question) -> tuple[str, str] | None:
        """The probe's answer to `question`, or None to ask the user."""
        if not question.probe:
            return None
        result = run_probe(question.probe, config)
        if report is not None:
            report(question.id, result)
        if result.answered and question.choice(result.status) is not None:
            return result.status, result.detail
        return None

    return answer
