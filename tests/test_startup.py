"""Real processes: the CLI starts without heavy imports, and a closed pipe ends it quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import TEXTKIT


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=os.environ.copy(), **kwargs
    )


def test_cli_import_does_not_load_pandas_or_nltk() -> None:
    """Every command module is imported by ``textkit.cli``, so this also guards commands added later."""
    code = "import textkit.cli, sys; print('pandas' in sys.modules, 'nltk' in sys.modules)"
    proc = run([sys.executable, "-c", code])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False"]


def test_help_does_not_load_rich_pandas_or_nltk() -> None:
    code = (
        "import sys\nfrom textkit.cli import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('RESULT', *(m in sys.modules for m in ('pandas', 'nltk', 'textkit.corpus')))"
    )
    proc = run([sys.executable, "-c", code])
    assert proc.stdout.splitlines()[-1] == "RESULT False False False"


def test_warm_speakers_sources_quotes_and_concord_load_no_pandas() -> None:
    """The warm paths stay under their budgets by never importing pandas (0.7 s here)."""
    code = (
        "import sys\nfrom textkit.cli import cli\n"
        "for args in (['speakers'], ['speakers', '--by-doc', '--format', 'json'], ['quotes'], ['sources'],"
        " ['concord', 'party']):\n"
        "    try:\n        cli.main(args)\n    except SystemExit:\n        pass\n"
        "print('RESULT', 'pandas' in sys.modules)"
    )
    run([sys.executable, "-c", code])  # the first run fills the cache
    proc = run([sys.executable, "-c", code])
    assert proc.stdout.splitlines()[-1] == "RESULT False", proc.stderr[-500:]


def test_info_piped_to_head_is_quiet() -> None:
    proc = run(["bash", "-c", f"'{TEXTKIT}' info | head -1"])
    assert proc.returncode == 0
    assert proc.stdout.startswith("doc\ttitle\tauthor\t")
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == ""


def test_large_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """Far more than a pipe buffer of JSON, so the writer really meets EPIPE."""
    for i in range(1000):
        text = f"Author {i}\nA Book: Volume {i}\n{i}. A chapter\n\nA body paragraph.[1]\n\n1. A note.\n"
        (tmp_path / f"document-{i:04d}.txt").write_text(text, encoding="utf-8")
    full = run([str(TEXTKIT), "--corpus", str(tmp_path), "info", "--format", "json"])
    assert full.returncode == 0
    assert len(json.loads(full.stdout)) == 1000
    assert len(full.stdout.encode()) > 4 * 65536
    proc = run(["bash", "-c", f"'{TEXTKIT}' --corpus '{tmp_path}' info --format json | head -1"])
    assert proc.stdout == "[\n"
    assert proc.stderr == ""
    assert proc.returncode == 0
