"""The progress bar: only on a terminal, only for work longer than a second, cursor always back."""

from __future__ import annotations

import io

import pytest

import textkit.output.progress as progress
from textkit.output.progress import ProgressBar

SHOW_CURSOR = "\x1b[?25h"
HIDE_CURSOR = "\x1b[?25l"


def test_nothing_is_drawn_off_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar("work", stream=stream)
    for done in range(1, 5):
        bar(done, 4)
    assert stream.getvalue() == ""


def test_short_work_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    with ProgressBar("work", enabled=True, stream=stream) as bar:
        bar(1, 2)
    assert stream.getvalue() == ""


def test_ctrl_c_during_a_bar_shows_the_cursor_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    stream = io.StringIO()
    with pytest.raises(KeyboardInterrupt), ProgressBar("work", enabled=True, stream=stream) as bar:
        bar(1, 10)
        raise KeyboardInterrupt
    drawn = stream.getvalue()
    assert HIDE_CURSOR in drawn
    assert drawn.rindex(SHOW_CURSOR) > drawn.rindex(HIDE_CURSOR)
