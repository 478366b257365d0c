"""The ``textkit`` command line: options in, one library call, records handed to ``output``.

Each module declares one command (or a family: ``notes`` has footnote, footnotes and sources) on the
group of ``app``, which holds the shared state and the one error and exit-code policy.
"""

from textkit.cli import cache as _cache  # noqa: F401  (each import registers its commands)
from textkit.cli import collocates as _collocates  # noqa: F401
from textkit.cli import concord as _concord  # noqa: F401
from textkit.cli import dispersion as _dispersion  # noqa: F401
from textkit.cli import export as _export  # noqa: F401
from textkit.cli import freq as _freq  # noqa: F401
from textkit.cli import info as _info  # noqa: F401
from textkit.cli import notes as _notes  # noqa: F401
from textkit.cli import people as _people  # noqa: F401
from textkit.cli import quotes as _quotes  # noqa: F401
from textkit.cli import show as _show  # noqa: F401
from textkit.cli import speakers as _speakers  # noqa: F401
from textkit.cli.app import cli


def main() -> None:
    """Console-script entry point."""
    cli.main()


__all__ = ["cli", "main"]
