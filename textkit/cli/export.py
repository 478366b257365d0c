"""``textkit export``: the analysed corpus as Parquet tables and/or one SQLite database."""

from __future__ import annotations

from pathlib import Path

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output.formats import Column

COLUMNS = [Column("table"), Column("rows", justify="right"), Column("path")]


@cli.command("export")
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.option(
    "--sqlite",
    "database",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Also (or only) write every table to this SQLite database, ready for datasette.",
)
@click.option("--force", is_flag=True, help="Replace the tables of an earlier export in FOLDER (and FILE).")
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Run the per-document stages on the Dask scheduler at ADDRESS (or 'local' for this "
    "machine's cores) and write partitioned Parquet. Needs textkit[dask].",
)
@output_options
@pass_state
def export(
    state: AppState,
    folder: Path | None,
    database: Path | None,
    force: bool,
    dask_address: str | None,
    fmt: str,
) -> None:
    """Write documents, paragraphs, quotes, people, mentions, notes and citations as tables.

    FOLDER gets one Parquet file per table (a folder of part files with --dask); read them back
    with pandas.read_parquet or DuckDB. An existing non-empty FOLDER needs --force.
    """  # fmt: skip
    from textkit.export.tables import corpus_tables
    from textkit.export.write import check_targets, write_database, write_parquet

    check_targets(folder, database, force)
    groups = None
    if dask_address is None:
        corpus = state.corpus()
    else:
        from textkit.corpus.sources import read_sources
        from textkit.export.distributed import dask_client, dask_corpus, part_groups

        sources = read_sources(state.corpus_source)
        with dask_client(dask_address) as client, state.progress("analysing on the cluster") as bar:
            corpus = dask_corpus(sources, client, use_cache=state.use_cache, warn=warn, progress=bar)
        groups = part_groups(corpus)
    tables = corpus_tables(corpus)
    written = []
    if folder is not None:
        written += write_parquet(tables, folder, groups)
    if database is not None:
        written += write_database(tables, database)
    state.emit(written, COLUMNS, fmt)
