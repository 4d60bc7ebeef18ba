"""A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no Python
package beyond the standard library, no network port, no browser download.

The protocol is JSON messages ended by a NUL byte; Chromium reads commands on its fd 3 and writes
replies and events on its fd 4."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--disable-ipc-flooding-protection",  # a test may change the address more than 200 times in 10 s
    "--remote-debugging-pipe",
]
TIMEOUT = 30.0
# Chromium's first start on a fresh machine builds its font cache and profile: one CI run waited more than
# 30 s for the first answer. A start gets longer, and a start that never answers is tried once more.
START_TIMEOUT = 90.0
STARTS = 2


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) on PATH, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


class BrowserError(AssertionError):
    pass


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class Page:
    """One tab of a running headless Chromium."""

    def __init__(self, executable: str, width: int = 900, height: int = 900) -> None:
        self.profile = tempfile.mkdtemp(prefix="wallet-doctor-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        # Move the browser's ends above 3 and 4 first, so that placing them on 3 and 4 cannot clobber them.
        child_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
        for fd in (to_browser_read, from_browser_write):
            os.close(fd)

        def place_pipes() -> None:
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        self._log_path = Path(self.profile) / "chromium.log"  # Chromium's stderr, quoted in errors
        self._log = self._log_path.open("wb")  # closed in close()
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            pass_fds=(3, 4),
            preexec_fn=place_pipes,  # only dup2 runs between fork and exec
        )
        os.close(child_read)
        os.close(child_write)
        self._buffer = b""
        self._next_id = 0
        self.session: str | None = None
        try:
            page = next(t for t in self._wait_for_page() if t["type"] == "page")
            self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
            self.send("Page.enable")
            self.resize(width, height)
        except BaseException:
            self.close()
            raise

    def _wait_for_page(self) -> list[dict[str, Any]]:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            targets = self.send("Target.getTargets", browser=True, timeout=START_TIMEOUT)["targetInfos"]
            if any(t["type"] == "page" for t in targets):
                return list(targets)
            time.sleep(0.1)
        raise BrowserError("Chromium opened no page.")

    # The protocol -----------------------------------------------------------------------------------------

    def send(self, method: str, browser: bool = False, timeout: float = TIMEOUT, **params: Any) -> dict[str, Any]:
        """Send one command (to the page's session unless `browser`) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise BrowserError(f"Chromium did not answer in time.{self._log_tail()}")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError(f"Chromium closed the pipe (did it crash?).{self._log_tail()}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(message))

    def _log_tail(self) -> str:
        """The last lines Chromium wrote to stderr, for the error message."""
        with contextlib.suppress(OSError):
            lines = self._log_path.read_text(errors="replace").splitlines()[-8:]
            if lines:
                return " Chromium said:\n" + "\n".join(lines)
        return ""

    # What a test does with a page -------------------------------------------------------------------------

    def open(self, url: str) -> None:
        """Load `url` and wait until the page's script says it has rendered (body[data-ready])."""
        self.send("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && document.body && document.body.dataset.ready === '1'")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            thrown = details.get("exception", {}).get("description", details.get("text"))
            raise BrowserError(f"{shorten(expression, 300)!r} failed: {thrown}")
        return result["result"].get("value")

    def wait_for(self, condition: str) -> None:
        """Wait until `condition` holds, across any navigation the page makes meanwhile (a redirect)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                if self.evaluate(f"Boolean({condition})"):
                    return
            except BrowserError as error:
                if "navigated" not in str(error) and "context" not in str(error):
                    raise
            if time.monotonic() > deadline:
                raise BrowserError(f"Timed out waiting for {condition}.")
            time.sleep(0.05)

    def click(self, selector: str, text: str | None = None, renders: bool = True) -> None:
        """Click, with real mouse events at its centre, the element matching `selector` (and whose text is
        `text`, if given); then, if the click `renders` a new view, wait for the page to settle."""
        find = f"[...document.querySelectorAll({json.dumps(selector)})]"
        if text is not None:
            find += f".find(e => e.textContent.trim() === {json.dumps(text)})"
        else:
            find += "[0]"
        box = self.evaluate(
            f"(() => {{ const e = {find}; if (!e) return null; e.scrollIntoView({{block: 'center'}});"
            " const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"
        )
        if box is None:
            raise BrowserError(f"Nothing to click: {selector} {text!r}. Page text:\n{self.text()}")
        if renders:
            self.evaluate("document.body.dataset.ready = '0'")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)
        if renders:
            self.wait_for("document.body.dataset.ready === '1'")

    def text(self) -> str:
        return str(self.evaluate("document.body.innerText"))

    def resize(self, width: int, height: int) -> None:
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def media(self, kind: str) -> None:
        """Emulate CSS media `kind` ('print' or '' for screen)."""
        self.send("Emulation.setEmulatedMedia", media=kind)

    def screenshot(self, path: Path) -> Path:
        """A PNG of the whole page, not only the viewport."""
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", browser=True, timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


def start(executable: str, width: int, height: int) -> Page:
    """A started Chromium, tried STARTS times: a start that never answers is the machine, not the page."""
    for _ in range(STARTS - 1):
        with contextlib.suppress(BrowserError):
            return Page(executable, width, height)
    return Page(executable, width, height)


@contextlib.contextmanager
def open_page(executable: str, width: int = 900, height: int = 900) -> Iterator[Page]:
    page = start(executable, width, height)
    try:
        yield page
    finally:
        page.close()
