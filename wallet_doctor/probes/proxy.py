"""Is traffic sent through a proxy? Read from the environment (HTTP_PROXY and friends); nothing is sent."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from wallet_doctor.probes.base import FAIL, PASS, ProbeConfig, ProbeResult

_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY")
_HOST = re.compile(r"[A-Za-z0-9._\-:\[\]]{1,255}")


def proxy_probe(config: ProbeConfig) -> ProbeResult:
    """Pass when no proxy is set (a direct connection); fail, naming the variable and host, when one is."""
    environ = {key.upper(): value for key, value in config.environ.items()}
    for name in _VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            host = _host(value)
            return ProbeResult(
                FAIL,
                f"{name} sends traffic through the proxy {host}",
                "probe.proxy.fail",
                (("variable", name), ("host", host)),
            )
    return ProbeResult(PASS, "no proxy is set in the environment", "probe.proxy.pass")


def _host(value: str) -> str:
    """The proxy's host only: a proxy URL may carry a user name and password, and a value that cannot be
    read as a URL is never echoed (it could be a password alone, or a terminal escape)."""
    try:
        host = urlsplit(value if "://" in value else f"http://{value}").hostname
    except ValueError:  # an unbalanced [ in the host
        host = None
    return host if host and _HOST.fullmatch(host) else "(an address that cannot be read)"
