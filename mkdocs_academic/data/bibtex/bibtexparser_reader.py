"""The reference reader: bibtexparser 2's splitter, its blocks turned into records.

bibtexparser splits the text into blocks (with `parse_stack=[]`, so values stay raw); its own
warnings are silenced, since what it finds becomes a `Problem` in `split`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import bibtexparser
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
)

from .records import CommentedOut, EntryBlock, FreeText, Record


@contextmanager
def _quiet_bibtexparser() -> Iterator[None]:
    """Silence bibtexparser's own warnings: its findings become Problems here."""
    loggers = [logging.getLogger("bibtexparser"), logging.getLogger("bibtexparser.splitter")]
    previous = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = True
    try:
        yield
    finally:
        for logger, was_disabled in zip(loggers, previous, strict=True):
            logger.disabled = was_disabled


def _unwrap(block: Block) -> Block:
    """The block bibtexparser wrapped for a duplicate key or field (we judge those ourselves)."""
    while isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock)):
        inner = block.ignore_error_block
        if inner is None:
            break
        block = inner
    return block


class _LineFinder:
    """1-based line numbers of blocks and fields.

    bibtexparser counts lines itself, but misses a newline right after a backslash; only
    when the text has one are lines found again by locating each block's text.
    """

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.exact = "\\\n" not in text
        self._position = 0
        self._line = first_line
        self._offset = first_line - 1  # `text` starts on line `first_line` of the file

    def block_line(self, block: Block) -> int:
        if self.exact or not block.raw:
            return (block.start_line or 0) + 1 + self._offset
        found = self.text.find(block.raw, self._position)
        if found < 0:
            return (block.start_line or 0) + 1 + self._offset
        self._line += self.text.count("\n", self._position, found)
        self._position = found
        return self._line

    def field_lines(self, block: Entry, entry_line: int) -> tuple[int, ...]:
        """Line of the `=` of each field of `block`."""
        if self.exact:
            return tuple((item.start_line or 0) + 1 + self._offset for item in block.fields)
        raw = block.raw or ""
        lines: list[int] = []
        cursor, line = 0, entry_line
        for item in block.fields:
            equals = raw.find("=", cursor)
            if equals < 0:
                lines.append(line)
                continue
            line += raw.count("\n", cursor, equals)
            lines.append(line)
            value_at = raw.find(item.value, equals) if item.value else -1
            cursor = equals + 1 if value_at < 0 else value_at + len(item.value)
            line += raw.count("\n", equals, cursor)
        return tuple(lines)


def bibtexparser_records(text: str, first_line: int) -> list[Record]:
    """bibtexparser's blocks of `text` (which starts on line `first_line`), with their lines."""
    with _quiet_bibtexparser():
        library = bibtexparser.parse_string(text, parse_stack=[])
    finder = _LineFinder(text, first_line)
    records: list[Record] = []
    text_lines: list[str] = []  # split when first needed
    for original in library.blocks:
        block = _unwrap(original)
        line = finder.block_line(block)
        if isinstance(block, (Entry, ParsingFailedBlock)):
            # `% @article{...`: a commented-out entry (`%` lines are comments for biber and most
            # editors); it is dropped. A failed one is kept as a `CommentedOut`.
            text_lines = text_lines or text.split("\n")
            if text_lines[line - first_line].lstrip().startswith("%"):
                if isinstance(block, ParsingFailedBlock):
                    records.append((CommentedOut(), line, ()))
                continue
        if isinstance(block, Entry):
            fields = tuple((sys.intern(item.key), item.value) for item in block.fields)
            records.append((EntryBlock(block.entry_type, block.key, fields), line, finder.field_lines(block, line)))
        elif isinstance(block, ImplicitComment):
            records.append((FreeText(block.comment), line, ()))
        else:
            records.append((block, line, ()))
    return records
