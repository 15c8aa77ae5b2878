"""Splitting one file into raw entries and raw `@string` definitions, before macro expansion.

The expensive half of reading a file, and the half that depends on this file only: a cache may
keep a `SplitBib` by path, mtime and size, and expand it again when the macros of another file
change (`shared_macros`, `expand.expand_bib_file`). Duplicate keys and `@string`
redefinitions are judged here, what bibtexparser tolerates or gives up on in `diagnostics`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bibtexparser.model import ExplicitComment, ImplicitComment, ParsingFailedBlock, Preamble, String

from ..problems import Problem
from .chunks import ParsedChunks, parse_blocks
from .decoding import drop_control_characters, prepare_text, read_text
from .diagnostics import (
    BLOCK_KEY,
    closed_early_problem,
    empty_file_problem,
    failed_block_problem,
    read_as_comment_problem,
    stray_at_problems,
)
from .model import RawField
from .records import EntryBlock


@dataclass(slots=True)
class RawBlock:
    """One entry as split: type (lower case), key, line, and its fields as a reader gave them."""

    entry_type: str
    key: str
    line: int
    fields: list[RawField]  # raw names and values
    field_lines: list[int]


@dataclass
class SplitFile:
    """A file split into raw entries and raw `@string` definitions (before macro expansion)."""

    path: str
    entries: list[RawBlock] = field(default_factory=list)
    strings: dict[str, tuple[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # case-folded keys of the entries
    # the records kept per chunk, so that a later split of an edited text re-parses only the
    # chunks that changed (`chunks.parse_blocks`); None when not reusable
    parsed: ParsedChunks | None = field(default=None, repr=False, compare=False)


def split_text(text: str, path: str, previous: SplitFile | None = None, *, fast: bool = True) -> SplitFile:
    """Split BibTeX text into raw entries and `@string` definitions; report what fails.

    `path` is only used in messages. With `previous`, the split of an earlier version of the
    same file, only the changed part of the text is parsed again; with `fast`, well-formed
    entries are read without bibtexparser. Neither changes the result.
    """
    result = SplitFile(path)
    text, result.problems = drop_control_characters(prepare_text(text), path)
    records, result.parsed = parse_blocks(text, previous.parsed if previous is not None else None, fast=fast)
    first_key_line: dict[str, int] = {}
    previous_block: object = None
    for block, line, field_lines in records:
        if isinstance(block, EntryBlock):
            _add_entry(result, block, line, field_lines, first_key_line)
        elif isinstance(block, String):
            _add_string(result, block, line)
        elif isinstance(block, ParsingFailedBlock):
            _add_problem(result, failed_block_problem(path, block, line))
        elif isinstance(block, (ExplicitComment, Preamble)):
            _add_problem(result, read_as_comment_problem(path, block, line))
        elif isinstance(block, ImplicitComment):
            if isinstance(previous_block, EntryBlock):
                _add_problem(result, closed_early_problem(path, previous_block, block, line))
            result.problems.extend(stray_at_problems(path, block, line))
        previous_block = block
    if not result.entries and not result.strings and not result.problems:
        result.problems.append(empty_file_problem(path, text))
    return result


def _add_problem(result: SplitFile, problem: Problem | None) -> None:
    if problem is not None:
        result.problems.append(problem)


def _add_entry(
    result: SplitFile,
    block: EntryBlock,
    line: int,
    field_lines: list[int],
    first_key_line: dict[str, int],
) -> None:
    key = block.key.strip()
    if key:
        folded = key.casefold()
        if folded in first_key_line:
            result.problems.append(
                Problem(
                    result.path,
                    line,
                    f"duplicate key '{key}' (first at line {first_key_line[folded]}); the second entry is ignored",
                    "rename one of them",
                )
            )
            return
        first_key_line[folded] = line
        result.keys.add(folded)
    result.entries.append(RawBlock(block.entry_type.strip().lower(), key, line, block.fields, field_lines))


def _add_string(result: SplitFile, block: String, line: int) -> None:
    name = block.key.strip().lower()
    written = BLOCK_KEY.match(block.raw or "")
    if written and written.group(1).lower() != "string":  # bibtexparser reads `@stringX{` as `@string{`
        result.problems.append(
            Problem(
                result.path,
                line,
                f"'@{written.group(1)}' is read as @string '{block.key.strip()}'",
                "write @string{name = {value}}, or fix the entry type",
            )
        )
    previous = result.strings.get(name)
    if previous is not None and previous[0] != block.value:
        result.problems.append(
            Problem(
                result.path,
                line,
                f"@string '{block.key.strip()}' is defined again with another value "
                f"(first at line {previous[1]}); the last definition is used",
                "remove one of the definitions",
            )
        )
    result.strings[name] = (block.value, line)


@dataclass(frozen=True, eq=False)
class SplitBib:
    """One `.bib` file read and split into raw entries, its macros not yet expanded.

    The expensive half of reading a file (bibtexparser's split), and the half that depends on
    this file only: a cache may keep it by path, mtime and size, and expand it again when the
    macros of another file change (`shared_macros`, `expand_bib_file`).
    """

    split: SplitFile
    read_problems: tuple[Problem, ...]


def split_bib_file(path: Path, display_path: str, previous: SplitBib | None = None, *, fast: bool = True) -> SplitBib:
    """Read and split one `.bib` file (the first pass of `read_bib_files`).

    With `previous`, the split of an earlier version of the file, only the changed part is
    parsed again; `fast=False` gives every entry to bibtexparser. The result is the same."""
    text, problems = read_text(path, display_path)
    split = split_text(text, display_path, previous.split if previous is not None else None, fast=fast)
    return SplitBib(split, tuple(problems))


def shared_macros(files: Sequence[SplitBib]) -> dict[str, tuple[str, int]]:
    """The raw `@string` definitions of all files (the last file wins), for `expand_bib_file`."""
    shared: dict[str, tuple[str, int]] = {}
    for file in files:
        shared.update(file.split.strings)
    return shared
