"""Is traffic sent through a proxy? Read from the environment (HTTP_PROXY and friends); nothing is sent."""

from __future__ import annotations

from urllib.parse import urlsplit

from wallet_doctor.probes.base import FAIL, PASS, ProbeConfig, ProbeResult

_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY")


def proxy_probe(config: ProbeConfig) -> ProbeResult:
    """Pass when no proxy is set (a direct connection); fail, naming the variable and host, when one is."""
    environ = {key.upper(): value for key, value in config.environ.items()}
    for name in _VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            host = urlsplit(value if "://" in value else f"http://{value}").hostname or value
            # The proxy's host only: a proxy URL may carry a user name and password.
            return ProbeResult(FAIL, f"{name} sends traffic through the proxy {host}")
    return ProbeResult(PASS, "no proxy is set in the environment")
