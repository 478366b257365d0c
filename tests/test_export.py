"""``textkit export``: every table round-trips (Parquet and SQLite agree with the commands' JSON), the
SQLite schema has its keys and indexes, the Dask path gives the same tables as a local export, a
re-export redoes only the changed file, and bad targets fail in one line leaving no table behind."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import CHAPTER, CORPUS_DIR, RunCli

from textkit.export.schema import TABLES

NAMES = [t.name for t in TABLES]


def json_of(run_cli: RunCli, *args: str) -> Any:
    result = run_cli([*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def export(run_cli: RunCli, *args: str) -> Any:
    result = run_cli(["export", *args])
    assert result.exit_code == 0, result.stderr
    return result


def chapters(folder: Path, count: int) -> Path:
    """``count`` copies of the bundled chapter, each with its own last line (so its own cache entries)."""
    folder.mkdir()
    text = CHAPTER.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"chapter-{i}.txt").write_text(f"{text}\nLast updated: copy {i}\n", encoding="utf-8")
    shutil.copy(CORPUS_DIR / "aliases.tsv", folder / "aliases.tsv")
    return folder


def parquet(folder: Path, name: str) -> pd.DataFrame:
    path = folder / f"{name}.parquet"
    return pd.read_parquet(path if path.exists() else folder / name)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled chapter exported once to Parquet and SQLite."""
    from click.testing import CliRunner

    from textkit.cli import cli

    root = tmp_path_factory.mktemp("export")
    result = CliRunner().invoke(cli, ["export", str(root / "tables"), "--sqlite", str(root / "db.sqlite")])
    assert result.exit_code == 0, result.output
    return root / "tables", root / "db.sqlite"


def test_every_table_is_written_in_both_forms(exported: tuple[Path, Path]) -> None:
    folder, database = exported
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.parquet" for n in NAMES)
    with sqlite3.connect(database) as db:
        for table in TABLES:
            frame = pd.read_sql_query(f'SELECT * FROM "{table.name}"', db)
            assert list(frame.columns) == table.names
            assert len(frame) == len(parquet(folder, table.name)), table.name


def test_quotes_equal_the_json_of_quotes(exported: tuple[Path, Path], run_cli: RunCli) -> None:
    folder, database = exported
    expected = json_of(run_cli, "quotes", "--include-terms")
    frame = parquet(folder, "quotes")
    assert len(frame) == len(expected) > 50
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    assert rows == expected
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        stored = [dict(r) for r in db.execute("SELECT * FROM quotes ORDER BY id")]
    assert stored == expected


def test_paragraphs_and_documents_match_the_parse(exported: tuple[Path, Path]) -> None:
    from textkit.corpus.load import load_corpus

    doc = load_corpus().documents[0]
    paragraphs = parquet(exported[0], "paragraphs")
    assert len(paragraphs) == len(doc.paragraphs)
    for row in paragraphs.sample(10, random_state=1).itertuples():
        assert doc.text[row.start : row.end] == row.text == doc.paragraphs[row.index].text
    documents = parquet(exported[0], "documents").iloc[0]
    assert (documents["id"], documents["digest"], documents["chapter"]) == (doc.name, doc.digest, doc.chapter)
    assert Path(documents["file"]) == CHAPTER


def test_notes_and_citations_equal_the_json_of_footnotes(
    exported: tuple[Path, Path], run_cli: RunCli
) -> None:
    expected = json_of(run_cli, "footnotes")
    notes = parquet(exported[0], "notes")
    assert len(notes) == len(expected) > 20
    by_label = {r["label"]: r for r in expected}
    for row in notes.itertuples():
        want = by_label[row.label]
        assert (row.citation, row.refers_to, row.status, row.cited) == (
            want["citation"], want["refers_to"], want["status"], want["cited"]
        )  # fmt: skip
        assert list(row.flags) == want["flags"]
    assert notes["refers_to"].notna().any()
    citations = parquet(exported[0], "citations")
    places = [(r["label"], p["start"], p["quote_id"]) for r in expected for p in r["places"]]
    assert len(citations) == len(places)
    got = {(r.label, r.start, r.quote_id) for r in citations.astype(object).itertuples()}
    assert got == {(label, start, None if q is None else q) for label, start, q in places}
    assert citations["quote_id"].notna().sum() > 5


