"""The ``textkit`` command line: a thin click layer over the library."""

from textkit.cli import info as _info  # noqa: F401  (registers the command)
from textkit.cli.app import cli


def main() -> None:
    """Console-script entry point."""
    cli.main()


__all__ = ["cli", "main"]
