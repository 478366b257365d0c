"""A wheel installed anywhere runs: the bundled chapter is package data, found from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import textkit


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """textkit built as a wheel from a copy of the source and installed into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "textkit", source / "textkit", ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(work), str(source)], check=True
    )
    (wheel,) = work.glob("textkit-*.whl")
    site = work / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m textkit ARGS`` from ``cwd``, importing textkit from the installed copy only (its
    dependencies still come from this environment)."""
    deps = [p for p in sys.path if p and Path(p).resolve() != ROOT.resolve() and "site-packages" in p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *deps]), "PYTHONSAFEPATH": "1"}
    return subprocess.run(
        [sys.executable, "-s", "-m", "textkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_info_from_another_folder(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "info", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Trotsky and the triumvirate" in result.stdout
    where = run_installed(installed, tmp_path, "--version")
    assert where.returncode == 0 and textkit.__version__ in where.stdout


def test_the_installed_copy_is_the_one_used(installed: Path, tmp_path: Path) -> None:
    code = "import textkit, sys; print(textkit.__file__)"
    deps = [p for p in sys.path if p and "site-packages" in p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), *deps])}
    out = subprocess.run(
        [sys.executable, "-s", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert Path(out.stdout.strip()).is_relative_to(installed), out.stderr
