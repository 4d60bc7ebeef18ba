"""What every probe shares: its result, its configuration, and the dispatch by name."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from wallet_doctor.model import Question

PASS, FAIL, NOT_RUN = "pass", "fail", "not_run"
HOSTS_ENV = "WALLET_DOCTOR_PROBE_HOSTS"
# Widely reachable from mainland China and elsewhere; a probe passes when any one of them answers.
DEFAULT_URLS = ("https://www.baidu.com/", "https://www.qq.com/", "https://www.apple.com/")

Resolver = Callable[[str, int], list[tuple[str, int]]]


def system_resolver(host: str, port: int) -> list[tuple[str, int]]:
    """The machine's own DNS: (address, port) pairs for `host`."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [(str(info[4][0]), int(info[4][1])) for info in infos]


@dataclass(frozen=True, slots=True)
class ProbeResult:
    status: str  # pass, fail or not_run
    detail: str  # one line, in English, for people and logs

    @property
    def answered(self) -> bool:
        return self.status in (PASS, FAIL)


@dataclass(frozen=True)
class ProbeConfig:
    """Where probes look. Tests point them at loopback servers and an injected resolver."""

    urls: tuple[str, ...] = DEFAULT_URLS
    timeout: float = 3.0
    resolver: Resolver = system_resolver
    now: Callable[[], float] = time.time
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    max_clock_skew: float = 120.0  # seconds; one-time codes tolerate about 30, TLS far more

    @classmethod
    def from_environment(cls) -> ProbeConfig:
        """The defaults, with hosts from $WALLET_DOCTOR_PROBE_HOSTS (comma-separated URLs) when set."""
        urls = tuple(u.strip() for u in os.environ.get(HOSTS_ENV, "").split(",") if u.strip())
        return cls(urls=urls or DEFAULT_URLS)


def split_url(url: str) -> tuple[str, str, int]:
    """('https', 'www.example.com', 443) from a URL."""
    parts = urlsplit(url)
    scheme = parts.scheme or "https"
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, parts.hostname or "", port


def run_probe(name: str, config: ProbeConfig) -> ProbeResult:
    """Run the probe `name`; an unexpected failure of the probe itself is could-not-run, never a crash."""
    from wallet_doctor.probes.clock import clock_probe
    from wallet_doctor.probes.internet import internet_probe
    from wallet_doctor.probes.proxy import proxy_probe

    probes: dict[str, Callable[[ProbeConfig], ProbeResult]] = {
        "internet": internet_probe,
        "clock": clock_probe,
        "proxy": proxy_probe,
    }
    probe = probes.get(name)
    if probe is None:
        return ProbeResult(NOT_RUN, f"there is no probe called '{name}'")
    try:
        return probe(config)
    except Exception as exc:  # noqa: BLE001 - a probe that breaks must fall back to asking, not stop the walk
        return ProbeResult(NOT_RUN, f"the {name} check could not run: {type(exc).__name__}: {exc}")


def probe_answers(
    config: ProbeConfig, report: Callable[[str, ProbeResult], None] | None = None
) -> Callable[[Question], tuple[str, str] | None]:
    """An engine hook that answers a check by running its probe: (choice, detail), or None to ask the
    user when the probe could not run or the check has no such choice. `report` hears every result."""

    def answer(question: Question) -> tuple[str, str] | None:
        if not question.probe:
            return None
        result = run_probe(question.probe, config)
        if report is not None:
            report(question.id, result)
        if result.answered and question.choice(result.status) is not None:
            return result.status, result.detail
        return None

    return answer
