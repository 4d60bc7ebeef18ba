"""What every probe shares: its result, its configuration and URL handling. The registry is in __init__."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal
from urllib.parse import urlsplit

from wallet_doctor.messages import msg

Status = Literal["pass", "fail", "not_run"]  # not_run: the probe could not tell; the user is asked
PASS: Final = "pass"
FAIL: Final = "fail"
NOT_RUN: Final = "not_run"
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
    """What a probe found: pass, fail or not_run, and one line of detail; `key` and `values` say the
    same in the user's language (messages/probes.py), with no exception text."""

    status: Status
    detail: str  # one line, in English, for logs and JSON
    key: str = ""  # a message key, e.g. probe.internet.pass; empty: the detail is shown as it is
    # What the message is formatted with; a value named in _WORDS is itself translated: `reason` "timeout"
    # is said through the message probe.reason.timeout.
    values: tuple[tuple[str, str], ...] = ()

    @property
    def answered(self) -> bool:
        """Whether the probe answered (pass or fail) rather than could not run."""
        return self.status in (PASS, FAIL)

    def said(self, lang: str) -> str:
        """The detail in `lang`: only what the probe tested, on this computer."""
        if not self.key:
            return msg("probe.failed", lang)
        values = {name: msg(f"probe.{name}.{value}", lang) if name in _WORDS else value for name, value in self.values}
        return msg(self.key, lang).format(**values)


_WORDS = ("reason", "unit")  # values that are message key suffixes, not text


def failure_kind(exc: BaseException) -> str:
    """What kind of network failure `exc` is, as a message key suffix; never its text (which is English
    and full of internals such as `_ssl.c:1006`)."""
    import ssl

    if isinstance(exc, TimeoutError | socket.timeout):
        return "timeout"
    if isinstance(exc, socket.gaierror | UnicodeError):
        return "name"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "certificate"
    if isinstance(exc, ssl.SSLError):
        return "secure"
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, PermissionError):
        return "blocked"
    return "connection"


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
