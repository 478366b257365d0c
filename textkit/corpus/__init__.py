"""Reads bytes into documents: where inputs come from, decoding, parsing by form (title block,
headings, body, block quotations, notes, markers) with exact offsets, and a summary of each.

``load_corpus`` is the entry point; ``model`` holds the records every later stage reads.
"""

from textkit.corpus.load import load_corpus, load_document
from textkit.corpus.model import Corpus, Document

__all__ = ["Corpus", "Document", "load_corpus", "load_document"]
