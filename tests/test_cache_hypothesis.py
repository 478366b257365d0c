"""Property test: no corrupt cache entry is ever fatal. Whatever JSON (or bytes) sits in an entry,
the command gives the same answer as with a clean cache."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textkit.cli import cli
from textkit.cli.app import AppState
from textkit.corpus.load import DOCUMENTS
from textkit.notes.footnotes import NOTES
from textkit.people.mentions import NAMES
from textkit.quotes.find import QUOTES

DECODERS = {
    "documents": DOCUMENTS.decode,
    "quotes": QUOTES.decode,
    "names": NAMES.decode,
    "notes": NOTES.decode,
}
KINDS = {"documents": ["info"], "quotes": ["quotes"], "names": ["speakers"], "notes": ["footnotes"]}
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
PAYLOADS = JSON.map(json.dumps) | st.binary(max_size=64).map(lambda b: b.decode("latin-1"))


def _run(cache: Path, args: list[str]) -> str:
    result = CliRunner().invoke(
        cli, [*args, "--format", "jsonl"], obj=AppState(), env={"TEXTKIT_CACHE_DIR": str(cache)}
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        return {kind: _run(Path(folder), args) for kind, args in KINDS.items()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(KINDS)), payload=PAYLOADS)
def test_any_entry_content_is_rebuilt_or_ignored(expected: dict[str, str], kind: str, payload: str) -> None:
    """Never fatal; and unless the payload is a well-formed entry of its kind (then it is trusted),
    the answer is the one a clean cache gives."""
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        _run(cache, KINDS[kind])
        for entry in (cache / kind).glob("*.json"):
            entry.write_text(payload, encoding="utf-8")
        answer = _run(cache, KINDS[kind])
    if not _well_formed(kind, payload):
        assert answer == expected[kind]


def _well_formed(kind: str, payload: str) -> bool:
    try:
        DECODERS[kind](json.loads(payload))
    except Exception:
        return False
    return True
