"""The ``textkit`` command line: a thin click layer over the library."""

from textkit.cli import concord as _concord  # noqa: F401  (registers concord, collocates, dispersion, freq)
from textkit.cli import info as _info  # noqa: F401  (registers the command)
from textkit.cli import notes as _notes  # noqa: F401  (registers footnote, footnotes, sources)
from textkit.cli import quotes as _quotes  # noqa: F401  (registers quotes)
from textkit.cli import speakers as _speakers  # noqa: F401  (registers speakers)
from textkit.cli.app import cli


def main() -> None:
    """Console-script entry point."""
    cli.main()


__all__ = ["cli", "main"]
