"""textkit: close reading of history books — concordance, quotations, speakers and footnotes.

The library lives in plain modules (``textkit.corpus``, ``textkit.quotes`` …) that take a corpus and
return records; ``textkit.cli`` is a thin click layer over them.
"""

__version__ = "0.1.0"
