"""Splitting one file into raw entries and raw `@string` definitions, before macro expansion.

The expensive half of reading a file, and the half that depends on this file only: a cache may
keep a `SplitBib` by path, mtime and size, and expand it again when the macros of another file
change (`shared_macros`, `expand.expand_bib_file`). Duplicate keys and `@string`
redefinitions are judged here, what bibtexparser tolerates or gives up on in `diagnostics`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

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
from .preamble import noop_macro_names, preamble_problem, text_macro_definitions
from .records import CommentedOut, EntryBlock, FreeText

if TYPE_CHECKING:
    from bibtexparser.model import Block, String


class RawBlock(NamedTuple):
    """One entry as split: type (lower case), key, line, and its fields as a reader gave them."""

    entry_type: str
    key: str
    line: int
    fields: tuple[RawField, ...]  # raw names and values
    field_lines: tuple[int, ...]


@dataclass
class SplitFile:
    """A file split into raw entries and raw `@string` definitions (before macro expansion)."""

    path: str
    entries: list[RawBlock] = field(default_factory=list)
    strings: dict[str, tuple[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # case-folded keys of the entries
    # macros its `@preamble` defines to drop their argument (`\noopsort`), see `preamble`
    noop_macros: set[str] = field(default_factory=set)
    # macros its `@preamble` defines without arguments (`\newcommand{\ATSI}{…}`): their text
    text_macros: dict[str, str] = field(default_factory=dict)
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
    text = normalise_layout(text)
    records, result.parsed = parse_blocks(text, previous.parsed if previous is not None else None, fast=fast)
    first_key_line: dict[str, int] = {}
    previous_block: object = None
    for block, line, field_lines in records:
        if isinstance(block, EntryBlock):
            _add_entry(result, block, line, field_lines, first_key_line)
        elif isinstance(block, FreeText):
            if isinstance(previous_block, EntryBlock):
                _add_problem(result, closed_early_problem(path, previous_block, block, line))
            result.problems.extend(stray_at_problems(path, block, line))
        elif not isinstance(block, CommentedOut):
            _add_bibtexparser_block(result, block, line)
        previous_block = block
    if not result.entries and not result.strings and not result.problems:
        result.problems.append(empty_file_problem(path, text))
    return result


# `@type{` or `@type(` with blanks (newlines too) after the `@` and before the delimiter.
_ENTRY_HEAD = re.compile(r"@(\s*)(\w+)(\s*)([{(])")
# A block start across lines: `@` newline `type{`, or `@type` newline `{`.
_SPLIT_HEAD = re.compile(r"@[ \t]*\n\s*\w+\s*[{(]|@\w+[ \t]*\n\s*[{(]")
# A block start at the start of a line: it ends an unclosed block (`chunks.cut_into_chunks`).
_LINE_START_BLOCK = re.compile(r"[ \t]*@\w*[ \t]*[{(]")
_ENTRY_MARK = re.compile(r'[{}()"%\n]')
_NOT_ENTRY_BLOCKS = ("comment", "preamble")


def normalise_layout(text: str) -> str:
    """`text` with what BibTeX and biber read but bibtexparser does not rewritten, in place.

    - a block start across lines (`…use.@` newline `MaNuAl(key,`, or `@article` newline
      `{key,`): the `@`, the type and its delimiter are moved together, the blanks around them;
    - a `%` remark inside an entry outside any value (`year = 2001, % a remark, with a comma`):
      blanked to the end of its line, as biber reads it. A `%` inside a `{...}` or `"..."`
      value is text and is kept; `%` lines between entries are left to the readers.

    The length of the text and its line breaks are kept, so every line number stays right.
    """
    if "@" not in text:
        return text
    regions: list[tuple[int, int]] = []  # from a line-start `@` to the next one, in order
    for at in _candidates(text):
        if regions and at < regions[-1][1]:
            continue
        start = text.rfind("\n@", 0, at + 1) + 1
        following = text.find("\n@", at + 1)
        regions.append((start, len(text) if following < 0 else following + 1))
    if not regions:
        return text
    parts: list[str] = []
    done = 0
    for start, stop in regions:
        parts.append(text[done:start])
        parts.append(_normalise_part(text[start:stop]))
        done = stop
    parts.append(text[done:])
    return "".join(parts)


def _candidates(text: str) -> list[int]:
    """Where `normalise_layout` may have something to do: block starts across lines, and each
    `%` not plainly inside a value (`url = {http://x.org/a%20b}` is passed over quickly)."""
    found = [match.start() for match in _SPLIT_HEAD.finditer(text)]
    at = text.find("%")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        before = text[line_start:at]
        if text[at - 1 : at] != "\\" and before.count("{") <= before.count("}"):
            found.append(at)
        at = text.find("%", at + 1)
    return sorted(found)


def _normalise_part(text: str) -> str:
    """`normalise_layout` of a part of a text that starts at a block start (or the text's start)."""
    parts: list[str] = []
    done = 0  # text[:done] is in `parts`
    position = 0
    length = len(text)
    while position < length:
        at = text.find("@", position)
        if at < 0:
            break
        line_start = text.rfind("\n", 0, at) + 1
        if text[line_start:at].lstrip().startswith("%"):  # a `%` line between entries
            end = text.find("\n", at)
            position = length if end < 0 else end
            continue
        head = _ENTRY_HEAD.match(text, at)
        if head is None:
            position = at + 1
            continue
        before, entry_type, after, delimiter = head.groups()
        if "\n" in before or "\n" in after:
            parts.append(text[done:at])
            if text[line_start:at].strip():
                # `…use.@` newline `MaNuAl(`: the block starts on the type's line
                parts.append(f"{before}@{entry_type}{delimiter}{after}")
            else:
                # `@` alone on its line: the entry stays on the `@` line, as BibTeX reports it
                parts.append(f"@{entry_type}{delimiter}{before}{after}")
            done = head.end()
        if entry_type.lower().startswith(_NOT_ENTRY_BLOCKS):
            position = head.end()
            continue
        position, remarks = _entry_remarks(text, head.end(), "}" if delimiter == "{" else ")")
        for start, end in remarks:
            parts.append(text[done:start])
            parts.append(" " * (end - start))
            done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _entry_remarks(text: str, position: int, closer: str) -> tuple[int, list[tuple[int, int]]]:
    """Where the entry whose fields start at `position` ends, and its `%` remarks (start, end)
    outside values. An entry left open ends at the next block start at the start of a line."""
    remarks: list[tuple[int, int]] = []
    depth = 0
    quoted = False
    while True:
        mark = _ENTRY_MARK.search(text, position)
        if mark is None:
            return len(text), remarks
        char, position = mark.group(0), mark.end()
        if char == "\n":
            if _LINE_START_BLOCK.match(text, position):
                return position, remarks
        elif char == "{":
            depth += 1
        elif char == "}":
            if depth == 0 and not quoted:
                if closer == "}":
                    return position, remarks
            else:
                depth = max(depth - 1, 0)
        elif quoted or depth:
            if char == '"' and quoted and depth == 0:
                quoted = False
        elif char == '"':
            quoted = True
        elif char == ")" and closer == ")":
            return position, remarks
        elif char == "%" and text[mark.start() - 1] != "\\":
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            remarks.append((mark.start(), end))
            position = end


def _add_problem(result: SplitFile, problem: Problem | None) -> None:
    if problem is not None:
        result.problems.append(problem)


def _add_bibtexparser_block(result: SplitFile, block: Block, line: int) -> None:
    """A `@string`, `@preamble`, `@comment` or failed block: only bibtexparser reads those, so
    it is imported by then."""
    from bibtexparser.model import ExplicitComment, ParsingFailedBlock, Preamble, String

    if isinstance(block, String):
        _add_string(result, block, line)
    elif isinstance(block, ParsingFailedBlock):
        _add_problem(result, failed_block_problem(result.path, block, line))
    elif isinstance(block, (ExplicitComment, Preamble)):
        if isinstance(block, Preamble):
            result.noop_macros.update(noop_macro_names(block.value or ""))
            result.text_macros.update(text_macro_definitions(block.value or ""))
            _add_problem(result, preamble_problem(result.path, block.value or "", line))
        _add_problem(result, read_as_comment_problem(result.path, block, line))


def _add_entry(
    result: SplitFile,
    block: EntryBlock,
    line: int,
    field_lines: tuple[int, ...],
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
