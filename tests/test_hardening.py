"""Hostile input, one test per defect of the hardening issue: text is never markup, nothing hangs or
blows up, nothing is silently lost, nothing is left behind, and every failure is one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CHAPTER, TEXTKIT, RunCli

import textkit.concordance.search as search
from textkit.store.cache import Cache

HOSTILE = (
    "Mark Up\nA Book of Markup\n1. Brackets\n\n"
    "Smith wrote: ‘we are [sic] here [/x] and [link=https://example.com]click[/link] "
    "and [bold red]loud[/bold red] \x1b]0;pwned\x07 and \x1b[2J cleared.’[1]\n\n"
    "1. Jones, [/x] Papers \x1b[31m, page 4.\n"
)


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


# 1. corpus text is never markup ----------------------------------------------------------------------


def test_bracketed_words_stay_in_the_quotes_table(run_cli: RunCli) -> None:
    result = run_cli(["quotes", "--search", "and say", "--format", "table"], tty=True, width=200)
    assert result.exit_code == 0, result.stderr
    assert "[and say]" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["quotes"],
        ["quotes", "--explain"],
        ["footnote", "1"],
        ["footnotes"],
        ["sources"],
        ["speakers", "Smith"],
        ["info"],
        ["concord", "cleared"],
    ],
)
def test_markup_and_escapes_in_a_corpus_are_shown_harmlessly(
    run_cli: RunCli, hostile: Path, args: list[str]
) -> None:
    result = run_cli(["--corpus", str(hostile), *args, "--format", "table"], tty=True, width=200)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b]" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert "\x1b]8;" not in out  # no hyperlink was made
    if args[0] == "quotes":
        assert "[/x]" in out and "[link=https://example.com]" in out and "\\x1b" in out
    if args[0] == "concord":
        assert "[bold red]loud[/bold red]" in out and "\\x1b" in out
    if args[0] in ("footnote", "footnotes"):
        assert "[/x]" in out


def test_escapes_are_shown_in_piped_text_formats(run_cli: RunCli, hostile: Path) -> None:
    for fmt in ("tsv", "csv"):
        out = run_cli(["--corpus", str(hostile), "quotes", "--format", fmt]).stdout
        assert "\x1b" not in out and "\\x1b]0;pwned\\x07" in out
    data = json.loads(run_cli(["--corpus", str(hostile), "quotes", "--format", "json"]).stdout)
    assert "\x1b]0;pwned\x07" in data[0]["text"]  # data formats keep the text exactly


# 2, 3. no input takes more than linear time --------------------------------------------------------


def _one_line_chapter(size: int) -> str:
    body = " ".join(line for line in CHAPTER.read_text(encoding="utf-8").splitlines() if line.strip())
    return "Title\n\n" + (body + " ") * (size // len(body) + 1) + "\n"


@pytest.mark.parametrize(
    "name, text, commands",
    [
        ("one-line", _one_line_chapter(300_000), ["footnotes", "sources", "quotes"]),
        ("marks", "Title\n\n" + "He said ‘a " * 20_000 + "\n", ["quotes", "footnotes"]),
        ("markers", "Title\n\n" + "text [1] " * 20_000 + "\n\n1. A note.\n", ["info", "quotes", "footnotes"]),
        (
            "spaces",
            "Title\n\nHe said " + " " * 200_000 + "‘x’ and ‘y’, he said.\n",
            ["info", "quotes", "footnotes"],
        ),
    ],
)
def test_pathological_texts_finish(
    run_cli: RunCli, tmp_path: Path, name: str, text: str, commands: list[str]
) -> None:
    """Each of these took from 14 s to several minutes before (quadratic loops)."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    for command in commands:
        with within(60):
            result = run_cli(["--no-cache", "--corpus", str(path), command, "--format", "jsonl"])
        assert result.exit_code == 0, (command, result.stderr)


