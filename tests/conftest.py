"""Shared fixtures. Before any test or fixture runs, HOME, the cache and the config folders point
into a temporary folder for the whole session, so no test can touch the user's files; each test
then gets a private cache of its own."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS_DIR = ROOT / "textkit" / "data" / "corpus"
CHAPTER = CORPUS_DIR / "cliff-trotsky-1917-1923-ch16-trotsky-and-the-triumvirate.txt"
TEXTKIT = Path(sys.executable).parent / "textkit"
REAL_HOME = os.environ.get("HOME", "")
SANDBOX = Path(tempfile.mkdtemp(prefix="textkit-tests-"))
REDIRECTED = {
    "HOME": SANDBOX / "home",
    "XDG_CACHE_HOME": SANDBOX / "xdg-cache",
    "XDG_CONFIG_HOME": SANDBOX / "xdg-config",
    "TEXTKIT_CACHE_DIR": SANDBOX / "session-cache",
}

RunCli = Callable[..., Result]


def pytest_configure(config: pytest.Config) -> None:
    """Runs before collection and before every fixture, whatever its scope."""
    for name, path in REDIRECTED.items():
        path.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(path)
    for name in ("TEXTKIT_CORPUS", "NO_COLOR", "TEXTKIT_DEBUG"):
        os.environ.pop(name, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SANDBOX, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache per test, and no corpus or colour settings leaking in from the developer's shell."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TEXTKIT_CACHE_DIR", str(cache))
    for name in ("TEXTKIT_CORPUS", "NO_COLOR", "TEXTKIT_DEBUG", "TEXTKIT_MAX_MB"):
        monkeypatch.delenv(name, raising=False)
    return cache


@pytest.fixture
def cache_root(isolated_env: Path) -> Path:
    """The cache directory the current test's commands write to."""
    return isolated_env


@pytest.fixture
def run_cli() -> RunCli:
    """Invoke the CLI in-process; ``tty=True`` fakes a 120-column terminal. stdout and stderr stay apart."""
    from textkit.cli import cli
    from textkit.cli.app import AppState

    def run(
        args: Sequence[str],
        tty: bool = False,
        input: str | bytes | None = None,
        env: Mapping[str, str] | None = None,
        width: int = 120,
    ) -> Result:
        state = AppState(is_tty=tty, width=width if tty else None)
        return CliRunner().invoke(cli, list(args), input=input, env=env, obj=state, prog_name="textkit")

    return run


@pytest.fixture(scope="session")
def chapter_text() -> str:
    """The bundled chapter as decoded text."""
    return CHAPTER.read_text(encoding="utf-8")
