"""Reading BibTeX files as found in the wild.

bibtexparser 2 splits the text into blocks (with `parse_stack=[]`, so values stay raw); this
module does what it does not (see DESIGN.md §5): `@string` and month macros, `#`
concatenation, crossref inheritance, case-insensitive keys and field names, and it turns every
oddity it silently tolerates (duplicate keys and fields, a missing comma between fields,
undefined macros, blocks it could not parse) into a `Problem` with file and line.
Values keep their LaTeX: decoding is the caller's job (`latex.latex_to_unicode`).

Single file: `parse_bib_text` / `read_bib_file`. Several files whose macros refer to each
other (macros often live in a file of their own): `parse_bib_texts` / `read_bib_files`, which
first collect the `@string` definitions of all files and then expand each file. Then
`resolve_crossrefs` merges crossref parents into their children across all files.
"""

from __future__ import annotations

import bisect
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    ImplicitComment,
    ParsingFailedBlock,
    Preamble,
    String,
)

from mkdocs_academic.data.models import Source
from mkdocs_academic.data.names import without_marks
from mkdocs_academic.data.problems import Problem

__all__ = [
    "MONTH_MACROS",
    "PARENT_ONLY_TYPES",
    "add_bibtex_field",
    "BibFile",
    "RawEntry",
    "SplitBib",
    "clean_bibtex",
    "expand_bib_file",
    "parse_bib_text",
    "parse_bib_texts",
    "read_bib_file",
    "read_bib_files",
    "resolve_crossrefs",
    "shared_macros",
    "split_bib_file",
]

#: The month macros every BibTeX style defines, expanded to readable English names.
MONTH_MACROS: dict[str, str] = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}

#: Entry types that are containers: when such an entry is only there as a crossref parent,
#: it is not a publication of its own.
PARENT_ONLY_TYPES = frozenset(
    {
        "proceedings",
        "mvproceedings",
        "book",
        "mvbook",
        "collection",
        "mvcollection",
        "reference",
        "mvreference",
        "periodical",
    }
)
# Parents whose `title` becomes the child's `booktitle`.
_BOOKTITLE_PARENT_TYPES = PARENT_ONLY_TYPES - {"periodical"}
# Fields a child never inherits from its parent (as in biblatex).
_NOT_INHERITED = frozenset({"crossref", "xref", "ids", "entryset", "label", "shorthand", "sortkey", "key"})


@dataclass(frozen=True)
class RawEntry:
    """One BibTeX entry with its values expanded but LaTeX not decoded.

    `fields` maps lower-case field names to values (macros expanded, `#` concatenated, outer
    braces or quotes removed, inner braces kept), in file order; `field_lines` gives the
    1-based line of each field; `source` is the file and the line of the `@`.
    """

    key: str
    entry_type: str
    fields: dict[str, str]
    field_lines: dict[str, int]
    source: Source