def test_a_marker_sentence_without_an_end_is_bounded(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "markers.txt"
    path.write_text("Title\n\n" + "text [1] " * 2000 + "\n\n1. A note.\n", encoding="utf-8")
    rows = [
        json.loads(x)
        for x in run_cli(["--corpus", str(path), "footnotes", "--format", "jsonl"]).stdout.splitlines()
    ]
    assert rows[0]["cited"] == 2000
    assert max(len(s) for s in rows[0]["sentences"]) <= 1300


# 5. size cap, devices, FIFOs -------------------------------------------------------------------------


def test_a_symlink_to_a_device_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    result = run_cli(["--corpus", str(link), "info"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("not a regular file (a device, FIFO or socket is never read)")


def test_a_fifo_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with within(10):
        result = run_cli(["--corpus", str(fifo), "info"])
    assert result.exit_code == 1 and "not a regular file" in result.stderr


def test_dev_zero_on_stdin_is_refused() -> None:
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [str(TEXTKIT), "--corpus", "-", "info"], stdin=zero, capture_output=True, timeout=30
        )
    assert proc.returncode == 1
    assert proc.stderr.decode().count("\n") == 1 and b"device" in proc.stderr


def test_input_over_the_cap_is_refused_and_the_cap_can_be_raised(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(CHAPTER.read_text(encoding="utf-8"), encoding="utf-8")
    small = run_cli(["--max-mb", "0.01", "--corpus", str(path), "info"])
    assert small.exit_code == 1
    assert "larger than 0.01 MB; raise the limit with --max-mb N or TEXTKIT_MAX_MB" in small.stderr
    assert run_cli(["--corpus", str(path), "info", "--max-mb", "1"]).exit_code == 0
    piped = run_cli(["--corpus", "-", "info"], input="x" * 20_000, env={"TEXTKIT_MAX_MB": "0.01"})
    assert piped.exit_code == 1 and "<stdin>: larger than" in piped.stderr


# 6. pathological queries -----------------------------------------------------------------------------


def test_a_wildcard_cannot_backtrack_exponentially(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "a" * 3000 + " word\n", encoding="utf-8")
    with within(20):
        result = run_cli(["--corpus", str(path), "concord", "*a*a*a*c", "--count"])
    assert result.stdout.strip() == "0"
    assert run_cli(["--corpus", str(path), "concord", "*a*a*a*", "--count"]).stdout.strip() == "1"


def test_a_regex_that_backtracks_forever_is_stopped(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "REGEX_SECONDS", 0.5)
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "a" * 5000 + "!\n", encoding="utf-8")
    with within(20):
        result = run_cli(["--corpus", str(path), "concord", "--regex", "(a+)+$"])
    assert result.exit_code == 2
    assert "ran for over 0.5 s: it backtracks too much" in result.stderr


# 7. file names that are not UTF-8 --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["quotes", "speakers", "footnotes", "sources", "info"])
def test_undecodable_file_names(run_cli: RunCli, tmp_path: Path, cache_root: Path, command: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = os.fsdecode(b"chapter-\xff\xfe.txt")
    (folder / name).write_bytes(CHAPTER.read_bytes())
    result = run_cli(["--corpus", str(folder), command, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "chapter-\ufffd\ufffd.txt" in result.stdout or command in ("speakers", "sources")
    assert not list(cache_root.rglob(".tmp-*"))


# 8. corrupt cache entries are rebuilt, never fatal ---------------------------------------------------

ENTRY_KINDS = {"quotes": ["quotes"], "names": ["speakers"], "notes": ["footnotes"], "documents": ["info"]}


def _entries(cache_root: Path, kind: str) -> list[Path]:
    return [p for p in (cache_root / kind).iterdir() if p.suffix == ".json"]


@pytest.mark.parametrize("kind", sorted(ENTRY_KINDS))
@pytest.mark.parametrize(
    "damage",
    [
        "[" * 100_000 + "]" * 100_000,
        json.dumps([{"id": 1, "doc": None}]),
        json.dumps({"chunks": [[1, 2, 3, 4, 5]], "evidence": "x", "lists": []}),
        json.dumps({"citations": {"1": {"raw": 5}}, "sentences": [["a", "b"]]}),
        json.dumps({"citations": {}, "sentences": []}),
        "null",
    ],
)
def test_corrupt_entries_are_rebuilt(run_cli: RunCli, cache_root: Path, kind: str, damage: str) -> None:
    args = [*ENTRY_KINDS[kind], "--format", "jsonl"]
    expected = run_cli(args).stdout
    for entry in _entries(cache_root, kind):
        entry.write_text(damage, encoding="utf-8")
    result = run_cli(args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


def test_quote_entries_of_the_wrong_type_are_not_served(run_cli: RunCli, cache_root: Path) -> None:
    expected = run_cli(["quotes", "--format", "jsonl"]).stdout
    (entry,) = _entries(cache_root, "quotes")
    rows = json.loads(entry.read_text(encoding="utf-8"))
    rows[0]["paragraph"] = "five"
    entry.write_text(json.dumps(rows), encoding="utf-8")
    assert run_cli(["quotes", "--format", "jsonl"]).stdout == expected


def test_index_arrays_out_of_range_are_rebuilt(run_cli: RunCli, cache_root: Path) -> None:
    assert run_cli(["concord", "bureaucracy", "--count"]).stdout.strip() == "9"
    (folder,) = [p for p in (cache_root / "wordindex").iterdir() if p.is_dir()]
    blob = bytearray((folder / "arrays.bin").read_bytes())
    blob[: len(blob) // 2] = b"\xff\x7f\x00\x00" * (len(blob) // 8)  # huge ids and offsets
    (folder / "arrays.bin").write_bytes(bytes(blob))
    for args in (["concord", "bureaucracy", "--count"], ["freq", "--top", "3"], ["collocates", "trotsky"]):
        result = run_cli(args)
        assert result.exit_code == 0, (args, result.stderr)
    assert run_cli(["concord", "bureaucracy", "--count"]).stdout.strip() == "9"


def test_index_metadata_of_the_wrong_shape_is_rebuilt(run_cli: RunCli, cache_root: Path) -> None:
    run_cli(["concord", "bureaucracy", "--count"])
    (folder,) = [p for p in (cache_root / "wordindex").iterdir() if p.is_dir()]
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["form_fold"] = [10**9] * len(meta["form_fold"])
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert run_cli(["concord", "bureaucracy", "--count"]).stdout.strip() == "9"


# 9. leaks ----------------------------------------------------------------------------------------------


def test_a_failed_write_leaves_no_temporary(cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    cache = Cache(cache_root)
    cache.put("quotes", cache.key("quotes", "x"), [1, 2, 3], lambda v: v)
    cache.put_folder("wordindex", cache.key("wordindex", "x"), {"a.bin": b"123"})
    assert not [p for p in cache_root.rglob("*") if p.name.startswith(".tmp-")]


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = CHAPTER.read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"c{i:02d}.txt").write_text(f"{text}\nLast updated: copy {i}\n", encoding="utf-8")
    env = {**os.environ, "TEXTKIT_CACHE_DIR": str(tmp_path / "cache")}
    parent = subprocess.Popen(
        [str(TEXTKIT), "--corpus", str(folder), "quotes"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: set[int] = set()
    deadline = time.monotonic() + 30
    while not children and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.1)
        children = _children(parent.pid)
    assert children, "the corpus was not big enough to start workers"
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    assert not [pid for pid in children if _alive(pid)]


def _children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


# 10. exit codes and messages ------------------------------------------------------------------------


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TEXTKIT), *args], capture_output=True, text=True, timeout=60, **kwargs)  # type: ignore[call-overload]


def test_ctrl_c_exits_130_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = CHAPTER.read_text(encoding="utf-8")
    for i in range(30):
        (folder / f"c{i:02d}.txt").write_text(f"{text}\nLast updated: copy {i}\n", encoding="utf-8")
    env = {**os.environ, "TEXTKIT_CACHE_DIR": str(tmp_path / "cache")}
    command = [str(TEXTKIT), "--corpus", str(folder), "quotes"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "command",
    ["quotes", "concord the", "footnotes", "freq", "speakers", "speakers Stalin", "sources",
     "collocates party", "dispersion party", "info", "footnote 21", "show 12", "quotes --format csv",
     "freq --format json"],
)  # fmt: skip
def test_head_one_ends_with_status_zero(command: str) -> None:
    proc = subprocess.run(
        ["bash", "-c", f"set -o pipefail; '{TEXTKIT}' {command} | head -1 > /dev/null"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert not any(w in proc.stderr for w in ("error", "Traceback", "Broken pipe")), proc.stderr


def test_debug_after_the_command_is_the_global_flag() -> None:
    proc = _run(["info", "--debug", "--format", "csv"])
    assert proc.returncode == 0 and proc.stdout.startswith("doc,title")


@pytest.mark.parametrize(
    "value, traceback", [("0", False), ("", False), ("no", False), ("1", True), ("yes", True)]
)
def test_textkit_debug_means_what_it_says(value: str, traceback: bool, tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01binary")
    proc = _run(["--corpus", str(path), "info"], env={**os.environ, "TEXTKIT_DEBUG": value})
    assert ("Traceback" in proc.stderr) is traceback


def test_an_empty_corpus_option_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli(["--corpus", "", "info"])
    assert result.exit_code == 2
    assert (
        result.stderr == "textkit: error: --corpus is empty: give a file, a folder or - for standard input\n"
    )


def test_closed_stdout_is_one_line() -> None:
    proc = subprocess.run(f"'{TEXTKIT}' info >&-", shell=True, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr == "textkit: error: standard output is closed: nowhere to write\n"


def test_closed_stdin_is_one_line() -> None:
    proc = subprocess.run(
        f"'{TEXTKIT}' --corpus - info <&-", shell=True, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert proc.stderr == "textkit: error: standard input is closed: nothing to read for --corpus -\n"


def test_an_unreadable_folder_is_one_line(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path) -> Iterator[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", denied)
    result = run_cli(["--corpus", str(tmp_path), "info"])
    assert result.exit_code == 1
    assert result.stderr == f"textkit: error: cannot read folder {tmp_path}: Permission denied\n"


@pytest.mark.parametrize(
    "args", [["quotes", "--paragraphs", "²"], ["dispersion", "Stalin", "--parts", "99999999999"]]
)
def test_odd_numbers_are_usage_errors(run_cli: RunCli, args: list[str]) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr


def test_a_full_disk_on_stdout_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [str(TEXTKIT), "quotes"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert proc.returncode == 1
    assert proc.stderr == "textkit: error: cannot write output: No space left on device\n"


# 11. side inputs and outputs scale -------------------------------------------------------------------


def test_a_huge_aliases_file_is_linear(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "chapter.txt").write_bytes(CHAPTER.read_bytes())
    lines = [f"Person{i} Surname{i}\tSurname{i}" for i in range(16_000)] + ["Vladimir Ilyich\tLenin"]
    (folder / "aliases.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with within(30):
        result = run_cli(["--corpus", str(folder), "speakers", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "Lenin" in {r["person"] for r in json.loads(result.stdout)}


def test_concordance_rows_are_written_as_they_are_made(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streaming: a failure after some lines leaves those lines written (nothing was built first)."""
    made = search.iter_kwic

    def failing(*args: object, **kwargs: object) -> Iterator[object]:
        for i, line in enumerate(made(*args, **kwargs)):  # type: ignore[arg-type]
            if i == 5:
                raise MemoryError
            yield line

    monkeypatch.setattr(search, "iter_kwic", failing)
    result = run_cli(["concord", "the", "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 5
    assert result.stderr.startswith("textkit: error: out of memory")