def test_the_cast_agrees_with_speakers(exported: tuple[Path, Path], run_cli: RunCli) -> None:
    speakers = {r["person"]: r for r in json_of(run_cli, "speakers")}
    people = parquet(exported[0], "people").set_index("name")
    mentions = parquet(exported[0], "mentions")
    counted = Counter(mentions["person"])
    assert set(counted) <= set(people.index)
    assert counted == {n: people.loc[n, "mentions"] for n in counted}
    assert {people.loc[n, "type"] for n in counted} <= {"person", "body"}
    for name, row in speakers.items():
        if row["mentions"]:
            assert people.loc[name, "mentions"] == row["mentions"], name
            assert people.loc[name, "first_paragraph"] == row["first_paragraph"], name
    assert set(people["type"]) <= {"person", "body", "other"} and "person" in set(people["type"])
    assert people.loc["Trotsky", "type"] == "person"
    assert "subject of a verb of speech or thought" in people.loc["Trotsky", "evidence"]


def test_sqlite_has_keys_foreign_keys_and_indexes(exported: tuple[Path, Path]) -> None:
    with sqlite3.connect(exported[1]) as db:
        for table in TABLES:
            info = db.execute(f'PRAGMA table_info("{table.name}")').fetchall()
            key = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
            assert tuple(key) == table.key, table.name
            foreign = {(r[2], r[3], r[4]) for r in db.execute(f'PRAGMA foreign_key_list("{table.name}")')}
            wanted = {
                (ref.target, a, b)
                for ref in table.references
                for a, b in zip(ref.columns, ref.target_columns, strict=True)
            }
            assert foreign == wanted, table.name
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        indexed = {
            (table, db.execute(f'PRAGMA index_info("{name}")').fetchone()[2])
            for name, table in db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'")
            if not name.startswith("sqlite_autoindex")
        }
    assert {
        ("quotes", "doc"),
        ("quotes", "speaker"),
        ("citations", "speaker"),
        ("mentions", "doc"),
    } <= indexed
    assert {t for t, _ in indexed} >= {"paragraphs", "quotes", "mentions", "notes", "citations"}


def test_speaker_counts_are_one_query(exported: tuple[Path, Path], run_cli: RunCli) -> None:
    speakers = {r["person"]: r["quotes"] for r in json_of(run_cli, "speakers") if r["quotes"]}
    query = "SELECT speaker, count(*) AS quotes FROM quotes WHERE type = 'quote' GROUP BY speaker"
    with sqlite3.connect(exported[1]) as db:
        counted = dict(db.execute(query + " HAVING speaker IS NOT NULL").fetchall())
    assert counted == speakers


