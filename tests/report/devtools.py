"""A headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``): no extra package,
no network port. The browser reads commands on its file descriptor 3 and answers on 4, one JSON message each,
ended by a NUL byte. Enough for the report's browser tests: open a page, run an expression, take a screenshot,
let a download through to a folder.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip(
            "chromium is not on PATH: install Debian's chromium package (.ci/run does) to run browser tests"
        )
    return path


class Browser:
    def __init__(self, profile: Path, width: int = 1200, height: int = 1400) -> None:
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def wire() -> None:  # in the child: the protocol's two descriptors (moved out of the way first)
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(answers_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,  # only 3 and 4 (made by dup2) are inheritable: Python's own descriptors are not
        )
        os.close(commands_read)
        os.close(answers_write)
        self._next = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=True)
        self.send("Runtime.enable", session=True)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._answers], [], [], left)[0]:
                raise TimeoutError("the browser did not answer in time")
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                raise RuntimeError("the browser closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = False, timeout: float = 60
    ) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str, timeout: float = 60, **params: Any) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method and all(
                    event["params"].get(k) == v for k, v in params.items()
                ):
                    self.events.remove(event)
                    return event
            self.events.append(self._read(deadline))

    def open(self, page: Path) -> None:
        self.events.clear()
        self.send("Page.navigate", {"url": page.as_uri()}, session=True)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        found = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        if "exceptionDetails" in found:
            raise RuntimeError(f"{expression!r}: {found['exceptionDetails']}")
        return found["result"].get("value")

    def screenshot(self, target: Path) -> bytes:
        data = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"}, session=True)["data"])
        target.write_bytes(data)
        return data

    def allow_downloads(self, folder: Path) -> None:
        self.send(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(folder), "eventsEnabled": True},
        )

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):  # the browser may be gone already
            self.send("Browser.close", timeout=10)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        os.close(self._commands)
        os.close(self._answers)
