"""Tests never touch the user's files: the environment is redirected before any fixture runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REAL_HOME, SANDBOX

from textkit.store.cache import cache_dir


@pytest.fixture(scope="module")
def seen_by_a_module_fixture() -> dict[str, str]:
    """A module-scoped fixture runs before the per-test one that gives each test its own cache."""
    return {"home": str(Path.home()), "cache": str(cache_dir())}


def test_module_fixtures_already_see_the_sandbox(seen_by_a_module_fixture: dict[str, str]) -> None:
    for where in seen_by_a_module_fixture.values():
        assert Path(where).is_relative_to(SANDBOX)
        assert not (REAL_HOME and Path(where).is_relative_to(Path(REAL_HOME)) and REAL_HOME != "/")


def test_home_and_config_point_into_the_sandbox() -> None:
    for name in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        assert Path(os.environ[name]).is_relative_to(SANDBOX)
    assert Path.home().is_relative_to(SANDBOX)
