"""Automatic checks that answer a check node by themselves: internet reachability, clock skew, proxy settings.

A probe never sends user data: it resolves and connects to public hosts (or reads the environment) and
returns pass, fail or could-not-run with a detail line. Could-not-run falls back to asking the user.
"""

from __future__ import annotations

from wallet_doctor.probes.base import ProbeConfig, ProbeResult, probe_answers, run_probe

__all__ = ["ProbeConfig", "ProbeResult", "probe_answers", "run_probe"]
