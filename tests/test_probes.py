"""Probes against real servers on loopback (a TCP listener, an HTTP server with a skewed Date header) and
an injected resolver: never the internet."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wallet_doctor.probes import ProbeConfig, run_probe

NOW = 1_800_000_000.0


def loopback_resolver(host: str, port: int) -> list[tuple[str, int]]:
    """Every name resolves to this machine; the name 'nowhere.invalid' does not resolve."""
    if host == "nowhere.invalid":
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return [("127.0.0.1", port)]


@pytest.fixture
def listener() -> Iterator[int]:
    """A real TCP listener on loopback; its port."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def http_server(date_offset: float | None) -> tuple[ThreadingHTTPServer, int]:
    """An HTTP server on loopback whose Date header is NOW + date_offset (no Date header when None)."""

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.send_response_only(200)
            if date_offset is not None:
                self.send_header("Date", formatdate(NOW + date_offset, usegmt=True))
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def config(*urls: str, **changes: object) -> ProbeConfig:
    return ProbeConfig(urls=urls, timeout=2.0, resolver=loopback_resolver, now=lambda: NOW, **changes)  # type: ignore[arg-type]


def test_internet_passes_when_a_host_accepts_a_connection(listener: int) -> None:
    result = run_probe("internet", config(f"http://wallet.example:{listener}/"))

    assert result.status == "pass"
    assert result.detail.startswith("reached wallet.example in ")


def test_internet_fails_when_names_resolve_but_nothing_connects() -> None:
    port = closed_port()

    result = run_probe("internet", config(f"http://a.example:{port}/"))

    assert result.status == "fail"
    assert result.detail == "no host accepted a connection (tried a.example: the connection was refused)"
    assert result.said("zh-CN") == "这台电脑连不上任何网站（试了 a.example：连接被拒绝）。"


def test_internet_fails_when_no_name_resolves() -> None:
    result = run_probe("internet", config("https://nowhere.invalid/"))

    assert result.status == "fail"
    assert result.detail == "no host name could be looked up (tried nowhere.invalid: the name was not found)"
    assert result.said("en") == (
        "This computer could not look up any site's address (tried nowhere.invalid: the name was not found)."
    )


def test_a_certificate_that_fails_is_said_without_the_exception_text() -> None:
    import ssl

    from wallet_doctor.probes.base import failure_kind

    exc = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)")
    assert failure_kind(exc) == "certificate"


def test_internet_passes_if_any_one_host_answers(listener: int) -> None:
    result = run_probe("internet", config("https://nowhere.invalid/", f"http://b.example:{listener}/"))

    assert result.status == "pass"


def test_internet_cannot_run_without_hosts() -> None:
    assert run_probe("internet", config()).status == "not_run"


def test_clock_passes_when_it_agrees_with_the_server() -> None:
    server, port = http_server(date_offset=20)
    try:
        result = run_probe("clock", config(f"http://time.example:{port}/"))
    finally:
        server.shutdown()

    assert (result.status, result.detail) == ("pass", "the clock agrees with time.example (off by 20 s)")


def test_clock_fails_when_the_server_date_is_hours_away() -> None:
    server, port = http_server(date_offset=-3 * 3600)
    try:
        result = run_probe("clock", config(f"http://time.example:{port}/"))
    finally:
        server.shutdown()

    assert (result.status, result.detail) == ("fail", "the clock is 3 hours ahead of time.example")


def test_clock_cannot_run_when_no_server_gives_a_date() -> None:
    server, port = http_server(date_offset=None)
    try:
        result = run_probe("clock", config(f"http://time.example:{port}/", f"http://b.example:{closed_port()}/"))
    finally:
        server.shutdown()

    assert result.status == "not_run"
    assert result.detail.startswith("no host could tell the time: time.example: no Date header; b.example: ")


def test_proxy_fails_naming_the_proxy_host_but_never_its_password() -> None:
    result = run_probe("proxy", config(environ={"https_proxy": "http://alice:s3cret@proxy.corp:3128"}))

    assert (result.status, result.detail) == ("fail", "HTTPS_PROXY sends traffic through the proxy proxy.corp")


def test_proxy_passes_with_a_direct_connection() -> None:
    assert run_probe("proxy", config(environ={"PATH": "/bin"})).status == "pass"


def test_a_probe_that_breaks_could_not_run_instead_of_crashing() -> None:
    def broken_resolver(host: str, port: int) -> list[tuple[str, int]]:
        raise RuntimeError("resolver exploded")

    result = run_probe("internet", ProbeConfig(urls=("https://x.example/",), resolver=broken_resolver))

    assert result.status == "not_run"
    assert result.detail == "the internet check could not run: RuntimeError: resolver exploded"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("http://alice:s3cret@", "(an address that cannot be read)"),
        ("alice:s3cret@", "(an address that cannot be read)"),
        ("http://alice:s3cret@[proxy.corp", "(an address that cannot be read)"),
        ("http://alice:s3cret@evil\x1b]0;x\x07:8080", "(an address that cannot be read)"),
        ("socks5://bob:hunter2@10.0.0.1:1080", "10.0.0.1"),
    ],
)
def test_proxy_never_echoes_a_value_it_cannot_read_as_an_address(value: str, shown: str) -> None:
    result = run_probe("proxy", config(environ={"ALL_PROXY": value}))

    assert (result.status, result.detail) == ("fail", f"ALL_PROXY sends traffic through the proxy {shown}")
