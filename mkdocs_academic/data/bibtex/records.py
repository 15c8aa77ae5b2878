"""What a reader gives for a piece of BibTeX text: one record per block, with its lines.

Both readers (`bibtexparser_reader`, `fast_reader`) give the same records for the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from bibtexparser.model import Block

from .model import RawField


@dataclass(slots=True)
class EntryBlock:
    """What is kept of a bibtexparser `Entry` (not its raw text, which a chunk's records would
    keep alive)."""

    entry_type: str
    key: str
    fields: list[RawField]


class CommentedOut:
    """Stands for a block bibtexparser could not parse on a `%` line (`% @article{...`)."""


# A block (bibtexparser's, unwrapped, or an entry as `EntryBlock`), its line, its fields' lines.
Record = tuple[Block | EntryBlock | CommentedOut, int, list[int]]
