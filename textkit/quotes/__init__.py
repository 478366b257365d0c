"""Quotations and who said them: quotation spans (inline, block runs, nested), attribution by a
cascade of general sieves over the narration, the cached entry point, readers' filters, and the
per-speaker aggregations of ``speakers``. Depends on ``people`` for who can speak."""
