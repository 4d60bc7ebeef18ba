"""Is the internet reachable? DNS resolution, then a TCP connection (and a TLS handshake for https)."""

from __future__ import annotations

import socket
import ssl
import time

from wallet_doctor.probes.base import FAIL, NOT_RUN, PASS, ProbeConfig, ProbeResult, split_url


def internet_probe(config: ProbeConfig) -> ProbeResult:
    """Pass when any configured host resolves and accepts a connection; fail when none does."""
    if not config.urls:
        return ProbeResult(NOT_RUN, "no hosts are configured to check")
    resolved_any = False
    hosts: list[str] = []
    reasons: list[str] = []
    for url in config.urls:
        scheme, host, port = split_url(url)
        try:
            addresses = config.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            hosts.append(host)
            reasons.append(_reason(exc))
            continue
        resolved_any = True
        started = time.perf_counter()
        try:
            _connect(addresses, host, scheme == "https", config.timeout)
        except PermissionError as exc:
            return ProbeResult(NOT_RUN, f"this computer does not allow network connections ({_reason(exc)})")
        except (OSError, ssl.SSLError) as exc:
            hosts.append(host)
            reasons.append(_reason(exc))
            continue
        elapsed = (time.perf_counter() - started) * 1000
        return ProbeResult(PASS, f"reached {host} in {elapsed:.0f} ms")
    # One short line: which hosts were tried, and the reason (the first one, when they differ).
    what = "DNS works, but no host accepted a connection" if resolved_any else "no host name could be resolved"
    why = reasons[0] if len(set(reasons)) == 1 else f"{reasons[0]}, and others"
    return ProbeResult(FAIL, f"{what} (tried {', '.join(hosts)}: {why})")


def _connect(addresses: list[tuple[str, int]], host: str, tls: bool, timeout: float) -> None:
    last: OSError | None = None
    for address in addresses or []:
        try:
            with socket.create_connection(address, timeout=timeout) as raw:
                if tls:
                    context = ssl.create_default_context()
                    with context.wrap_socket(raw, server_hostname=host):
                        pass
                return
        except PermissionError:
            raise
        except OSError as exc:
            last = exc
    raise last or OSError("no address")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
