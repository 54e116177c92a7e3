"""Drive a real headless Chromium from a test, with the standard library alone.

Chromium speaks the DevTools protocol over a pipe (``--remote-debugging-pipe``:
commands on its descriptor 3, answers on 4, JSON messages ended by a NUL byte),
so no websocket client and no browser download are needed: Debian's
``/usr/bin/chromium`` is enough. Network requests the page makes are recorded,
so that a test can say none left the machine.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio"]


def executable() -> str | None:
    """Debian's Chromium, else one on the PATH; None when there is none."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _high(fd: int) -> int:
    """The descriptor moved to 10 or above, clear of the 3 and 4 Chromium is given (bash, not dash, redirects those)."""
    import fcntl

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium with one page; ``evaluate`` runs JavaScript in it."""

    def __init__(self, *, width: int = 1400, height: int = 1000, timeout: float = 60) -> None:
        binary = executable()
        if binary is None:
            raise RuntimeError("chromium is not installed")
        self.timeout = timeout
        self.requests: list[str] = []
        self._profile = tempfile.TemporaryDirectory(prefix="chromium-test-")
        commands_read, self._commands = (_high(fd) for fd in os.pipe())
        self._answers, answers_write = (_high(fd) for fd in os.pipe())
        script = f'exec "$0" "$@" 3<&{commands_read} 4>&{answers_write}'
        self._process = subprocess.Popen(
            [shutil.which("bash") or "/bin/bash", "-c", script, binary, *FLAGS, "--remote-debugging-pipe",
             f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}", "about:blank"],
            pass_fds=(commands_read, answers_write), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next = 0
        self._session: str | None = None
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Network.enable")
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)

    def _message(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(str(message["params"]["request"]["url"]))
        return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command; return its result (events that come first are recorded)."""
        self._next += 1
        number = self._next
        command: dict[str, Any] = {"id": number, "method": method, "params": params}
        if self._session is not None and not method.startswith("Target."):
            command["sessionId"] = self._session
        os.write(self._commands, json.dumps(command).encode("utf-8") + b"\0")
        while True:
            message = self._message()
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript error: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def open(self, path: Path) -> None:
        """Load a local page and wait until it is complete."""
        self.send("Page.navigate", url=path.resolve().as_uri())
        deadline = time.monotonic() + self.timeout
        while self.evaluate("document.readyState") != "complete" or self.evaluate("location.protocol") != "file:":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} did not load")
            time.sleep(0.05)

    def screenshot(self, png: Path, *, selector: str | None = None) -> Path:
        """A PNG of the viewport, or of the element ``selector`` matches (scrolled into view)."""
        params: dict[str, Any] = {"format": "png"}
        if selector is not None:
            box = self.evaluate(
                f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView(); "
                "const r = e.getBoundingClientRect(); "
                "return [r.left + scrollX, r.top + scrollY, r.width, Math.min(r.height, 2400)]; })()")
            params["clip"] = {"x": box[0], "y": box[1], "width": box[2], "height": box[3], "scale": 1}
            params["captureBeyondViewport"] = True
        png.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", **params)["data"]))
        return png

    def close(self) -> None:
        try:
            try:
                self.send("Browser.close")
            except (OSError, RuntimeError, TimeoutError):
                pass
            os.close(self._commands)
            self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait(timeout=10)
        finally:
            os.close(self._answers)
            self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
