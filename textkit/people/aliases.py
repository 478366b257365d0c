"""Finding a corpus's aliases (``Vladimir Ilyich`` → Lenin) in text, in one pass.

An alias file may hold thousands of lines, so aliases are indexed by their first word and only the
aliases that start with the word at hand are tried: the cost grows with the text, not with the
text times the aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

_WORD = re.compile(r"\w+")
_START = re.compile(r"(?<!\w)\w|(?<![\w\S])\S")


class AliasMatcher:
    """Whole-word occurrences of any alias, longest first where two start at one place."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self.aliases = dict(aliases)
        self.by_first: dict[str, list[str]] = {}
        for alias in sorted(aliases, key=len, reverse=True):
            m = _WORD.match(alias)
            self.by_first.setdefault(m.group() if m else alias[:1], []).append(alias)

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, alias)`` of each occurrence, left to right, never overlapping."""
        if not self.by_first:
            return
        position = 0
        for m in _START.finditer(text):
            start = m.start()
            if start < position:
                continue
            word = _WORD.match(text, start)
            key = word.group() if word else text[start]
            for alias in self.by_first.get(key, ()):
                end = start + len(alias)
                if text.startswith(alias, start) and not (
                    end < len(text) and _is_word(text[end]) and _is_word(alias[-1])
                ):
                    yield start, end, alias
                    position = end
                    break


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
