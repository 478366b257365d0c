"""A progress bar on stderr for long cold work, shown only on a terminal and only once the work has
taken longer than a second; it always leaves the cursor visible, even on Ctrl-C."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

SHOW_AFTER = 1.0


class ProgressBar:
    """A ``progress(done, total)`` callback for the library's long stages."""

    def __init__(
        self, label: str, enabled: bool | None = None, no_color: bool = False, stream: TextIO | None = None
    ) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.no_color = no_color
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.started < SHOW_AFTER or done >= total:
                return
            from rich.console import Console
            from rich.progress import Progress

            console = Console(file=self.stream, force_terminal=True, no_color=self.no_color)
            self.bar = Progress(console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.close()

    def close(self) -> None:
        """Stop drawing and show the cursor again (safe to call twice)."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
