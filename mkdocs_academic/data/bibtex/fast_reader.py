"""The fast reader: well-formed entries split without bibtexparser, exactly as it would split them.

bibtexparser's splitter jumps between "marks": `{ } " , =` and newlines not right after a
backslash (plus `)` inside a `@type(...)` block) and `@type{` block starts. The patterns below
accept only chunks whose marks sit where an ordinary entry has them, and then cut the chunk
exactly where bibtexparser would: a field name runs from the comma to the `=`, a value from the
`=` to the next `,` or closing delimiter outside braces and quotes, both stripped. Anything
else is left to bibtexparser (`fast_records` returns None). tests/test_bibtex_fastpath.py
compares both readers on the same texts.
"""

from __future__ import annotations

import re
import sys
from functools import cache

from .model import RawField
from .records import EntryBlock, FreeText, Record

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
# `@type{key,` (or `@type(key,`): the block start is the one `chunks.cut_into_chunks` cut at, and a
# key is an ordinary one (no blank, quote, `#`, `%`, ...) between blanks.
_FAST_HEAD = re.compile(r"@(\w*)[ \t]*([{(])\s*([^\s\"#%'(),={}\\@]*)\s*,")
# The closing delimiter after a comma (a trailing comma, or no field at all).
_FAST_CLOSE = {"}": re.compile(r"\s*\}"), ")": re.compile(r"\s*\)")}
_BLANK_TO_END = re.compile(r"\s*\Z")
# Block types bibtexparser does not read as entries (it tests the lower-cased type's start).
_SPECIAL_TYPES = ("comment", "preamble", "string")


@cache
def _field_pattern(closer: str) -> re.Pattern[str]:
    """`name = value` and the mark after it: a comma, or `closer`, the delimiter closing the
    entry. Compiled at first use (a few ms each, and `@type(...)` entries are rare)."""
    return re.compile(rf"({_PLAIN}*)=({_VALUE})([,{closer}])")


def fast_records(chunk: str, line: int) -> tuple[Record, ...] | None:
    """The records bibtexparser would give for `chunk` (which starts on line `line`), when the
    chunk is blank, or one well-formed entry followed by blanks or by free text without `@`
    (an implicit comment); else None.

    The entry's line is that of its `@` (the chunk's first line), a field's that of its `=`.
    Duplicate field names fall back, so that bibtexparser stays the reference for them."""
    if not chunk or chunk.isspace():
        return ()  # blanks between entries: bibtexparser drops an empty implicit comment
    head = _FAST_HEAD.match(chunk)
    if head is None:
        return None
    entry_type = head.group(1).lower()
    if entry_type.startswith(_SPECIAL_TYPES):
        return None
    closer = "}" if head.group(2) == "{" else ")"
    field_pattern = _field_pattern(closer)
    fields: list[RawField] = []
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
    if len(dict(fields)) < len(fields):
        return None
    entry: Record = (EntryBlock(entry_type, head.group(3), tuple(fields)), line, tuple(field_lines))
    if _BLANK_TO_END.match(chunk, position) is None:
        # Free text after the entry: bibtexparser's implicit comment, unless an `@` in it starts a block.
        rest = chunk[position:]
        if "@" in rest:
            return None
        comment = rest.strip()
        comment_line = line + chunk.count("\n", 0, position + len(rest) - len(rest.lstrip()))
        return (entry, (FreeText(comment), comment_line, ()))
    return (entry,)
