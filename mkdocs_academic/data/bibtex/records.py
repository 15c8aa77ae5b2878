"""What a reader gives for a piece of BibTeX text: one record per block, with its lines.

Both readers (`bibtexparser_reader`, `fast_reader`) give the same records for the same text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .model import RawField

if TYPE_CHECKING:  # bibtexparser is imported only when a chunk needs it (`chunks`)
    from bibtexparser.model import Block


class EntryBlock(NamedTuple):
    """What is kept of a bibtexparser `Entry` (not its raw text, which a chunk's records would
    keep alive)."""

    entry_type: str
    key: str
    fields: tuple[RawField, ...]


class FreeText(NamedTuple):
    """Free text between blocks (bibtexparser's `ImplicitComment`), stripped."""

    comment: str


class CommentedOut:
    """Stands for a block bibtexparser could not parse on a `%` line (`% @article{...`)."""


# A block (an entry as `EntryBlock`, free text as `FreeText`, any other block bibtexparser's,
# unwrapped), its line, its fields' lines.
Record = tuple["Block | EntryBlock | FreeText | CommentedOut", int, tuple[int, ...]]