def test_a_non_empty_folder_needs_force(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli(["export", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.stderr and len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    export(run_cli, str(tmp_path), "--force")
    assert (tmp_path / "quotes.parquet").is_file() and (tmp_path / "notes.txt").is_file()


def test_an_existing_database_or_a_file_as_folder_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite"
    database.write_bytes(b"old")
    for args in (["--sqlite", str(database)], [str(database)], []):
        result = run_cli(["export", *args])
        assert result.exit_code == 2, args
        assert result.stderr.startswith("textkit: error:") and len(result.stderr.splitlines()) == 1
    assert database.read_bytes() == b"old"


def _full_disk(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_table_that_looks_complete(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textkit.export import parquet as parquet_module

    real = parquet_module._write
    written = []

    def write_then_fail(rows: Any, table: Any, path: Path) -> None:
        if written:
            path.write_bytes(b"PAR1 half a table")
            _full_disk()
        real(rows, table, path)
        written.append(path)

    monkeypatch.setattr(parquet_module, "_write", write_then_fail)
    out = tmp_path / "out"
    result = run_cli(["export", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"textkit: error: cannot write {out}: No space left on device"
    assert written and list(out.iterdir()) == []


def test_a_full_disk_leaves_no_database(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textkit.export import sqlite as sqlite_module

    real = sqlite_module.write_sqlite

    def fail(tables: Any, path: Path) -> None:
        real(tables, path)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_module, "write_sqlite", fail)
    result = run_cli(["export", "--sqlite", str(tmp_path / "db.sqlite")])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("database or disk is full")
    assert list(tmp_path.iterdir()) == []


def test_force_replaces_a_partitioned_export(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "part-00000.parquet").write_bytes(b"stale")
    export(run_cli, str(tmp_path), "--force")
    assert not (tmp_path / "quotes").exists() and (tmp_path / "quotes.parquet").is_file()


def test_force_never_deletes_a_folder_that_is_not_a_table(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "ideas.md").write_text("mine", encoding="utf-8")
    result = run_cli(["export", str(tmp_path), "--force"])
    assert result.exit_code == 1 and "not a table of an earlier export" in result.stderr
    assert (tmp_path / "notes" / "ideas.md").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]


def _count_calls(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Count each per-document stage's real work (cache misses)."""
    import textkit.corpus.load as load
    import textkit.notes.footnotes as footnotes
    import textkit.people.mentions as mentions
    import textkit.quotes.find as find

    calls: Counter = Counter()
    for module, name in (
        (load, "_parse"),
        (find, "_attribute"),
        (mentions, "_doc_names"),
        (footnotes, "_analyse"),
    ):
        real = getattr(module, name)

        def counted(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    return calls


def test_re_export_redoes_only_the_changed_file(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = chapters(tmp_path / "corpus", 3)
    calls = _count_calls(monkeypatch)
    export(run_cli, "--corpus", str(corpus), str(tmp_path / "out"))
    assert calls == {"_parse": 3, "_attribute": 3, "_doc_names": 3, "_analyse": 3}
    changed = corpus / "chapter-1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    calls.clear()
    export(run_cli, "--corpus", str(corpus), str(tmp_path / "out"), "--force")
    assert calls == {"_parse": 1, "_attribute": 1, "_doc_names": 1, "_analyse": 1}
    paragraphs = parquet(tmp_path / "out", "paragraphs")
    assert "One more line." in set(paragraphs[paragraphs["doc"] == "chapter-1.txt"]["text"])


def test_dask_on_a_local_cluster_equals_a_local_export(run_cli: RunCli, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from textkit.corpus.sources import read_sources
    from textkit.export.distributed import dask_corpus, part_groups
    from textkit.export.tables import corpus_tables
    from textkit.export.write import write_parquet

    corpus = chapters(tmp_path / "corpus", 3)
    export(run_cli, "--no-cache", "--corpus", str(corpus), str(tmp_path / "plain"))
    cluster = distributed.LocalCluster(
        processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None
    )
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        analysed = dask_corpus(read_sources(corpus), client, use_cache=False)
    write_parquet(corpus_tables(analysed), tmp_path / "dask", part_groups(analysed, 2))
    assert sorted(p.name for p in (tmp_path / "dask" / "quotes").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet"
    ]  # fmt: skip
    for name in NAMES:
        plain, spread = parquet(tmp_path / "plain", name), parquet(tmp_path / "dask", name)
        assert len(plain) > 0, name
        pd.testing.assert_frame_equal(spread.reset_index(drop=True), plain, check_like=False, obj=name)


def test_dask_workers_use_the_cache_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    from textkit.corpus.sources import read_sources
    from textkit.export.distributed import dask_corpus
    from textkit.quotes.find import find_quotes

    corpus = chapters(tmp_path / "corpus", 3)
    calls = _count_calls(monkeypatch)
    cluster = distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
    )
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        first = find_quotes(dask_corpus(read_sources(corpus), client))
        assert calls == {"_parse": 3, "_attribute": 3, "_doc_names": 3, "_analyse": 3}
        changed = corpus / "chapter-2.txt"
        changed.write_text(
            changed.read_text(encoding="utf-8").replace("Trotsky", "Trotski", 1), encoding="utf-8"
        )
        calls.clear()
        again = find_quotes(dask_corpus(read_sources(corpus), client))
    assert calls == {"_parse": 1, "_attribute": 1, "_doc_names": 1, "_analyse": 1}
    assert len(again) == len(first)


def test_an_unreachable_scheduler_is_one_line(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from textkit.export import distributed as dask_module

    monkeypatch.setattr(dask_module, "CONNECT_SECONDS", 1)
    result = run_cli(["export", str(tmp_path / "out"), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("textkit: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()


def test_dask_missing_is_one_line(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)
    result = run_cli(["export", str(tmp_path / "out"), "--dask", "local"])
    assert result.exit_code == 2
    assert "textkit[dask]" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_corpus_without_quotes_or_notes_keeps_every_column_typed(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["--corpus", "-", "export", str(tmp_path / "out"), "--sqlite", str(tmp_path / "db")],
                     input="Nothing is quoted here and nothing is cited.\n")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    import pyarrow.parquet as pq

    from textkit.export.parquet import arrow_schema

    for table in TABLES:
        assert pq.read_schema(tmp_path / "out" / f"{table.name}.parquet").equals(arrow_schema(table)), (
            table.name
        )
    assert len(parquet(tmp_path / "out", "quotes")) == len(parquet(tmp_path / "out", "notes")) == 0
    assert parquet(tmp_path / "out", "documents")["file"].tolist() == ["<stdin>"]


def test_lists_are_json_arrays_in_sqlite(exported: tuple[Path, Path]) -> None:
    flags = parquet(exported[0], "notes").set_index("label")["flags"]
    with sqlite3.connect(exported[1]) as db:
        stored = dict(db.execute("SELECT label, flags FROM notes").fetchall())
    assert {k: json.loads(v) for k, v in stored.items()} == {k: list(v) for k, v in flags.items()}
    assert any(len(v) for v in flags)
