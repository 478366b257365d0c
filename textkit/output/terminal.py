"""Where output goes and what it is: injectable so tests (and notebooks) can fake a terminal."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO


@dataclass
class Terminal:
    """Where output goes and what it is: injectable so tests can pretend to be a terminal."""

    stream: TextIO = field(default_factory=lambda: sys.stdout)
    is_tty: bool | None = None
    no_color: bool | None = None
    width: int | None = None

    def __post_init__(self) -> None:
        if self.is_tty is None:
            isatty = getattr(self.stream, "isatty", None)
            self.is_tty = bool(isatty and isatty())
        if self.no_color is None:
            self.no_color = "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != ""

    def console(self, stderr: bool = False) -> Any:
        """A fresh rich Console per invocation, honouring NO_COLOR and the fake-terminal flag."""
        from rich.console import Console

        return Console(
            file=sys.stderr if stderr else self.stream,
            force_terminal=self.is_tty,
            no_color=self.no_color,
            color_system=None if self.no_color else "auto",
            highlight=False,
            width=self.width,
        )
