"""textkit: close reading of history books — concordance, quotations, speakers and footnotes.

``textkit.open_corpus(path)`` is the entry point for notebooks; the pipeline's stages are the
packages ``corpus`` → ``text`` → ``concordance``, ``people``, ``quotes``, ``notes`` → ``output`` →
``cli``, with ``store`` serving them all. Nothing heavy is imported until it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["__version__", "open_corpus"]

if TYPE_CHECKING:
    from textkit.api import open_corpus


def __getattr__(name: str) -> Any:
    if name == "open_corpus":
        from textkit.api import open_corpus

        return open_corpus
    raise AttributeError(f"module 'textkit' has no attribute {name!r}")
