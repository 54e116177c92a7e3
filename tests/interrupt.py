"""Helpers of the tests that interrupt real runs: a corpus large enough to stop midway, and process groups."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Callable

from tests.conftest import DATA

__all__ = ["copies_of_the_sample", "interruptible", "kill_group", "process_group", "wait_for"]


def interruptible() -> None:
    """``preexec_fn`` of a run the test interrupts: Ctrl-C at its default, as in a terminal.

    A shell starts a background job with SIGINT ignored, and an ignored signal stays ignored across
    ``exec``: a test suite launched that way would give its runs no Ctrl-C to react to.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def copies_of_the_sample(folder: Path, copies: int) -> Path:
    """``copies`` variants of each bundled article (52 each time), each with a sentence of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((DATA / "articles").glob("*.txt"))
    for copy in range(copies):
        for source in sources:
            extra = f"\n\nGisteren kwamen daarbij nog {copy + 2} burgers om het leven.\n"
            (folder / f"{copy:03d}_{source.name}").write_text(source.read_text(encoding="utf-8") + extra,
                                                              encoding="utf-8")
    return folder


def process_group(group: int) -> list[int]:
    """The processes of a process group that are still running (zombies left out), read from ``/proc``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (command) "
        if fields[0] != "Z" and int(fields[2]) == group:
            found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    """Whether ``condition`` holds within ``seconds`` (checked every 10 ms)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def kill_group(group: int) -> None:
    """Make sure no process of a test's run is left behind."""
    import signal

    try:
        os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
