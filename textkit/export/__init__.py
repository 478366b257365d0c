"""The analysed corpus as tables (documents, paragraphs, quotes, people, mentions, notes, citations),
written to Parquet or SQLite whole or not at all; the per-document stages can run on a Dask cluster."""
