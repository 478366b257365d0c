"""Shared fixtures: every test runs with its own cache directory and a clean environment."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from textkit.cli import cli
from textkit.cli.app import AppState

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS_DIR = ROOT / "corpus"
CHAPTER = CORPUS_DIR / "cliff-trotsky-1917-1923-ch16-trotsky-and-the-triumvirate.txt"
TEXTKIT = Path(sys.executable).parent / "textkit"

RunCli = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache per test, and no corpus or colour settings leaking in from the developer's shell."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TEXTKIT_CACHE_DIR", str(cache))
    for name in ("TEXTKIT_CORPUS", "NO_COLOR", "TEXTKIT_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    return cache


@pytest.fixture
def cache_root(isolated_env: Path) -> Path:
    """The cache directory the current test's commands write to."""
    return isolated_env


@pytest.fixture
def run_cli() -> RunCli:
    """Invoke the CLI in-process; ``tty=True`` fakes a 120-column terminal. stdout and stderr stay apart."""

    def run(
        args: Sequence[str],
        tty: bool = False,
        input: str | bytes | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Result:
        state = AppState(is_tty=tty, width=120 if tty else None)
        return CliRunner().invoke(cli, list(args), input=input, env=env, obj=state, prog_name="textkit")

    return run


@pytest.fixture(scope="session")
def chapter_text() -> str:
    """The bundled chapter as decoded text."""
    return CHAPTER.read_text(encoding="utf-8")
