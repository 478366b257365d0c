"""Allow ``python -m textkit``."""

from textkit.cli import main

main()