@dataclass
class BibFile:
    """The result of reading one `.bib` file: its entries, its problems, its macros."""

    path: str
    entries: list[RawEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    macros: dict[str, str] = field(default_factory=dict)
    # each keyed entry's expansion and its problems, with the macros it was expanded with, so
    # that expanding an edited version of the file again redoes only the changed entries
    expanded: _Expanded | None = field(default=None, repr=False, compare=False)


# A field as bibtexparser splits it: its raw name and raw value, both stripped (the name may
# start with `%` comment lines, the value keeps its braces or quotes). A plain tuple: a tenth of
# the memory of bibtexparser's `Field`, and quick to make.
_RawField = tuple[str, str]


# An entry as split: the identity of its list of fields (a chunk `_split` did not parse again
# keeps its list) and its line (the lines of its fields move with it).
_EntrySignature = tuple[int, int]


@dataclass
class _Expanded:
    own: dict[str, tuple[str, int]]
    shared: Mapping[str, tuple[str, int]]
    # the fields list is kept in the value, so that its id() is not reused while it is here
    entries: dict[_EntrySignature, tuple[RawEntry, list[Problem], list[_RawField]]]


# --- values -----------------------------------------------------------------------------------

_BRACE = re.compile(r"(?<!\\)[{}]")
_BRACE_OR_QUOTE = re.compile(r'(?<!\\)[{}"]')
# A BibTeX identifier (macro or field name): anything but white space and `"#%'(),={}`.
_NAME = re.compile(r"[^\s\"#%'(),={}]+")
_FIELD_START = re.compile(r"([^\s\"#%'(),={}]+)[ \t]*\n?[ \t]*=")
_SPACE = re.compile(r"\s*")
# `%` comment lines (BibTeX has none, but biber and most editors treat `%` lines so).
_COMMENT_LINES = re.compile(r"^[ \t]*%.*$", re.MULTILINE)


def _closing_brace(text: str, start: int) -> int:
    """Index of the `}` matching the `{` at `start`, or -1."""
    depth = 0
    for match in _BRACE.finditer(text, start):
        if match.group(0) == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start()
    return -1


def _closing_quote(text: str, start: int) -> int:
    """Index of the `"` closing the quoted string opened at `start` (skipping braces), or -1."""
    depth = 0
    for match in _BRACE_OR_QUOTE.finditer(text, start + 1):
        char = match.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return match.start()
    return -1


@dataclass
class _Value:
    """A parsed value: its text, the undefined macros it used, where parsing stopped."""

    text: str
    undefined: list[str]
    end: int
    unbalanced: bool = False


def _parse_value(raw: str, lookup: Callable[[str], str | None]) -> _Value:
    """Parse `{..}`, `".."`, numbers and macro names joined by `#`, starting at the beginning.

    Stops at the first thing that is not part of the value; `end` tells where (len(raw) when
    the whole text was a value).
    """
    length = len(raw)
    # Fast paths for the usual shapes: `{text}`, `"text"`, `2020`.
    if length >= 2:
        first, last = raw[0], raw[-1]
        if first == "{" and last == "}":
            inner = raw[1:-1]
            if "{" not in inner and "}" not in inner:
                return _Value(inner, [], length)
        elif first == '"' and last == '"':
            inner = raw[1:-1]
            if '"' not in inner and "{" not in inner and "}" not in inner:
                return _Value(inner, [], length)
    if raw.isdigit():
        return _Value(raw, [], length)

    pieces: list[str] = []
    undefined: list[str] = []
    position = _SPACE.match(raw).end()
    while position < length:
        char = raw[position]
        if char in '{"':
            end = _closing_brace(raw, position) if char == "{" else _closing_quote(raw, position)
            if end < 0:
                pieces.append(raw[position + 1 :])
                return _Value("".join(pieces), undefined, length, unbalanced=True)
            pieces.append(raw[position + 1 : end])
            position = end + 1
        else:
            match = _NAME.match(raw, position)
            if match is None:
                break
            token = match.group(0)
            if token.isdigit():
                pieces.append(token)
            else:
                value = lookup(token.lower())
                if value is None:
                    undefined.append(token)
                    value = token
                pieces.append(value)
            position = match.end()
        position = _SPACE.match(raw, position).end()
        if position < length and raw[position] == "#":
            position = _SPACE.match(raw, position + 1).end()
            continue
        break
    return _Value("".join(pieces), undefined, position)


class _Macros:
    """Macro lookup for one file: its own `@string`s, then other files', then extras, months.

    Raw definitions are expanded on first use, so definition order does not matter and a
    macro may refer to one defined in another file.
    """

    def __init__(
        self,
        own: Mapping[str, tuple[str, int]],
        shared: Mapping[str, tuple[str, int]] | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        self._own = own
        self._shared = shared or {}
        self._extra = {name.lower(): value for name, value in (extra or {}).items()}
        self._resolved: dict[str, str] = {}
        self._resolving: set[str] = set()
        self.undefined: dict[str, list[str]] = {}  # macro -> undefined names it uses

    def __call__(self, name: str) -> str | None:
        value = self._resolved.get(name)
        if value is not None:
            return value
        definition = self._own.get(name) or self._shared.get(name)
        if definition is None:
            return self._extra.get(name, MONTH_MACROS.get(name))
        if name in self._resolving:  # @string{a = b} @string{b = a}
            return None
        self._resolving.add(name)
        try:
            parsed = _parse_value(definition[0], self)
        finally:
            self._resolving.discard(name)
        if parsed.undefined:
            self.undefined[name] = parsed.undefined
        self._resolved[name] = parsed.text
        return parsed.text


# --- splitting one file ---------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*(?=\n|$)", re.DOTALL)
_BLOCK_KEY = re.compile(r"@\s*(\w*)\s*[{(]\s*([^,\s{}()]*)")
_STRAY_AT = re.compile(r"^[ \t]*@\s*(\w*)", re.MULTILINE)
_IGNORED_BLOCKS = ("comment", "preamble")
_NOT_ENTRIES = ("comment", "preamble", "string")


@dataclass(slots=True)
class _RawBlock:
    entry_type: str
    key: str
    line: int
    fields: list[_RawField]  # as bibtexparser splits them: raw names and values
    field_lines: list[int]


@dataclass
class _SplitFile:
    """A file split into raw entries and raw `@string` definitions (before macro expansion)."""

    path: str
    entries: list[_RawBlock] = field(default_factory=list)
    strings: dict[str, tuple[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # case-folded keys of the entries
    # bibtexparser's blocks, kept per chunk so that a later split of an edited text re-parses
    # only the chunks that changed (`_parse_blocks`); None when not reusable
    parsed: _Parsed | None = field(default=None, repr=False, compare=False)


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


def _prepare(text: str) -> str:
    """Normalise line ends, drop a BOM and blank out Jekyll front matter (keeping lines)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if match:
            text = "\n" * match.group(0).count("\n") + text[match.end() :]
    return text


def _snippet(raw: str, limit: int = 50) -> str:
    text = " ".join(raw.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unwrap(block: object) -> object:
    """The block bibtexparser wrapped for a duplicate key or field (we judge those ourselves)."""
    while isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock)):
        inner = block.ignore_error_block
        if inner is None:
            break
        block = inner
    return block


def _field_name(raw_name: str) -> str:
    """Field name without `%` comment lines before it (`% note = ...` lines are comments)."""
    if "%" in raw_name or "\n" in raw_name:
        lines = [line for line in raw_name.split("\n") if not line.lstrip().startswith("%")]
        raw_name = " ".join(lines)
    return raw_name.strip().lower()


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

    def field_lines(self, block: Entry, entry_line: int) -> list[int]:
        """Line of the `=` of each field of `block`."""
        if self.exact:
            return [(item.start_line or 0) + 1 + self._offset for item in block.fields]
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
        return lines


# A block start, as bibtexparser's splitter finds it. At the start of a line (after blanks) it
# always begins a new block, even inside an unclosed one (see `_is_at_line_start` there).
_BLOCK_START = re.compile(r"@\w*[ \t]*(?=[{(])")


@dataclass(slots=True)
class _EntryBlock:
    """What is kept of a bibtexparser `Entry` (not its raw text, which `_Parsed` would keep alive)."""

    entry_type: str
    key: str
    fields: list[_RawField]


class _CommentedOut:
    """Stands for a block bibtexparser could not parse on a `%` line (`% @article{...`)."""


# An unwrapped block, its line, its fields' lines.
_Record = tuple[Block | _EntryBlock | _CommentedOut, int, list[int]]


@dataclass
class _Parsed:
    """bibtexparser's blocks of a text, by chunk: the text is cut before every `@` that starts
    a block at the start of a line. No block spans such a cut, and how a chunk is split
    depends only on its own text and on the block start that follows it."""

    chunks: list[str]
    lines: list[int]  # the line each chunk starts on
    records: list[list[_Record]]


def _chunks(text: str) -> tuple[list[str], list[int]]:
    """`text` cut before every block start at the start of a line, and the line of each piece."""
    cuts = [0]
    for match in _BLOCK_START.finditer(text):
        at = match.start()
        line_start = text.rfind("\n", 0, at) + 1
        if at > 0 and (line_start == at or text[line_start:at].isspace()):
            cuts.append(at)
    chunks = [text[start:end] for start, end in zip(cuts, cuts[1:] + [len(text)], strict=True)]
    lines = [1]
    for chunk in chunks[:-1]:
        lines.append(lines[-1] + chunk.count("\n"))
    return chunks, lines


def _parse_records(text: str, first_line: int) -> list[_Record]:
    """bibtexparser's blocks of `text` (which starts on line `first_line`), with their lines."""
    with _quiet_bibtexparser():
        library = bibtexparser.parse_string(text, parse_stack=[])
    finder = _LineFinder(text, first_line)
    records: list[_Record] = []
    text_lines: list[str] = []  # split when first needed
    for original in library.blocks:
        block = _unwrap(original)
        line = finder.block_line(block)
        if isinstance(block, (Entry, ParsingFailedBlock)):
            # `% @article{...`: a commented-out entry (`%` lines are comments for biber and most
            # editors); `_split` drops it. A failed one is kept as a `_CommentedOut`.
            text_lines = text_lines or text.split("\n")
            if text_lines[line - first_line].lstrip().startswith("%"):
                if isinstance(block, ParsingFailedBlock):
                    records.append((_CommentedOut(), line, []))
                continue
        if isinstance(block, Entry):
            fields = [(sys.intern(item.key), item.value) for item in block.fields]
            records.append((_EntryBlock(block.entry_type, block.key, fields), line, finder.field_lines(block, line)))
        else:
            records.append((block, line, []))
    return records


def _by_chunk(records: list[_Record], lines: list[int], first: int, stop: int) -> list[list[_Record]]:
    """`records` of chunks `first` to `stop` (excluded) sorted into their chunks; others dropped."""
    result: list[list[_Record]] = [[] for _ in range(first, stop)]
    for record in records:
        index = bisect.bisect_right(lines, record[1]) - 1
        if first <= index < stop:
            result[index - first].append(record)
    return result


# --- the fast path: well-formed entries split without bibtexparser -------------------------------
#
# bibtexparser's splitter jumps between "marks": `{ } " , =` and newlines not right after a
# backslash (plus `)` inside a `@type(...)` block) and `@type{` block starts. The patterns below
# accept only chunks whose marks sit where an ordinary entry has them, and then cut the chunk
# exactly where bibtexparser would: a field name runs from the comma to the `=`, a value from the
# `=` to the next `,` or closing delimiter outside braces and quotes, both stripped. Anything
# else is left to bibtexparser (`_fast_records` returns None).

#: Off only in tests, which compare the fast path with bibtexparser's split of the same text.
_FAST_PATH = True

# Outside braces and quotes: no mark, no backslash (it hides the mark after it), no `@` or `(`.
_PLAIN = r'[^{}",=\\@()]'
# Inside braces only unescaped braces count (quotes, commas, `=` and `)` do not). A `{` or `}`
# right after a backslash is no mark: `\\+[^\\]` takes a run of backslashes and the character
# after it. Written as "unrolled loops" (every character can match in one way only), so a
# failing match backtracks in linear time; nesting deeper than `_MAX_DEPTH` falls back.
_MAX_DEPTH = 8
_IN_BRACES = r"[^{}\\]*(?:\\+[^\\][^{}\\]*)*"
for _ in range(_MAX_DEPTH):
    _IN_BRACES = r"[^{}\\]*(?:(?:\\+[^\\]|\{" + _IN_BRACES + r"\})[^{}\\]*)*"
# Inside quotes only an unescaped `"` counts, but bibtexparser reads `{"}` as a quote character
# (not the end): a closing quote right after `{` falls back.
_IN_QUOTES = r'[^"\\]*(?:\\+[^\\][^"\\]*)*(?<!\{)'
# A value: plain text (numbers, macro names, `#`, blanks) and `{...}` and `"..."` parts.
_VALUE = rf'{_PLAIN}*(?:(?:\{{{_IN_BRACES}\}}|"{_IN_QUOTES}"){_PLAIN}*)*'
# `@type{key,` (or `@type(key,`): the block start is the one `_chunks` cut at, and a
# key is an ordinary one (no blank, quote, `#`, `%`, ...) between blanks.
_FAST_HEAD = re.compile(r"@(\w*)[ \t]*([{(])\s*([^\s\"#%'(),={}\\@]*)\s*,")
# `name = value` and the mark after it: a comma, or the delimiter closing the entry.
_FAST_FIELD = {
    "}": re.compile(rf"({_PLAIN}*)=({_VALUE})([,}}])"),
    ")": re.compile(rf"({_PLAIN}*)=({_VALUE})([,)])"),
}
# The closing delimiter after a comma (a trailing comma, or no field at all).
_FAST_CLOSE = {"}": re.compile(r"\s*\}"), ")": re.compile(r"\s*\)")}
_BLANK_TO_END = re.compile(r"\s*\Z")
# Block types bibtexparser does not read as entries (it tests the lower-cased type's start).
_SPECIAL_TYPES = ("comment", "preamble", "string")


def _fast_records(chunk: str, line: int) -> list[_Record] | None:
    """The records bibtexparser would give for `chunk` (which starts on line `line`), when the
    chunk is blank, or one well-formed entry followed by blanks or by free text without `@`
    (an implicit comment); else None.

    The entry's line is that of its `@` (the chunk's first line), a field's that of its `=`.
    Duplicate field names fall back, so that bibtexparser stays the reference for them."""
    if not chunk or chunk.isspace():
        return []  # blanks between entries: bibtexparser drops an empty implicit comment
    head = _FAST_HEAD.match(chunk)
    if head is None:
        return None
    entry_type = head.group(1).lower()
    if entry_type.startswith(_SPECIAL_TYPES):
        return None
    closer = "}" if head.group(2) == "{" else ")"
    field_pattern = _FAST_FIELD[closer]
    fields: list[_RawField] = []
    field_lines: list[int] = []
    position = head.end()
    counted, field_line = 0, line  # newlines are counted up to `counted`
    separator = ","
    while separator == ",":
        found = field_pattern.match(chunk, position)
        if found is None:  # after a comma: a trailing one before the closing delimiter, or junk
            closing = _FAST_CLOSE[closer].match(chunk, position)
            if closing is None:
                return None
            position = closing.end()
            break
        name, value, separator = found.groups()
        equals = found.end(1)
        field_line += chunk.count("\n", counted, equals)
        counted = equals
        fields.append((sys.intern(name.strip()), value.strip()))
        field_lines.append(field_line)
        position = found.end()
    if len({name for name, _ in fields}) < len(fields):
        return None
    records: list[_Record] = [(_EntryBlock(entry_type, head.group(3), fields), line, field_lines)]
    if _BLANK_TO_END.match(chunk, position) is None:
        # Free text after the entry: bibtexparser's implicit comment, unless an `@` in it starts a block.
        rest = chunk[position:]
        if "@" in rest:
            return None
        comment = rest.strip()
        comment_line = line + chunk.count("\n", 0, position + len(rest) - len(rest.lstrip()))
        records.append((ImplicitComment(start_line=comment_line - 1, raw=comment, comment=comment), comment_line, []))
    return records


def _parse_chunks(chunks: list[str], lines: list[int], first: int, stop: int) -> list[list[_Record]]:
    """The records of chunks `first` to `stop` (excluded), by chunk: by the fast path where it
    applies, else by bibtexparser, which gets each run of such chunks at once."""
    result: list[list[_Record]] = []
    run = first  # the first chunk of the run still to give to bibtexparser
    for index in range(first, stop):
        records = _fast_records(chunks[index], lines[index]) if _FAST_PATH else None
        if records is None:
            continue
        if run < index:
            result.extend(_parse_run(chunks, lines, run, index))
        result.append(records)
        run = index + 1
    if run < stop:
        result.extend(_parse_run(chunks, lines, run, stop))
    return result


def _parse_run(chunks: list[str], lines: list[int], first: int, stop: int) -> list[list[_Record]]:
    """bibtexparser's records of chunks `first` to `stop` (excluded), by chunk.

    An unclosed block ends where the next chunk's block starts ("Unexpected block start"): the
    run is parsed followed by the first line of that chunk (which holds its whole block start),
    whose own records are dropped."""
    text = "".join(chunks[first:stop])
    if stop < len(chunks):
        following = chunks[stop]
        newline = following.find("\n")
        text += following if newline < 0 else following[: newline + 1]
    return _by_chunk(_parse_records(text, lines[first]), lines, first, stop)


def _parse_blocks(text: str, previous: _Parsed | None) -> tuple[list[_Record], _Parsed | None]:
    """The blocks of `text` as bibtexparser splits them; with the `previous` parse of an
    earlier version of the text, only the chunks that changed are parsed again (an edit to one
    entry of a large file parses about one entry)."""
    if "\\\n" in text:  # bibtexparser miscounts lines there; `_LineFinder` needs the whole text
        return _parse_records(text, 1), None
    chunks, lines = _chunks(text)
    if previous is None:
        records_by_chunk = _parse_chunks(chunks, lines, 0, len(chunks))
        return [record for chunk in records_by_chunk for record in chunk], _Parsed(chunks, lines, records_by_chunk)
    old = previous
    shortest = min(len(old.chunks), len(chunks))
    same_start = 0
    while same_start < shortest and old.chunks[same_start] == chunks[same_start]:
        same_start += 1
    same_end = 0
    while same_end < shortest - same_start and old.chunks[-1 - same_end] == chunks[-1 - same_end]:
        same_end += 1
    # A chunk's blocks depend on the block start after it: the last unchanged chunk before the
    # change is parsed again (`_parse_run` gives a run the start of the chunk after it).
    first = max(same_start - 1, 0)
    stop = len(chunks) - same_end
    records_by_chunk = old.records[:first] + _parse_chunks(chunks, lines, first, stop)
    if same_end:
        old_stop = len(old.chunks) - same_end
        shift = lines[stop] - old.lines[old_stop]
        for kept in old.records[old_stop:]:
            records_by_chunk.append(
                [(block, line + shift, [at + shift for at in field_lines]) for block, line, field_lines in kept]
                if shift
                else kept
            )
    parsed = _Parsed(chunks, lines, records_by_chunk)
    return [record for chunk in records_by_chunk for record in chunk], parsed


def _split(text: str, path: str, previous: _SplitFile | None = None) -> _SplitFile:
    """Split BibTeX text into raw entries and `@string` definitions; report what fails.

    With `previous`, the split of an earlier version of the same file, only the changed part
    of the text is given to bibtexparser again (the result is the same as without)."""
    result = _SplitFile(path)
    text = _drop_control_characters(_prepare(text), result)
    records, result.parsed = _parse_blocks(text, previous.parsed if previous is not None else None)
    first_key_line: dict[str, int] = {}
    previous_block: object = None
    for block, line, field_lines in records:
        if isinstance(block, _EntryBlock):
            _add_entry(result, block, line, field_lines, first_key_line)
        elif isinstance(block, String):
            _add_string(result, block, line)
        elif isinstance(block, ParsingFailedBlock):
            _add_failed(result, block, line)
        elif isinstance(block, (ExplicitComment, Preamble)):
            written = _BLOCK_KEY.match(block.raw or "")
            if written and written.group(1).lower() not in _IGNORED_BLOCKS:  # `@commentary{` read as a comment
                result.problems.append(
                    Problem(
                        path,
                        line,
                        f"'@{written.group(1)}' is read as a comment and ignored",
                        "fix the entry type, or write @comment{...}",
                    )
                )
        elif isinstance(block, ImplicitComment):
            if isinstance(previous_block, _EntryBlock):
                _check_closed_early(result, previous_block, block, line)
            _check_stray_at(result, block, line)
        previous_block = block
    if not result.entries and not result.strings and not result.problems:
        empty = not _COMMENT_LINES.sub("", text).strip()
        result.problems.append(
            Problem(
                path,
                0,
                "the file is empty" if empty else "the file holds no BibTeX entry",
                "add entries such as @article{key, title = {...}, ...} or delete the file",
            )
        )
    return result


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _drop_control_characters(text: str, result: _SplitFile) -> str:
    """Remove control characters (NUL and co.), which no BibTeX value may hold; report them."""
    # Looking for them in the UTF-8 bytes is several times quicker than a regex search of the
    # text (in UTF-8 these characters are single bytes that no other character contains).
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _CONTROL_BYTES)) == len(data):
        return text
    found = _CONTROL.search(text)
    if found is None:
        return text
    count = len(_CONTROL.findall(text))
    result.problems.append(
        Problem(
            result.path,
            text.count("\n", 0, found.start()) + 1,
            f"the file contains {count} control character(s) such as U+{ord(found.group(0)):04X}; they are removed",
            "save the file as plain UTF-8 text; a NUL byte often means a UTF-16 or binary file",
        )
    )
    return _CONTROL.sub("", text)


def _check_closed_early(result: _SplitFile, entry: _EntryBlock, block: ImplicitComment, line: int) -> None:
    """Report fields left after an entry that an extra `}` closed too early."""
    comment = _COMMENT_LINES.sub("", block.comment)
    stripped = comment.lstrip(" \t\n,")
    found = _FIELD_LINE.match(stripped)
    if not found:
        return
    field_line = line + comment[: len(comment) - len(stripped)].count("\n")
    result.problems.append(
        Problem(
            result.path,
            field_line,
            f"field '{found.group(1).lower()}' comes after the end of entry '{entry.key.strip()}' and is ignored: "
            "an extra '}' closed the entry early",
            "remove the extra '}' before it",
        )
    )


def _add_entry(
    result: _SplitFile,
    block: _EntryBlock,
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
    result.entries.append(_RawBlock(block.entry_type.strip().lower(), key, line, block.fields, field_lines))


def _add_string(result: _SplitFile, block: String, line: int) -> None:
    name = block.key.strip().lower()
    written = _BLOCK_KEY.match(block.raw or "")
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


def _add_failed(result: _SplitFile, block: ParsingFailedBlock, line: int) -> None:
    raw = block.raw or ""
    match = _BLOCK_KEY.match(raw)
    block_type = match.group(1).lower() if match else ""
    if block_type in _IGNORED_BLOCKS:
        return
    reason = getattr(block.error, "abort_reason", str(block.error)).strip()
    what = "@string" if block_type == "string" else "entry"
    if match and match.group(2) and block_type != "string":
        what = f"entry '{match.group(2)}'"
    message, hint = _diagnose_failed(raw, line, reason)
    result.problems.append(
        Problem(
            result.path,
            line,
            f"could not read {what} starting with '{_snippet(raw)}': {message}; it is ignored",
            hint,
        )
    )


_FIELD_LINE = re.compile(r"[ \t]*,?[ \t]*([^\s\"#%'(),={}]+)[ \t]*=")


def _unclosed_field(raw: str, line: int) -> tuple[str, int] | None:
    """The field (name, line) whose `{` is still open when the next field starts, if any."""
    depth = 0
    current: tuple[str, int] | None = None
    for offset, text in enumerate(raw.split("\n")):
        if offset and depth > 1 and current is not None and _FIELD_LINE.match(text):
            return current
        if depth <= 1:
            found = _FIELD_LINE.match(text.split("{", 1)[1] if offset == 0 and "{" in text else text)
            if found:
                current = (found.group(1).lower(), line + offset)
        for brace in _BRACE.findall(text):
            depth += 1 if brace == "{" else -1
    return current if depth > 1 else None


def _diagnose_failed(raw: str, line: int, reason: str) -> tuple[str, str]:
    """A message and hint for a block bibtexparser gave up on, in the user's terms."""
    unclosed = _unclosed_field(raw, line)
    end = line + raw.count("\n")
    if unclosed is not None:
        name, field_line = unclosed
        return (
            f"the '{{' of field '{name}' on line {field_line} is never closed, so the entry runs on to line {end}",
            f"add the missing '}}' at the end of the value of '{name}'",
        )
    if reason.startswith("Unexpected block start"):
        return (
            f"the entry is not closed before the next '@' on line {end + 1}",
            "check that every '{' and '\"' of the entry is closed and the entry ends with '}'",
        )
    if reason.startswith("Unexpectedly reached end of file"):
        return (
            "the entry is not closed before the end of the file",
            "check that every '{' and '\"' of the entry is closed and the entry ends with '}'",
        )
    if "Expected a `=`" in reason or "Expected equals sign" in reason:
        return (
            f"a field without '=' ({reason.rstrip('.')})",
            "write each field as `name = {value},`",
        )
    if "Expected comma after entry key" in reason:
        return ("no comma after the entry key", "write the entry as `@type{key, field = {value}, ...}`")
    return (f"invalid BibTeX ({reason.rstrip('.')})", "check its braces, quotes and commas")


def _check_stray_at(result: _SplitFile, block: ImplicitComment, line: int) -> None:
    """Report lines of free text that start with `@` but do not start an entry."""
    comment = block.comment
    if "@" not in comment:
        return
    for match in _STRAY_AT.finditer(comment):
        if match.group(1).lower() in _NOT_ENTRIES:
            continue
        at_line = line + comment.count("\n", 0, match.start())
        first_line = comment[match.start() :].split("\n", 1)[0]
        result.problems.append(
            Problem(
                result.path,
                at_line,
                f"'{_snippet(first_line, 40)}' does not start an entry; it is ignored",
                "write an entry as @type{key, field = {value}, ...} with '@type{' on one line",
            )
        )


# --- expanding one file -------------------------------------------------------------------------

_UNDEFINED_HINT = "define it with @string or put the value in braces"


def _expand(split: _SplitFile, macros: _Macros, previous: _Expanded | None = None) -> BibFile:
    """Expand the values of a split file with `macros`; report what cannot be expanded.

    `previous` holds the entries expanded from an earlier version of the file with the same
    macros: an entry found there unchanged (its text and lines) is taken from it."""
    bib = BibFile(split.path, problems=list(split.problems))
    for name, (_, line) in split.strings.items():
        value = macros(name)
        bib.macros[name] = value if value is not None else ""
        for macro in macros.undefined.get(name, []):
            bib.problems.append(
                Problem(
                    split.path,
                    line,
                    f"undefined macro '{macro}' in @string '{name}'",
                    _UNDEFINED_HINT,
                )
            )
    taken = set(split.keys)
    known = previous.entries if previous is not None else {}
    memo: dict[_EntrySignature, tuple[RawEntry, list[Problem], list[_RawField]]] = {}
    for block in split.entries:
        if not block.key:  # its generated key depends on the other entries
            bib.entries.append(_expand_entry(block, split.path, macros, bib.problems, taken))
            continue
        signature = (id(block.fields), block.line)
        hit = known.get(signature) or memo.get(signature)
        if hit is None or hit[2] is not block.fields:
            found: list[Problem] = []
            hit = (_expand_entry(block, split.path, macros, found, taken), found, block.fields)
        memo[signature] = hit
        bib.entries.append(hit[0])
        bib.problems.extend(hit[1])
    bib.problems.sort(key=lambda problem: problem.line)
    bib.expanded = _Expanded(split.strings, macros._shared, memo)
    return bib


def _generated_key(fields: Mapping[str, str], taken: set[str]) -> str:
    """A key for an entry written without one (Mendeley does this): `family` + `year`."""
    names = fields.get("author") or fields.get("editor") or ""
    first = re.split(r"\s+and\s+", names, maxsplit=1)[0]
    family = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    ascii_family = unicodedata.normalize("NFKD", family).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z]", "", ascii_family.lower()) or "anonymous"
    year = re.search(r"\d{4}", fields.get("year") or fields.get("date") or "")
    base = stem + (year.group(0) if year else "")
    key, number = base, 1
    while key.casefold() in taken:
        number += 1
        key = f"{base}-{number}"
    taken.add(key.casefold())
    return key


def _expand_entry(block: _RawBlock, path: str, macros: _Macros, problems: list[Problem], taken: set[str]) -> RawEntry:
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    label = block.key or f"@{block.entry_type} at line {block.line}"
    pending: list[tuple[str, str, int]] = [
        (raw_name, raw_value, line) for (raw_name, raw_value), line in zip(block.fields, block.field_lines, strict=True)
    ]
    index = 0
    while index < len(pending):
        raw_name, raw_value, line = pending[index]
        index += 1
        if raw_name.isalnum():
            # One string object per field name, not one per entry (10,000 entries, 100,000 fields).
            name = raw_name if raw_name.islower() else sys.intern(raw_name.lower())
        else:
            name = _field_name(raw_name)
            if not name:
                continue  # the whole field was commented out with `%`
            if not _NAME.fullmatch(name) or name.startswith("@"):
                problems.append(
                    Problem(
                        path,
                        line,
                        f"invalid field name '{_snippet(raw_name, 30)}' in entry '{label}'; the field is ignored",
                        "check the commas and braces before it",
                    )
                )
                continue
        # Fast path for the usual `{text}` without inner braces; else the full value parser.
        inner = raw_value[1:-1]
        if raw_value[:1] == "{" and raw_value[-1:] == "}" and "{" not in inner and "}" not in inner:
            text = inner
        else:
            text = _expand_value(raw_value, name, line, label, path, macros, problems, pending, index)
        if name in fields:
            problems.append(
                Problem(
                    path,
                    line,
                    f"duplicate field '{name}' in entry '{label}' (first at line {field_lines[name]}); "
                    "the first value is kept",
                    "remove one of them",
                )
            )
            continue
        fields[name] = text
        field_lines[name] = line
    key = block.key
    if not key:
        key = _generated_key(fields, taken)
        problems.append(
            Problem(
                path,
                block.line,
                f"@{block.entry_type} entry without a key; it is shown with the key '{key}'",
                f"add a citation key after '@{block.entry_type}{{'",
            )
        )
    return RawEntry(key, block.entry_type, fields, field_lines, Source(path, block.line))


def _expand_value(
    raw_value: str,
    name: str,
    line: int,
    label: str,
    path: str,
    macros: _Macros,
    problems: list[Problem],
    pending: list[tuple[str, str, int]],
    index: int,
) -> str:
    """Parse one value in full; report undefined macros, unbalanced braces and trailing text.

    A field swallowed by a missing comma is inserted into `pending` at `index`.
    """
    value = _parse_value(raw_value, macros)
    for macro in value.undefined:
        problems.append(
            Problem(path, line, f"undefined macro '{macro}' in field '{name}' of entry '{label}'", _UNDEFINED_HINT)
        )
    if value.unbalanced:
        problems.append(
            Problem(
                path,
                line,
                f"unbalanced braces or quotes in field '{name}' of entry '{label}'",
                "close every { with } and every opening quote",
            )
        )
    if value.end < len(raw_value):
        recovered = _after_value(raw_value, value.end, name, line, label, path, problems)
        if recovered is not None:
            pending.insert(index, recovered)
    return value.text


def _after_value(
    raw_value: str,
    end: int,
    name: str,
    line: int,
    label: str,
    path: str,
    problems: list[Problem],
) -> tuple[str, str, int] | None:
    """Handle text after a complete value: a field swallowed for a missing comma, or junk."""
    rest = _COMMENT_LINES.sub("", raw_value[end:])
    stripped = rest.lstrip()
    if not stripped:
        return None
    rest_line = line + raw_value.count("\n", 0, end) + rest[: len(rest) - len(stripped)].count("\n")
    swallowed = _FIELD_START.match(stripped)
    if swallowed:
        next_name = swallowed.group(1).lower()
        problems.append(
            Problem(
                path,
                rest_line,
                f"missing comma before field '{next_name}' in entry '{label}'?",
                "add a comma after the previous field",
            )
        )
        return (next_name, stripped[swallowed.end() :].strip(), rest_line)
    problems.append(
        Problem(
            path,
            rest_line,
            f"unexpected text '{_snippet(stripped, 30)}' after the value of field '{name}' "
            f"in entry '{label}'; it is ignored",
            "join the parts with # or put the whole value in braces",
        )
    )
    return None


# --- public API ------------------------------------------------------------------------------


def parse_bib_text(text: str, path: str, extra_macros: Mapping[str, str] | None = None) -> BibFile:
    """Parse the BibTeX `text` of one file (`path` is only used in messages and sources).

    Macros are looked up in the file's own `@string`s (in any order; a redefinition is
    reported and the last one wins), then in `extra_macros` (already expanded values, e.g.
    the `macros` of another `BibFile`), then the month names. For several files whose
    macros refer to each other, use `parse_bib_texts`. Never raises for bad data.
    """
    split = _split(text, path)
    return _expand(split, _Macros(split.strings, extra=extra_macros))


def parse_bib_texts(sources: Sequence[tuple[str, str]]) -> list[BibFile]:
    """Parse several BibTeX texts, given as `(text, path)` pairs, that share macros.

    Two passes: first all files are split and their `@string` definitions collected; then
    each file is expanded with its own definitions first and every other file's next (for a
    name defined in several other files, the last file in the given order wins, as if the
    files were concatenated). So a file of journal macros can sit beside the entries.
    """
    splits = [_split(text, path) for text, path in sources]
    shared: dict[str, tuple[str, int]] = {}
    for split in splits:
        shared.update(split.strings)
    return [_expand(split, _Macros(split.strings, shared)) for split in splits]


def _decode_bytes(data: bytes, display_path: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), else Windows-1252 / Latin-1 with a Problem."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            return text, [Problem(display_path, 0, "the file is UTF-16; it was read as such", "save the file as UTF-8")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    problem = Problem(
        display_path,
        line,
        "the file is not UTF-8; it was read as Windows-1252 (Latin-1), so some characters may be wrong",
        "save the file as UTF-8",
    )
    return text, [problem]


def _read(path: Path, display_path: str) -> tuple[str, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return "", [Problem(display_path, 0, f"cannot read the file: {reason}")]
    return _decode_bytes(data, display_path)


def read_bib_file(path: Path, display_path: str) -> BibFile:
    """Read and parse one `.bib` file; `display_path` is the path shown in messages.

    A file that is not UTF-8 is read as Windows-1252 with a Problem; a BOM is fine.
    """
    text, problems = _read(path, display_path)
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


@dataclass(frozen=True, eq=False)
class SplitBib:
    """One `.bib` file read and split into raw entries, its macros not yet expanded.

    The expensive half of reading a file (bibtexparser's split), and the half that depends on
    this file only: a cache may keep it by path, mtime and size, and expand it again when the
    macros of another file change (`shared_macros`, `expand_bib_file`).
    """

    split: _SplitFile
    read_problems: tuple[Problem, ...]


def split_bib_file(path: Path, display_path: str, previous: SplitBib | None = None) -> SplitBib:
    """Read and split one `.bib` file (the first pass of `read_bib_files`).

    With `previous`, the split of an earlier version of the file, bibtexparser only parses
    the changed part again (the result is the same)."""
    text, problems = _read(path, display_path)
    return SplitBib(_split(text, display_path, previous.split if previous is not None else None), tuple(problems))


def shared_macros(files: Sequence[SplitBib]) -> dict[str, tuple[str, int]]:
    """The raw `@string` definitions of all files (the last file wins), for `expand_bib_file`."""
    shared: dict[str, tuple[str, int]] = {}
    for file in files:
        shared.update(file.split.strings)
    return shared


def expand_bib_file(file: SplitBib, shared: Mapping[str, tuple[str, int]], previous: BibFile | None = None) -> BibFile:
    """Expand one split file with its own macros first, then the `shared` ones.

    With `previous`, the expansion of an earlier version of the file, entries that did not
    change are taken from it when no macro changed (the result is the same)."""
    memo = previous.expanded if previous is not None else None
    if memo is not None and (memo.own != file.split.strings or memo.shared != shared):
        memo = None
    bib = _expand(file.split, _Macros(file.split.strings, shared), memo)
    bib.problems[:0] = file.read_problems
    return bib


def resolve_crossrefs(
    files: Sequence[BibFile],
) -> tuple[list[RawEntry], set[str], list[Problem]]:
    """Merge crossref parents into their children, across all files.

    Returns the entries of all files in order (for a key used in several files, case-
    insensitively, the first is kept and the others are reported), the keys of parents that
    are containers (`PARENT_ONLY_TYPES`) referenced by a `crossref` (not publications of their
    own), and the problems: duplicate keys across files and crossrefs to a missing entry.
    A child gets every field it lacks from its parent (except `crossref`-like bookkeeping
    fields), and `booktitle` from the parent's `title` when the parent is a book,
    proceedings or collection. Parents may themselves have a crossref (resolved first).
    """
    problems: list[Problem] = []
    by_key: dict[str, RawEntry] = {}
    ordered: list[RawEntry] = []
    for bib in files:
        for entry in bib.entries:
            folded = entry.key.casefold()
            first = by_key.get(folded)
            if first is not None:
                problems.append(
                    Problem(
                        entry.source.path,
                        entry.source.line,
                        f"duplicate key '{entry.key}' (first at {first.source}); this entry is ignored",
                        "rename one of them",
                    )
                )
                continue
            by_key[folded] = entry
            ordered.append(entry)

    resolved: dict[str, RawEntry] = {}
    parents: set[str] = set()

    def resolve(entry: RawEntry, seen: frozenset[str]) -> RawEntry:
        folded = entry.key.casefold()
        if folded in resolved:
            return resolved[folded]
        target = entry.fields.get("crossref", "").strip()
        if not target:
            resolved[folded] = entry
            return entry
        parent = by_key.get(target.casefold())
        if parent is None or target.casefold() in seen:
            if parent is None:
                problems.append(
                    Problem(
                        entry.source.path,
                        entry.field_lines.get("crossref", entry.source.line),
                        f"crossref '{target}' not found",
                        "add the parent entry or remove the field",
                    )
                )
            resolved[folded] = entry
            return entry
        parent = resolve(parent, seen | {folded})
        if parent.entry_type in PARENT_ONLY_TYPES:
            parents.add(parent.key)
        merged = _inherit(entry, parent)
        resolved[folded] = merged
        return merged

    result = [resolve(entry, frozenset()) for entry in ordered]
    return result, parents, problems


def _inherit(child: RawEntry, parent: RawEntry) -> RawEntry:
    fields = dict(child.fields)
    lines = dict(child.field_lines)
    inherited_line = child.field_lines.get("crossref", child.source.line)
    if "booktitle" not in fields and "title" in parent.fields and parent.entry_type in _BOOKTITLE_PARENT_TYPES:
        fields["booktitle"] = parent.fields["title"]
        lines["booktitle"] = inherited_line
    for name, value in parent.fields.items():
        if name not in fields and name not in _NOT_INHERITED:
            fields[name] = value
            lines[name] = inherited_line
    return RawEntry(child.key, child.entry_type, fields, lines, child.source)


def _braced(value: str) -> str:
    """`{value}`, escaping braces that do not pair up so the result stays valid BibTeX."""
    if "{" not in value and "}" not in value:
        return "{" + value + "}"
    depth = 0
    unmatched: set[int] = set()
    openings: list[int] = []
    for match in _BRACE.finditer(value):
        if match.group(0) == "{":
            openings.append(match.start())
            depth += 1
        elif depth:
            openings.pop()
            depth -= 1
        else:
            unmatched.add(match.start())
    unmatched.update(openings)
    if not unmatched:
        return "{" + value + "}"
    chars = [("\\" + char if index in unmatched else char) for index, char in enumerate(value)]
    return "{" + "".join(chars) + "}"


_STANDARD_NAMES = {"authors": "author", "editors": "editor"}
_NAME_FIELDS = frozenset({"author", "authors", "editor", "editors"})


def add_bibtex_field(text: str, name: str, value: str) -> str:
    """`text` (one entry as `clean_bibtex` writes it) with `name = {value}` as its last field."""
    closing = text.rindex("}")
    return f"{text[:closing].rstrip()}\n  {name} = {_braced(value)},\n}}"


def clean_bibtex(entry: RawEntry, drop: Collection[str]) -> str:
    """The entry as clean, stand-alone BibTeX: macros expanded, fields in `drop` left out.

    `@type{key,\\n  field = {value},\\n}` with the fields in their original order. `crossref`
    is left out too (the parent's fields are merged in: it would point at an entry the reader
    may not have), and so are contribution marks in names (`Lovelace*`), which would print in
    a paper's bibliography.
    """
    lines = [f"@{entry.entry_type}{{{entry.key},"]
    for name, value in entry.fields.items():
        if name in drop or name == "crossref":
            continue
        if name in _NAME_FIELDS:
            value = without_marks(value)
        # `authors`/`editors` (accepted in data files) are `author`/`editor` to BibTeX and biber.
        standard = _STANDARD_NAMES.get(name, name)
        if standard != name and standard in entry.fields:
            continue
        lines.append(f"  {standard} = {_braced(value)},")
    lines.append("}")
    return "\n".join(lines)
