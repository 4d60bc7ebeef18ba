"""Is the device clock right? Compared with the HTTP `Date` header of a reachable host.

A wrong clock breaks one-time codes and secure (TLS) connections, so login advice depends on it."""

from __future__ import annotations

import ssl

from wallet_doctor.probes.base import FAIL, NOT_RUN, PASS, ProbeConfig, ProbeResult, split_url


def clock_probe(config: ProbeConfig) -> ProbeResult:
    """Pass when the clock is within `max_clock_skew` of the first host that answers with a Date."""
    # http.client and email (~8 ms) are imported here, not with the module: the wizard reads ProbeConfig from
    # this package before its first prompt, and most walks run no clock probe.
    import http.client

    reasons: list[str] = []
    for url in config.urls:
        scheme, host, port = split_url(url)
        try:
            server_time = _server_date(config, scheme, host, port)
        except (OSError, ssl.SSLError, http.client.HTTPException, ValueError, IndexError) as exc:
            reasons.append(f"{host}: {type(exc).__name__}")
            continue
        if server_time is None:
            reasons.append(f"{host}: no Date header")
            continue
        skew = config.now() - server_time
        if abs(skew) <= config.max_clock_skew:
            seconds = f"{abs(skew):.0f}"
            return ProbeResult(
                PASS,
                f"the clock agrees with {host} (off by {seconds} s)",
                "probe.clock.pass",
                (("host", host), ("seconds", seconds)),
            )
        direction = "ahead of" if skew > 0 else "behind"
        amount, unit = _duration(abs(skew))
        return ProbeResult(
            FAIL,
            f"the clock is {amount} {unit} {direction} {host}",
            f"probe.clock.{'ahead' if skew > 0 else 'behind'}",
            (("host", host), ("amount", amount), ("unit", unit)),
        )
    return ProbeResult(
        NOT_RUN,
        "no host could tell the time: " + "; ".join(reasons or ["no hosts configured"]),
        "probe.clock.not_run",
    )


def _server_date(config: ProbeConfig, scheme: str, host: str, port: int) -> float | None:
    import http.client
    from email.utils import parsedate_to_datetime

    address, resolved_port = config.resolver(host, port)[0]
    connection: http.client.HTTPConnection
    if scheme == "https":
        # The clock may be what breaks certificate checks, so the date is read without verifying them:
        # nothing is sent but a HEAD request, and only the Date header is read.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(address, resolved_port, timeout=config.timeout, context=context)
    else:
        connection = http.client.HTTPConnection(address, resolved_port, timeout=config.timeout)
    try:
        connection.request("HEAD", "/", headers={"Host": host, "User-Agent": "wallet-doctor"})
        date = connection.getresponse().getheader("Date")
    finally:
        connection.close()
    return parsedate_to_datetime(date).timestamp() if date else None


def _duration(seconds: float) -> tuple[str, str]:
    """(amount, unit): the unit is days, hours or minutes, a key suffix the messages translate."""
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:.0f}", "days"
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:.0f}", "hours"
    return f"{seconds / 60:.0f}", "minutes"
