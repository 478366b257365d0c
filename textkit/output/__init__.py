"""Records become output here and nowhere else: TSV, CSV, JSON, JSONL, and rich tables, cards, plots
and progress bars for a terminal. The library never prints."""
