"""Problems found in data files: what is wrong, where, and what to do about it.

Loaders never raise for a user mistake: they return a `Problem` and carry on with what they
could read, so a build can report every problem at once and `--strict` fails on any of them.
"""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One message about a data file.

    `line` is 1-based; 0 means the problem concerns the whole file. Problems sort by file,
    line and message. (A NamedTuple, like the records of `models`: many are made.)
    """

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text
