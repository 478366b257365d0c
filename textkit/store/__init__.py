"""Serves every stage: the one cache of derived data (keyed by input, options and code), atomic
file writes, and the parallel map that spreads per-document work over the cores."""
