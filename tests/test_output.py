"""The output layer: each format, TSV when piped (whole values, no box drawing, no ANSI), tables on a tty."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import RunCli

from textkit.output.formats import FORMATS, Column, Terminal, cell, emit, resolve_format

LONG = "Trotsky " * 80  # far wider than any terminal
ROWS = [
    {"doc": "a.txt", "count": 3, "share": 0.25, "text": LONG, "ok": True, "none": None},
    {
        "doc": "b.txt",
        "count": 10,
        "share": 1 / 3,
        "text": 'tab\there, "quoted", new\nline',
        "ok": False,
        "none": None,
    },
]
COLUMNS = [
    Column("doc"),
    Column("count", justify="right"),
    Column("share"),
    Column("text"),
    Column("ok"),
    Column("none"),
]
BOX_CHARS = set("─│┃━┏┓┗┛┡┩╇┼┬┴├┤└┘┌┐═║╔╗╚╝")


def render(fmt: str, *, is_tty: bool = False, no_color: bool = False, width: int | None = 80) -> str:
    out = io.StringIO()
    emit(ROWS, COLUMNS, fmt, Terminal(stream=out, is_tty=is_tty, no_color=no_color, width=width))
    return out.getvalue()


def test_auto_resolves_by_terminal() -> None:
    assert resolve_format("auto", Terminal(stream=io.StringIO(), is_tty=True)) == "table"
    assert resolve_format("auto", Terminal(stream=io.StringIO(), is_tty=False)) == "tsv"
    assert resolve_format("json", Terminal(stream=io.StringIO(), is_tty=True)) == "json"
    assert Terminal(stream=io.StringIO()).is_tty is False


def test_tsv_when_piped() -> None:
    text = render("auto")
    lines = text.splitlines()
    assert lines[0] == "doc\tcount\tshare\ttext\tok\tnone"
    assert lines[1] == f"a.txt\t3\t0.25\t{LONG}\tyes\t"
    assert lines[2] == 'b.txt\t10\t0.3333\ttab here, "quoted", new line\tno\t'
    assert len(lines) == 3
    assert "\x1b" not in text and not BOX_CHARS & set(text)


def test_csv() -> None:
    rows = list(csv.reader(io.StringIO(render("csv"))))
    assert rows[0] == ["doc", "count", "share", "text", "ok", "none"]
    assert rows[1] == ["a.txt", "3", "0.25", LONG, "yes", ""]
    assert rows[2][3] == 'tab\there, "quoted", new\nline'


def test_json_keeps_types() -> None:
    data = json.loads(render("json"))
    assert data[0] == {"doc": "a.txt", "count": 3, "share": 0.25, "text": LONG, "ok": True, "none": None}
    assert data[1]["share"] == pytest.approx(1 / 3)


def test_jsonl_one_object_per_line() -> None:
    lines = render("jsonl").splitlines()
    assert [json.loads(line)["doc"] for line in lines] == ["a.txt", "b.txt"]


def test_nan_becomes_null_and_tuples_lists() -> None:
    out = io.StringIO()
    emit(
        [{"x": float("nan"), "y": (1, 2)}],
        [Column("x"), Column("y")],
        "json",
        Terminal(stream=out, is_tty=False),
    )
    assert json.loads(out.getvalue()) == [{"x": None, "y": [1, 2]}]
    assert cell(float("nan")) == "nan" and cell((1, "a")) == "1; a" and cell(2.0) == "2"


def test_table_on_a_terminal_has_header_and_box() -> None:
    text = render("auto", is_tty=True, no_color=True, width=100)
    assert "doc" in text and "count" in text and "a.txt" in text
    assert BOX_CHARS & set(text)
    assert "\x1b" not in text


def test_table_colours_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[" in render("table", is_tty=True, no_color=False)
    assert "\x1b" not in render("table", is_tty=True, no_color=True)


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("", False), (None, False)])
def test_no_color_environment(monkeypatch: pytest.MonkeyPatch, value: str | None, expected: bool) -> None:
    if value is not None:
        monkeypatch.setenv("NO_COLOR", value)
    assert Terminal(stream=io.StringIO(), is_tty=True).no_color is expected


def test_a_fresh_console_each_time() -> None:
    terminal = Terminal(stream=io.StringIO(), is_tty=True)
    assert terminal.console() is not terminal.console()


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("auto", "table")])
def test_machine_formats_never_truncate_or_colour(fmt: str) -> None:
    text = render(fmt, is_tty=True, width=40)
    assert LONG.strip() in text
    assert "\x1b" not in text and not BOX_CHARS & set(text)


# --- through the CLI, with a faked terminal ---------------------------------------------------------


def test_cli_piped_output_is_tsv_with_whole_values(run_cli: RunCli) -> None:
    result = run_cli(["info"])
    header, row = result.stdout.splitlines()
    assert header.split("\t")[:3] == ["doc", "title", "author"]
    assert "Trotsky: The Sword of the Revolution 1917-1923" in row.split("\t")
    assert "\x1b" not in result.stdout and not BOX_CHARS & set(result.stdout)


def test_cli_table_on_a_fake_terminal(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    result = run_cli(["info"], tty=True)
    assert result.exit_code == 0, result.stderr
    assert "cliff-trotsky-1917-1923-ch16-trotsky-and-the-triumvirate.txt" in result.stdout
    assert "footnote markers" in result.stdout and "44" in result.stdout
    assert "\x1b[" in result.stdout
    assert "\t" not in result.stdout


def test_cli_no_color_on_a_fake_terminal(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    result = run_cli(["info"], tty=True, env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "footnote markers" in result.stdout
    assert "\x1b" not in result.stdout


def test_cli_table_format_forced_when_piped(run_cli: RunCli) -> None:
    result = run_cli(["info", "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "Tony Cliff" in result.stdout and "\t" not in result.stdout
