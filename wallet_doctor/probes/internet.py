"""Is the internet reachable? DNS resolution, then a TCP connection (and a TLS handshake for https)."""

from __future__ import annotations

import socket
import ssl
import time

from wallet_doctor.messages import msg
from wallet_doctor.probes.base import FAIL, NOT_RUN, PASS, ProbeConfig, ProbeResult, failure_kind, split_url


def internet_probe(config: ProbeConfig) -> ProbeResult:
    """Pass when any configured host resolves and accepts a connection; fail when none does."""
    if not config.urls:
        return ProbeResult(NOT_RUN, "no hosts are configured to check", "probe.internet.no_hosts")
    resolved_any = False
    hosts: list[str] = []
    reasons: list[str] = []  # failure kinds (failure_kind), never exception text
    for url in config.urls:
        scheme, host, port = split_url(url)
        try:
            addresses = config.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            hosts.append(host)
            reasons.append(failure_kind(exc))
            continue
        resolved_any = True
        started = time.perf_counter()
        try:
            _connect(addresses, host, scheme == "https", config.timeout)
        except PermissionError:
            return ProbeResult(
                NOT_RUN, "this computer does not allow network connections", "probe.internet.not_allowed"
            )
        except (OSError, ssl.SSLError) as exc:
            hosts.append(host)
            reasons.append(failure_kind(exc))
            continue
        elapsed = f"{(time.perf_counter() - started) * 1000:.0f}"
        return ProbeResult(
            PASS, f"reached {host} in {elapsed} ms", "probe.internet.pass", (("host", host), ("ms", elapsed))
        )
    # One short line: which hosts were tried, and the reason (the first one, when they differ). Names that
    # resolved are not called "DNS works": the resolver may be a hosts file, or the host an address.
    what = "no host accepted a connection" if resolved_any else "no host name could be looked up"
    why = msg(f"probe.reason.{reasons[0]}", "en") + ("" if len(set(reasons)) == 1 else ", and other reasons")
    key = "probe.internet.fail.connect" if resolved_any else "probe.internet.fail.name"
    values = (("hosts", ", ".join(hosts)), ("reason", reasons[0]))
    return ProbeResult(FAIL, f"{what} (tried {', '.join(hosts)}: {why})", key, values)


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
