"""Every long cold stage reports ``progress(done, total)``; a warm one has nothing to report."""

from __future__ import annotations

from pathlib import Path

from textkit.concordance.index import open_index
from textkit.corpus.load import load_corpus
from textkit.notes.footnotes import note_entries
from textkit.people.mentions import find_names
from textkit.quotes.find import find_quotes


class Calls:
    """Records the calls (not a list: an empty list is false, and callers test ``if progress``)."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))


def test_cold_stages_report_progress_and_warm_ones_do_not(tmp_path: Path, chapter_text: str) -> None:
    source = tmp_path / "chapter.txt"
    source.write_text(f"{chapter_text}\nA line of its own, so that nothing of it is cached yet.\n")
    stages = {
        "parse": lambda bar: load_corpus(source, progress=bar),
        "index": lambda bar: open_index(source, progress=bar),
        "quotes": lambda bar: find_quotes(load_corpus(source), progress=bar),
        "names": lambda bar: find_names(load_corpus(source), progress=bar),
        "notes": lambda bar: note_entries(load_corpus(source), progress=bar),
    }
    for name, run in stages.items():
        cold, warm = Calls(), Calls()
        run(cold)
        run(warm)
        assert cold.calls, name
        assert cold.calls[-1][0] == cold.calls[-1][1] > 0, name
        assert all(0 <= done <= total for done, total in cold.calls), name
        assert warm.calls == [], name
