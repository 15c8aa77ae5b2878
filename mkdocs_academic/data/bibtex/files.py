"""Reading whole `.bib` files or texts: split, then expand with the macros of all of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .decoding import read_text
from .expand import expand_bib_file, expand_split
from .macros import Macros
from .model import BibFile
from .split import shared_macros, split_bib_file, split_text


def parse_bib_text(text: str, path: str, extra_macros: Mapping[str, str] | None = None) -> BibFile:
    """Parse the BibTeX `text` of one file (`path` is only used in messages and sources).

    Macros are looked up in the file's own `@string`s (in any order; a redefinition is
    reported and the last one wins), then in `extra_macros` (already expanded values, e.g.
    the `macros` of another `BibFile`), then the month names. For several files whose
    macros refer to each other, use `parse_bib_texts`. Never raises for bad data.
    """
    split = split_text(text, path)
    return expand_split(split, Macros(split.strings, extra=extra_macros))


def parse_bib_texts(sources: Sequence[tuple[str, str]]) -> list[BibFile]:
    """Parse several BibTeX texts, given as `(text, path)` pairs, that share macros.

    Two passes: first all files are split and their `@string` definitions collected; then
    each file is expanded with its own definitions first and every other file's next (for a
    name defined in several other files, the last file in the given order wins, as if the
    files were concatenated). So a file of journal macros can sit beside the entries.
    """
    splits = [split_text(text, path) for text, path in sources]
    shared: dict[str, tuple[str, int]] = {}
    for split in splits:
        shared.update(split.strings)
    return [expand_split(split, Macros(split.strings, shared)) for split in splits]


def read_bib_file(path: Path, display_path: str) -> BibFile:
    """Read and parse one `.bib` file; `display_path` is the path shown in messages.

    A file that is not UTF-8 is read as Windows-1252 with a Problem; a BOM is fine.
    """
    text, problems = read_text(path, display_path)
    bib = parse_bib_text(text, display_path)
    bib.problems[:0] = problems
    return bib


def read_bib_files(files: Sequence[tuple[Path, str]]) -> list[BibFile]:
    """Read several `.bib` files, given as `(path, display_path)` pairs, sharing macros.

    See `parse_bib_texts` for how macros of one file resolve in the others.
    """
    splits = [split_bib_file(path, display_path) for path, display_path in files]
    macros = shared_macros(splits)
    return [expand_bib_file(split, macros) for split in splits]
